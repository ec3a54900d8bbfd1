// Where a resilience test keeps its own database: a temporary PGlite folder, or (in the PostgreSQL run) a new,
// empty database on the test server. Not named hamlet_test_*: the global set-up of any run (another
// engineer's, at the same moment) drops those; these are dropped by the test that made them.
import { inject } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export interface FreshDatabase {
  kind: 'pglite' | 'postgres';
  /** Always set: the PGlite data, or the token secret and outbox beside a PostgreSQL database. */
  dataDir: string;
  databaseUrl: string | undefined;
  remove(): Promise<void>;
}

/** The backend of this test run: PostgreSQL when the suite runs with HAMLET_TEST_DATABASE_URL, else PGlite. */
export function runBackend(): 'pglite' | 'postgres' {
  return inject('postgresTemplate') ? 'postgres' : 'pglite';
}

export async function freshDatabase(label: string): Promise<FreshDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), `hamlet-${label}-`));
  const template = inject('postgresTemplate');
  if (!template) {
    return { kind: 'pglite', dataDir, databaseUrl: undefined, remove: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `hamlet_resilience_${label.replace(/\W/g, '_')}_${randomUUID().replace(/-/g, '').slice(0, 8)}`;
  await adminQuery(template, `CREATE DATABASE ${name}`);
  const url = new URL(template);
  url.pathname = `/${name}`;
  return {
    kind: 'postgres', dataDir, databaseUrl: url.toString(),
    async remove() {
      rmSync(dataDir, { recursive: true, force: true });
      await adminQuery(template, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function adminQuery(connectionString: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
