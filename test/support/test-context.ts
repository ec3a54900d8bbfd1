// One fresh database and app per test file, from the fixture global-setup made. Integration tests drive
// the app through HTTP (app.inject) exactly as a client would.
import { inject } from 'vitest';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type HamletDatabase } from '../../src/db/database.ts';
import { loadConfig, randomSecret, type HamletConfig } from '../../src/config.ts';
import { createServices, type Services } from '../../src/server/services.ts';
import { buildApp } from '../../src/server/app.ts';
import { fixedClock } from '../../src/server/clock.ts';
import { issueToken, type TokenClaims } from '../../src/trust/tokens.ts';
import { TEST_NOW } from './test-borough.ts';

export interface TestContext {
  app: FastifyInstance;
  services: Services;
  database: HamletDatabase;
  clock: ReturnType<typeof fixedClock>;
  config: HamletConfig;
  kind: 'pglite' | 'postgres';
  /** A bearer token for the given claims, valid at the test clock's time. */
  token(claims: Omit<TokenClaims, 'sub'> & { sub?: string }): Promise<string>;
  /** Authorization header for the given claims. */
  auth(claims: Omit<TokenClaims, 'sub'> & { sub?: string }): Promise<{ authorization: string }>;
  close(): Promise<void>;
}

export interface TestDatabase {
  database: HamletDatabase;
  kind: 'pglite' | 'postgres';
  /** Connection string when on a PostgreSQL server (for tests that start extra processes). */
  url: string | null;
  drop(): Promise<void>;
}

/** A private copy of the seeded test borough. */
export async function createTestDatabase(options: { poolSize?: number } = {}): Promise<TestDatabase> {
  const template = inject('postgresTemplate');
  if (template) {
    const templateName = new URL(template).pathname.slice(1);
    const name = `${templateName.replace(/_template$/, '')}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const admin = new pg.Client({ connectionString: template });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateName}`);
    await admin.end();
    const url = new URL(template);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '', poolSize: options.poolSize ?? 10 });
    return {
      database, kind: 'postgres', url: url.toString(),
      async drop() {
        await database.close();
        const cleanup = new pg.Client({ connectionString: template });
        await cleanup.connect();
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await cleanup.end();
      },
    };
  }
  const dump = new Blob([readFileSync(inject('pgliteFixture'))]);
  const database = await openDatabase({ dataDir: 'memory://', pgliteLoadDataDir: dump });
  return { database, kind: 'pglite', url: null, drop: () => database.close() };
}

export async function createTestContext(options: { now?: string; env?: Record<string, string> } = {}): Promise<TestContext> {
  const { database, kind, drop } = await createTestDatabase();
  const clock = fixedClock(options.now ?? TEST_NOW);
  const config = loadConfig({ HAMLET_DATA_DIR: '/tmp/hamlet-test-unused', HAMLET_MESSAGE_TRANSPORT: 'console', LOG_LEVEL: 'silent', ...options.env });
  const services = createServices({ database, config, clock, tokenSecret: randomSecret() });
  const app = await buildApp(services);
  await app.ready();
  const token: TestContext['token'] = (claims) =>
    issueToken(services.tokenSecret, { sub: claims.sub ?? `test:${claims.role}:${claims.practice ?? claims.hub ?? claims.patient ?? ''}`, ...claims }, 3600, clock.now());
  return {
    app, services, database, clock, config, kind, token,
    auth: async (claims) => ({ authorization: `Bearer ${await token(claims)}` }),
    async close() {
      await app.close();
      await drop();
    },
  };
}
