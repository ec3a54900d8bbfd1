// A fingerprint of everything a Hamlet database holds: per table, its row count and a hash of its rows in a
// fixed order. Two databases with equal fingerprints hold the same data.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../src/db/schema.ts';

export type Fingerprint = Record<string, { rows: number; md5: string }>;

export async function fingerprint(db: Kysely<Database>): Promise<Fingerprint> {
  const tables = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(db);
  const result: Fingerprint = {};
  for (const { table_name: table } of tables.rows) {
    const row = await sql<{ rows: number; md5: string }>`
      SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\n' ORDER BY t::text), '')) AS md5 FROM ${sql.table(table)} t`.execute(db);
    result[table] = row.rows[0]!;
  }
  return result;
}
