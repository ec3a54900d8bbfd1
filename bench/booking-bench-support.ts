// Shared by the booking benches: a seeded borough in its own PostgreSQL database (reused between runs while
// its anchor date is recent), a real `bin/hamlet serve` process on it, tokens, and percentiles.
import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { openDatabase, type HamletDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { isSeeded, seedBorough } from '../src/borough/borough-seeder.ts';
import { addDays, londonDate } from '../src/shared/domain/london-time.ts';
import { issueToken, type TokenClaims } from '../src/trust/tokens.ts';

export const SERVER_URL = process.env.HAMLET_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A migrated borough at `scale` generated for today (London); reseeded when missing, of another scale, or older than `maxAgeDays`. */
export async function ensureBorough(name: string, scale: number, maxAgeDays: number, poolSize = 20): Promise<{ database: HamletDatabase; url: string; seeded: boolean }> {
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  if (!exists) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = databaseUrl(name);
  const database = await openDatabase({ databaseUrl: url, dataDir: '', poolSize });
  await migrateToLatest(database.db);
  const today = londonDate(new Date());
  const borough = (await isSeeded(database)) ? await database.db.selectFrom('borough').select(['scale', 'anchor_date']).executeTakeFirst() : undefined;
  const fresh = borough && borough.scale === scale && borough.anchor_date >= addDays(today, -maxAgeDays) && borough.anchor_date <= today;
  if (fresh) return { database, url, seeded: false };
  const started = performance.now();
  process.stdout.write(`seeding a ${scale} borough into ${name} for ${today}…`);
  await seedBorough(database, { seed: 20_240_101, scale, anchorDate: today });
  console.log(` ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return { database, url, seeded: true };
}

export interface RunningServer { child: ChildProcess; port: number; stop(): Promise<void> }

export async function startServer(url: string, tokenSecret: string, poolSize: number): Promise<RunningServer> {
  const port = 3900 + Math.floor(Math.random() * 90);
  const child = spawn('bin/hamlet', ['serve'], {
    env: {
      ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', HAMLET_TOKEN_SECRET: tokenSecret, LOG_LEVEL: 'warn',
      HAMLET_DB_POOL_SIZE: String(poolSize), HAMLET_MESSAGE_TRANSPORT: 'console',
      HAMLET_RATE_LIMIT_SIGNED_IN_PER_MINUTE: '1000000', HAMLET_RATE_LIMIT_PUBLIC_PER_MINUTE: '1000000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    child, port,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export const bearer = async (secret: string, claims: TokenClaims) => `Bearer ${await issueToken(secret, claims, 3600, new Date())}`;

export function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** Runs `worker` on `concurrency` lanes until `until` ms have passed; returns per-call latencies (ms). */
export async function closedLoop(concurrency: number, durationMs: number, worker: (lane: number, i: number) => Promise<void>): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + durationMs;
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async (_, lane) => {
    while (performance.now() < deadline) {
      const t = performance.now();
      await worker(lane, next++);
      latencies.push(performance.now() - t);
    }
  }));
  return { latencies: latencies.sort((a, b) => a - b), seconds: (performance.now() - started) / 1000 };
}
