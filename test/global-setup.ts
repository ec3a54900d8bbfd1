// Seeds one small synthetic borough per test run and hands it to every test file: a PGlite dump each
// file loads into its own in-memory database, or, with HAMLET_TEST_DATABASE_URL, a PostgreSQL template
// database each file clones. Files never share state, and nobody seeds twice.
import type { TestProject } from 'vitest/node';
import { PGlite } from '@electric-sql/pglite';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedBorough } from '../src/borough/borough-seeder.ts';
import { TEST_BOROUGH } from './support/test-borough.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteFixture: string;
    postgresTemplate: string | null;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const workDir = mkdtempSync(join(tmpdir(), 'hamlet-test-'));
  const serverUrl = process.env.HAMLET_TEST_DATABASE_URL;
  let postgresTemplate: string | null = null;
  let pgliteFixture = '';
  if (serverUrl) {
    postgresTemplate = await seedPostgresTemplate(serverUrl);
  } else {
    const dataDir = join(workDir, 'fixture-data');
    const database = await openDatabase({ dataDir });
    await migrateToLatest(database.db);
    await seedBorough(database, TEST_BOROUGH);
    await database.close();
    const pglite = await PGlite.create({ dataDir });
    const dump = await pglite.dumpDataDir('gzip');
    await pglite.close();
    pgliteFixture = join(workDir, 'fixture.tar.gz');
    writeFileSync(pgliteFixture, Buffer.from(await dump.arrayBuffer()));
    rmSync(dataDir, { recursive: true, force: true });
  }
  project.provide('pgliteFixture', pgliteFixture);
  project.provide('postgresTemplate', postgresTemplate);
  return async () => {
    rmSync(workDir, { recursive: true, force: true });
    if (serverUrl) {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_NAME} WITH (FORCE)`);
      await admin.end();
    }
  };
}

// Databases are named after this run's process, so two runs on one server never touch each other's.
const TEMPLATE_NAME = `hamlet_test_${process.pid}_template`;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function seedPostgresTemplate(serverUrl: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    // Databases left by interrupted runs (whose process is gone) are dropped first.
    const existing = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'hamlet_test_%'`);
    for (const { datname } of existing.rows) {
      const pid = Number(/^hamlet_test_(\d+)_/.exec(datname)?.[1]);
      if (!pid || !isAlive(pid)) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    await admin.query(`CREATE DATABASE ${TEMPLATE_NAME}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(serverUrl, TEMPLATE_NAME);
  const database = await openDatabase({ databaseUrl: url, dataDir: '' });
  await migrateToLatest(database.db);
  await seedBorough(database, TEST_BOROUGH);
  await database.close();
  return url;
}

export function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
