// Bulk loads run faster when secondary indexes are built once afterwards instead of row by row.
// Index definitions are read back from the catalogue, so the migration stays their only source.
import { sql, type Kysely } from 'kysely';

export async function withIndexesDeferred<T, DB>(db: Kysely<DB>, tables: readonly string[], load: () => Promise<T>): Promise<T> {
  const { rows: indexes } = await sql<{ indexname: string; indexdef: string }>`
    SELECT indexname, indexdef FROM pg_indexes
    WHERE schemaname = current_schema()
      AND tablename = ANY(${[...tables]})
      AND indexname NOT IN (SELECT conname FROM pg_constraint)`.execute(db);
  for (const index of indexes) await sql.raw(`DROP INDEX "${index.indexname}"`).execute(db);
  try {
    return await load();
  } finally {
    for (const index of indexes) await sql.raw(index.indexdef).execute(db);
  }
}
