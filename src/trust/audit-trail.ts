// The audit log: every read and change of patient data, append-only (a trigger refuses updates and
// deletes) and hash-chained, so removing or editing a row breaks the chain and shows.
// Writers only append: no lock and no read of the chain's tail, so auditing never serialises requests.
// A sealer (in the server, every second; and before every verification) chains new rows in the order it
// finds them: chain_seq, prev_hash and hash, written once (the trigger allows exactly that).
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
// One sealer at a time across every server process.
const SEALER_LOCK_KEY = 74_110_001;
const SEAL_BATCH = 2_000;

export interface AuditTrail {
  record(db: Kysely<Database> | Transaction<Database>, actor: Actor, entry: AuditEntry): Promise<void>;
  /** Several entries in one insert (the front door's group commit). */
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
    await trx.insertInto('audit_log').values(entries.map(({ actor, entry }) => rowOf(actor, entry))).execute();
  };
  return {
    record: (db, actor, entry) => writeAll(db, [{ actor, entry }]),
    recordMany: (trx, entries) => writeAll(trx, entries),
  };
}

/** Chains every row not yet sealed, in id order, after the last sealed row. Returns how many it sealed. */
export async function sealAuditLog(db: Kysely<Database>): Promise<number> {
  let sealed = 0;
  for (;;) {
    const count = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${SEALER_LOCK_KEY})`.execute(trx);
      const tail = await trx.selectFrom('audit_log').select(['chain_seq', 'hash']).where('chain_seq', 'is not', null)
        .orderBy('chain_seq', 'desc').limit(1).executeTakeFirst();
      const rows = await trx.selectFrom('audit_log').selectAll().where('chain_seq', 'is', null).orderBy('id').limit(SEAL_BATCH).execute();
      if (rows.length === 0) return 0;
      let previous = tail?.hash ?? GENESIS_HASH;
      let position = tail?.chain_seq ?? 0;
      const ids: number[] = [];
      const positions: number[] = [];
      const prevs: string[] = [];
      const hashes: string[] = [];
      for (const row of rows) {
        const hash = auditHash(previous, row);
        ids.push(row.id);
        positions.push(++position);
        prevs.push(previous);
        hashes.push(hash);
        previous = hash;
      }
      await sql`
        UPDATE audit_log a SET chain_seq = v.position, prev_hash = v.prev, hash = v.hash
        FROM unnest(${ids}::bigint[], ${positions}::bigint[], ${prevs}::text[], ${hashes}::text[]) AS v(id, position, prev, hash)
        WHERE a.id = v.id`.execute(trx);
      return rows.length;
    });
    sealed += count;
    if (count < SEAL_BATCH) return sealed;
  }
}

/** Seals the audit log every `intervalMs` until stopped (started by the server). */
export function createAuditSealer(db: Kysely<Database>, intervalMs = 1_000, onError: (error: unknown) => void = () => {}) {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = sealAuditLog(db).catch(onError).finally(() => {
      if (timer) timer = setTimeout(tick, intervalMs);
    });
  };
  return {
    start() {
      timer = setTimeout(tick, intervalMs);
    },
    async stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
      await sealAuditLog(db).catch(onError);
    },
  };
}

export interface ChainVerification {
  valid: boolean;
  checked: number;
  firstBrokenId: number | null;
  /** Rows written since the last seal (verification seals first, so normally 0). */
  unsealed: number;
}

/** Seals, then recomputes the chain from its start in chain order: an edited, removed or inserted row shows as a break. */
export async function verifyAuditChain(db: Kysely<Database>): Promise<ChainVerification> {
  await sealAuditLog(db);
  let previous = GENESIS_HASH;
  let checked = 0;
  let afterPosition = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('chain_seq', '>', afterPosition).orderBy('chain_seq').limit(5_000).execute();
    if (rows.length === 0) {
      const unsealed = Number((await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('chain_seq', 'is', null).executeTakeFirstOrThrow()).n);
      return { valid: true, checked, firstBrokenId: null, unsealed };
    }
    for (const row of rows) {
      const intact = row.chain_seq === afterPosition + 1 && row.prev_hash === previous && auditHash(previous, row) === row.hash;
      if (!intact) return { valid: false, checked, firstBrokenId: row.id, unsealed: 0 };
      previous = row.hash!;
      checked++;
      afterPosition = row.chain_seq!;
    }
  }
}
