// Versioned migrations, applied in order and recorded by Kysely's migrator (which also takes a lock,
// so two servers starting together on one PostgreSQL server migrate once). Safe to re-run.
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import type { Kysely } from 'kysely';
import * as foundation from './migrations/0001-foundation.ts';
import * as frontDoor from './migrations/0002-front-door.ts';
import * as booking from './migrations/0003-booking.ts';
import * as insights from './migrations/0004-insights.ts';
import * as auditSealing from './migrations/0005-audit-sealing.ts';

const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-front-door': frontDoor,
  '0003-booking': booking,
  '0004-insights': insights,
  '0005-audit-sealing': auditSealing,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Every migration's name, oldest first. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(MIGRATIONS);

/** Migrates up to the named migration and no further: how tests build a database in an older state. */
export async function migrateTo<DB>(db: Kysely<DB>, name: string): Promise<string[]> {
  const { error, results } = await new Migrator({ db, provider }).migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
