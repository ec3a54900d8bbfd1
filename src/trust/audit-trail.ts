// The audit log: every read and change of patient data, append-only (a trigger refuses updates and
// deletes) and hash-chained, so removing or editing a row breaks the chain and shows.
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Actor } from './domain/actor.ts';

export interface AuditEntry {
  action: string;
  resourceType: string;
  resourceId?: string | number | null;
  patientId?: number | null;
  /** Why: the legitimate relationship or purpose (required for hub access). */
  reason?: string | null;
  details?: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);
// One chain for the whole deployment: writers take this transaction-scoped lock in turn.
const AUDIT_LOCK_KEY = 74_110_001;

export interface AuditTrail {
  record(db: Kysely<Database> | Transaction<Database>, actor: Actor, entry: AuditEntry): Promise<void>;
  /** Several entries in one transaction, chained in order with one lock and one insert (the front door's group commit). */
  recordMany(trx: Transaction<Database>, entries: readonly { actor: Actor; entry: AuditEntry }[]): Promise<void>;
}

export function auditHash(previous: string, row: { at: Date; actor_id: string; actor_role: string; actor_org: string | null; action: string;
  resource_type: string; resource_id: string | null; patient_id: number | null; reason: string | null; details: Record<string, unknown> }): string {
  const canonical = JSON.stringify([row.at.toISOString(), row.actor_id, row.actor_role, row.actor_org, row.action, row.resource_type,
    row.resource_id, row.patient_id, row.reason, canonicalJson(row.details)]);
  return createHash('sha256').update(previous).update(canonical).digest('hex');
}

/** Keys sorted at every level: jsonb stores objects in its own key order, so the hash must not depend on order. */
export function canonicalJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalJson);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const inner = (value as Record<string, unknown>)[key];
    if (inner !== undefined) sorted[key] = canonicalJson(inner);
  }
  return sorted;
}

export function createAuditTrail(clock: { now(): Date }): AuditTrail {
  const rowOf = (actor: Actor, entry: AuditEntry) => ({
    at: clock.now(), actor_id: actor.subject, actor_role: actor.role, actor_org: actor.hubId ?? actor.practiceId ?? actor.pcnId,
    action: entry.action, resource_type: entry.resourceType, resource_id: entry.resourceId == null ? null : String(entry.resourceId),
    patient_id: entry.patientId ?? null, reason: entry.reason ?? null, details: entry.details ?? {},
  });
  const writeAll = async (trx: Transaction<Database> | Kysely<Database>, entries: readonly { actor: Actor; entry: AuditEntry }[]) => {
    if (entries.length === 0) return;
    await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
    const last = await trx.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
    let prev_hash = last?.hash ?? GENESIS_HASH;
    const rows = entries.map(({ actor, entry }) => {
      const row = rowOf(actor, entry);
      const chained = { ...row, prev_hash, hash: auditHash(prev_hash, row) };
      prev_hash = chained.hash;
      return chained;
    });
    await trx.insertInto('audit_log').values(rows).execute();
  };
  return {
    async record(db, actor, entry) {
      if (db.isTransaction) await writeAll(db, [{ actor, entry }]);
      else await db.transaction().execute((trx) => writeAll(trx, [{ actor, entry }]));
    },
    recordMany: (trx, entries) => writeAll(trx, entries),
  };
}

export interface ChainVerification {
  valid: boolean;
  checked: number;
  firstBrokenId: number | null;
}

/** Recomputes the chain from the start: any edited, removed or inserted row shows as a break. */
export async function verifyAuditChain(db: Kysely<Database>): Promise<ChainVerification> {
  let previous = GENESIS_HASH;
  let checked = 0;
  let afterId = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('id', '>', afterId).orderBy('id').limit(5_000).execute();
    if (rows.length === 0) return { valid: true, checked, firstBrokenId: null };
    for (const row of rows) {
      if (row.prev_hash !== previous || auditHash(previous, row) !== row.hash) return { valid: false, checked, firstBrokenId: row.id };
      previous = row.hash;
      checked++;
      afterId = row.id;
    }
  }
}
