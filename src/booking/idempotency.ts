// Idempotency keys: a retried request replays the stored response instead of acting twice; the same key
// with a different request is refused (422). The record is written in the transaction that acts.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { DomainError, invalidInput } from '../shared/errors.ts';
import type { Db } from './booking.repository.ts';

export interface IdempotentRequest {
  scope: string;
  key: string;
  hash: string;
}

export interface StoredResponse {
  statusCode: number;
  body: object;
}

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

export function idempotentRequest(actorSubject: string, operation: string, key: string | null | undefined, body: unknown): IdempotentRequest | null {
  if (key === null || key === undefined) return null;
  if (!KEY_PATTERN.test(key)) throw invalidInput('Idempotency-Key', 'must be 8 to 128 letters, digits or . _ : -');
  return { scope: `${actorSubject}|${operation}`, key, hash: createHash('sha256').update(canonicalJson(body)).digest('hex') };
}

/** The stored response for this key, or null; a different request under the same key is refused. */
export async function replayOf(db: Kysely<Database> | Db, request: IdempotentRequest): Promise<StoredResponse | null> {
  const row = await db.selectFrom('idempotency_record').select(['request_hash', 'status_code', 'response'])
    .where('scope', '=', request.scope).where('key', '=', request.key).executeTakeFirst();
  if (!row) return null;
  if (row.request_hash !== request.hash) {
    throw new DomainError('idempotency_mismatch', 'This Idempotency-Key was already used for a different request.');
  }
  return { statusCode: row.status_code, body: row.response };
}

export async function storeResponse(trx: Db, request: IdempotentRequest, response: StoredResponse, now: Date): Promise<void> {
  await trx.insertInto('idempotency_record').values({
    scope: request.scope, key: request.key, request_hash: request.hash, status_code: response.statusCode, response: response.body, created_at: now,
  }).execute();
}

/** The key recorded on the appointment itself (unique): a second guard against acting twice. */
export function appointmentKeyOf(request: IdempotentRequest | null): string | null {
  return request ? `${request.scope}|${request.key}` : null;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
