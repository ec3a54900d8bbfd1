// A real Hamlet server for the browser tests: the seeded test borough (PGlite copy, or a PostgreSQL clone when
// HAMLET_TEST_DATABASE_URL is set), listening on a free port, with a clock that starts at the test instant and
// then runs in real time (sign-in cookies and tokens need time to pass normally).
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase } from '../../support/test-context.ts';
import { TEST_NOW } from '../../support/test-borough.ts';
import { loadConfig, randomSecret } from '../../../src/config.ts';
import { createServices, type Services } from '../../../src/server/services.ts';
import { buildApp } from '../../../src/server/app.ts';
import type { Clock } from '../../../src/server/clock.ts';
import { issueToken, type TokenClaims } from '../../../src/trust/tokens.ts';
import { ensureWebBuild } from './web-build.ts';

export interface HamletServer {
  url: string;
  app: FastifyInstance;
  services: Services;
  clock: Clock;
  /** Authorization header for API calls made by the test itself (set-up and checks). */
  auth(claims: Omit<TokenClaims, 'sub'> & { sub?: string }): Promise<{ authorization: string }>;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export async function startHamlet(): Promise<HamletServer> {
  await ensureWebBuild();
  const { database, drop } = await createTestDatabase();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'hamlet-browser-'));
  const started = Date.now();
  const clock: Clock = { now: () => new Date(Date.parse(TEST_NOW) + (Date.now() - started)) };
  const config = loadConfig({
    PORT: String(port), HAMLET_PUBLIC_URL: url, HAMLET_DATA_DIR: dataDir, HAMLET_MESSAGE_TRANSPORT: 'file', LOG_LEVEL: 'silent', HAMLET_DEMO: 'true',
  });
  const services = createServices({ database, config, clock, tokenSecret: randomSecret() });
  const app = await buildApp(services);
  await app.listen({ port, host: '127.0.0.1' });
  return {
    url, app, services, clock,
    auth: async (claims) => ({
      authorization: `Bearer ${await issueToken(services.tokenSecret, { sub: claims.sub ?? `test:${claims.role}`, ...claims }, 3600, clock.now())}`,
    }),
    async close() {
      await app.close();
      // The booking slot index reloads in the background; let a reload in flight finish before the database
      // goes (PostgreSQL's DROP … WITH (FORCE) would kill its connection mid-query).
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
