// Issue "Trust" part 5: migrations are safe to re-run. Running them again changes nothing; a database left at
// any older migration is brought to exactly the schema a fresh database gets; on a PostgreSQL server, two
// servers starting at once migrate once.
import { afterAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import { openDatabase, type HamletDatabase } from '../../src/db/database.ts';
import { MIGRATION_NAMES, migrateTo, migrateToLatest } from '../../src/db/migrate.ts';
import { createTestDatabase } from '../support/test-context.ts';
import { freshDatabase, runBackend, type FreshDatabase } from './support/fresh-database.ts';
import { fingerprint } from './support/fingerprint.ts';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** An empty database (no tables at all): in memory for PGlite, a new database on the PostgreSQL server. */
async function emptyDatabase(poolSize = 2): Promise<HamletDatabase & { fresh: FreshDatabase | null }> {
  if (runBackend() === 'pglite') return { ...(await openDatabase({ dataDir: 'memory://' })), fresh: null };
  const fresh = await freshDatabase('migrations');
  cleanups.push(() => fresh.remove());
  return { ...(await openDatabase({ databaseUrl: fresh.databaseUrl, dataDir: fresh.dataDir, poolSize })), fresh };
}

/** Tables, columns, indexes and constraints of the public schema, as text that compares across databases. */
async function schemaOf(db: Kysely<Database>): Promise<string[]> {
  const columns = await sql<{ d: string }>`
    SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS d
    FROM information_schema.columns WHERE table_schema = 'public'`.execute(db);
  const indexes = await sql<{ d: string }>`SELECT indexdef AS d FROM pg_indexes WHERE schemaname = 'public'`.execute(db);
  const constraints = await sql<{ d: string }>`
    SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS d
    FROM pg_constraint WHERE connamespace = 'public'::regnamespace`.execute(db);
  const triggers = await sql<{ d: string }>`
    SELECT event_object_table || ' ' || trigger_name || ' ' || event_manipulation || ' ' || action_statement AS d
    FROM information_schema.triggers WHERE trigger_schema = 'public'`.execute(db);
  return [...columns.rows, ...indexes.rows, ...constraints.rows, ...triggers.rows].map((r) => r.d).sort();
}

describe(`migrations (${runBackend()})`, () => {
  it('change nothing when run again on a seeded database', async () => {
    const { database, drop } = await createTestDatabase();
    cleanups.push(drop);
    const before = await fingerprint(database.db);
    expect(await migrateToLatest(database.db)).toEqual([]);
    expect(await migrateToLatest(database.db)).toEqual([]);
    expect(await fingerprint(database.db)).toEqual(before);
  }, 120_000);

  it('apply every migration once on an empty database, then nothing', async () => {
    const database = await emptyDatabase();
    cleanups.push(() => database.close());
    expect(await migrateToLatest(database.db)).toEqual(MIGRATION_NAMES);
    expect(await migrateToLatest(database.db)).toEqual([]);
  }, 120_000);

  it('bring a database at any older migration to the same schema as a fresh one', async () => {
    const reference = await emptyDatabase();
    cleanups.push(() => reference.close());
    await migrateToLatest(reference.db);
    const latest = await schemaOf(reference.db);
    for (const [index, name] of MIGRATION_NAMES.slice(0, -1).entries()) {
      const older = await emptyDatabase();
      try {
        expect(await migrateTo(older.db, name)).toEqual(MIGRATION_NAMES.slice(0, index + 1));
        expect(await migrateToLatest(older.db)).toEqual(MIGRATION_NAMES.slice(index + 1));
        expect(await schemaOf(older.db), `upgraded from ${name}`).toEqual(latest);
      } finally {
        await older.close();
      }
    }
  }, 300_000);

  it.skipIf(runBackend() !== 'postgres')('migrate once when two servers start together on one PostgreSQL database', async () => {
    const first = await emptyDatabase();
    cleanups.push(() => first.close());
    const second = await openDatabase({ databaseUrl: first.fresh!.databaseUrl, dataDir: first.fresh!.dataDir, poolSize: 2 });
    cleanups.push(() => second.close());
    const [a, b] = await Promise.all([migrateToLatest(first.db), migrateToLatest(second.db)]);
    expect([...a, ...b].sort()).toEqual([...MIGRATION_NAMES].sort());
    expect(await schemaOf(second.db)).toEqual(await schemaOf(first.db));
  }, 120_000);
});
