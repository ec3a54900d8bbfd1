// Opens (seeding once, then reusing) the borough databases the insights bench measures: a PGlite data
// folder or a PostgreSQL database per scale, so repeated runs skip the ~70 s seed.
// Usage (to prepare ahead of the bench): node bench/insights-borough.ts --kind pglite|postgres --scale 1
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase, type HamletDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { isSeeded, seedBorough } from '../src/borough/borough-seeder.ts';

export const BENCH_ANCHOR = '2026-11-23';
export const BENCH_SEED = 20240101;
export const BENCH_ROOT = process.env.HAMLET_BENCH_DIR ?? '/tmp/hamlet-insights-bench';
export const BENCH_SERVER = process.env.HAMLET_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export type BenchKind = 'pglite' | 'postgres';

export function benchDatabaseName(scale: number, suffix = ''): string {
  return `hamlet_insights_bench_s${String(scale).replace('.', '_')}${suffix}`;
}

function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates the server database if missing (idempotent). */
export async function ensureServerDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: BENCH_SERVER });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return withDatabase(BENCH_SERVER, name);
}

export async function openBenchDatabase(kind: BenchKind, name: string): Promise<HamletDatabase> {
  const database =
    kind === 'pglite'
      ? await openDatabase({ dataDir: `${BENCH_ROOT}/${name}` })
      : await openDatabase({ databaseUrl: await ensureServerDatabase(name), dataDir: '' });
  await migrateToLatest(database.db);
  return database;
}

/** The seeded borough at `scale`, seeding it the first time. */
export async function openBenchBorough(kind: BenchKind, scale: number, log: (line: string) => void): Promise<HamletDatabase> {
  const database = await openBenchDatabase(kind, benchDatabaseName(scale));
  if (!(await isSeeded(database))) {
    log(`seeding a scale-${scale} borough on ${kind} (once; reused by later runs)…`);
    const result = await seedBorough(database, { seed: BENCH_SEED, scale, anchorDate: BENCH_ANCHOR });
    log(`  seeded ${result.patients} patients, ${result.appointments} appointments in ${result.seconds.toFixed(1)} s`);
  }
  return database;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { kind: { type: 'string', default: 'pglite' }, scale: { type: 'string', default: '1' } } });
  const kind = values.kind === 'postgres' ? 'postgres' : 'pglite';
  const database = await openBenchBorough(kind, Number(values.scale), (line) => console.log(line));
  await database.close();
}
