// Issue "Trust" part 7: Hamlet's servers are stateless. Two server processes on one PostgreSQL primary take a
// contested booking storm together without double booking; both ride out a restart of the primary; a
// streaming replica (PostgreSQL's own replication, started here) receives the bookings and serves Hamlet's
// read-only reporting (`bin/hamlet stats`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { openDatabase, type HamletDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { seedBorough } from '../../src/borough/borough-seeder.ts';
import { londonDate } from '../../src/shared/domain/london-time.ts';
import { randomSecret } from '../../src/config.ts';
import { startHamlet, type HamletProcess } from './support/hamlet-process.ts';
import { clusterRoot, postgresBinariesPresent, startPrimary, startReplica, PG_BIN, type ClusterRoot, type PostgresServer } from './support/postgres-cluster.ts';
import { auditBookings, planStorm, receptionTokens, runStorm, type StormPlan } from './support/booking-storm.ts';

const HAMLET_BIN = fileURLToPath(new URL('../../bin/hamlet', import.meta.url));
const present = postgresBinariesPresent();
if (!present && process.env.CI) throw new Error(`CI needs the PostgreSQL binaries in ${PG_BIN} for the scale-out tests`);
if (!present) console.warn(`scale-out tests skipped: no PostgreSQL binaries in ${PG_BIN} (set HAMLET_PG_BIN, or install postgresql)`);

const tokenSecret = randomSecret();
let cluster: ClusterRoot;
let primary: PostgresServer;
let replica: PostgresServer;
let database: HamletDatabase;
let servers: HamletProcess[] = [];
let plan: StormPlan;
let tokens: Map<string, string>;
const dataDirs: string[] = [];

async function hamletOn(databaseUrl: string): Promise<HamletProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hamlet-scale-out-'));
  dataDirs.push(dataDir);
  return startHamlet({ dataDir, databaseUrl, tokenSecret, readyTimeoutMs: 120_000 });
}

describe.skipIf(!present)('two Hamlet servers on one PostgreSQL primary, reporting from a streaming replica', () => {
  beforeAll(async () => {
    cluster = await clusterRoot();
    primary = await startPrimary(cluster.root);
    // The replica is cloned from the empty primary: everything after, the borough included, arrives by streaming.
    replica = await startReplica(cluster.root, primary);
    await primary.query('CREATE DATABASE hamlet');
    database = await openDatabase({ databaseUrl: primary.url('hamlet'), dataDir: '', poolSize: 2 });
    await migrateToLatest(database.db);
    await seedBorough(database, { seed: 11, scale: 0.002, anchorDate: londonDate(new Date()) });
    plan = await planStorm(database.db, new Date(), { practices: 3, slotsPerPractice: 30, contenders: 3 });
    tokens = await receptionTokens(tokenSecret, plan.attempts.map((a) => a.practiceId), new Date());
    servers = await Promise.all([hamletOn(primary.url('hamlet')), hamletOn(primary.url('hamlet'))]);
  }, 300_000);

  afterAll(async () => {
    for (const server of servers) await server.kill();
    await database?.close();
    await replica?.stop();
    await primary?.stop();
    await cluster?.remove();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('books contested slots through both servers at once with no slot booked twice', async () => {
    const storm = await runStorm(servers.map((s) => s.baseUrl), plan.attempts, tokens, { concurrency: 16 });
    expect(storm.unexpected).toEqual([]);
    expect(storm.unanswered).toEqual([]);
    const slotsWanted = new Set(plan.attempts.map((a) => a.slotId)).size;
    expect(storm.acknowledged.length).toBe(slotsWanted); // each slot: exactly one winner among its three contenders
    expect(storm.refused).toBe(plan.attempts.length - slotsWanted);
    const audit = await auditBookings(database.db, plan.slotIds, storm.acknowledged);
    expect(audit).toMatchObject({ doubleBooked: [], missing: [], inconsistentSlots: [], liveAppointments: storm.acknowledged.length });
    expect(new Set(storm.acknowledged.map((a) => a.via)).size).toBe(2);
  }, 180_000);

  it('shows the bookings on the replica, where `hamlet stats` reports read-only', async () => {
    const onPrimary = (await primary.query<{ n: number }>('SELECT count(*)::int AS n FROM appointment', 'hamlet'))[0]!.n;
    const started = performance.now();
    let onReplica = -1;
    while (performance.now() - started < 30_000) {
      onReplica = (await replica.query<{ n: number }>('SELECT count(*)::int AS n FROM appointment', 'hamlet'))[0]!.n;
      if (onReplica === onPrimary) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(onReplica).toBe(onPrimary);
    console.log(`replica caught up with ${onPrimary} appointments within ${(performance.now() - started).toFixed(0)} ms of the storm ending`);
    expect((await replica.query<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby'))[0]!.standby).toBe(true);

    const { stdout } = await promisify(execFile)(HAMLET_BIN, ['stats', '--json'], {
      env: { ...process.env, DATABASE_URL: replica.url('hamlet'), HAMLET_DATA_DIR: dataDirs[0]! }, timeout: 120_000,
    });
    const stats = JSON.parse(stdout) as { appointments: number; patients: number };
    expect(stats.appointments).toBe(onPrimary);
    expect(stats.patients).toBeGreaterThan(0);
  }, 180_000);

  it('keeps both servers serving through a restart of the primary', async () => {
    await primary.restart();
    const free = (await primary.query<{ id: number }>(
      `SELECT id FROM slot WHERE status = 'free' AND practice_id = '${plan.attempts[0]!.practiceId}' AND start_at > now() + interval '2 hours'
       AND start_at < now() + interval '7 days' AND release_at <= now() AND service_tag IS NULL AND 'own_practice' = ANY(bookable_by) LIMIT 2`, 'hamlet'));
    expect(free.length).toBe(2);
    for (const [i, server] of servers.entries()) {
      const attempt = { ...plan.attempts[0]!, slotId: free[i]!.id, idempotencyKey: `after-restart-${i}` };
      let status = 0;
      // A connection that died with the old primary may fail one request; the pool then reconnects.
      for (let tries = 0; tries < 5 && status !== 201; tries++) {
        const outcome = await runStorm([server.baseUrl], [attempt], tokens, { concurrency: 1 });
        status = outcome.acknowledged.length ? 201 : (outcome.unexpected[0]?.status ?? 0);
      }
      expect(status, server.output()).toBe(201);
    }
  }, 180_000);
});
