// Issue "Trust" part 5: a real server killed with SIGKILL in the middle of a booking storm, restarted on the
// same data, keeps every booking it acknowledged, never double-books a slot, and answers retries of the
// requests that were cut off (same Idempotency-Key) without booking twice. Runs on the backend of the test
// run: PGlite on disk by default, the PostgreSQL server with HAMLET_TEST_DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../src/db/database.ts';
import { randomSecret } from '../../src/config.ts';
import { startHamlet, type HamletProcess } from './support/hamlet-process.ts';
import { freshDatabase, runBackend, type FreshDatabase } from './support/fresh-database.ts';
import { auditBookings, planStorm, receptionTokens, runStorm, type Acknowledged, type BookingAttempt, type StormPlan } from './support/booking-storm.ts';

const KILL_ROUNDS = 2;
const ACKS_BEFORE_KILL = 30;

let store: FreshDatabase;
let plan: StormPlan;
let tokens: Map<string, string>;
const tokenSecret = randomSecret();
const running: HamletProcess[] = [];

async function start(): Promise<HamletProcess> {
  const server = await startHamlet({ dataDir: store.dataDir, databaseUrl: store.databaseUrl, tokenSecret });
  running.push(server);
  return server;
}

beforeAll(async () => {
  store = await freshDatabase('crash');
  // The first start seeds a small borough for today, as a user's first start does; then it stops cleanly.
  const seeding = await start();
  expect(await seeding.stop()).toBe(0);
  const database = await openDatabase({ dataDir: store.dataDir, databaseUrl: store.databaseUrl });
  try {
    plan = await planStorm(database.db, new Date(), { practices: 4, slotsPerPractice: 40, contenders: 2 });
  } finally {
    await database.close();
  }
  tokens = await receptionTokens(tokenSecret, plan.attempts.map((a) => a.practiceId), new Date());
}, 300_000);

afterAll(async () => {
  for (const server of running) await server.kill();
  await store?.remove();
});

describe(`SIGKILL during a booking storm (${runBackend()})`, () => {
  it('keeps every acknowledged booking, books no slot twice and answers cut-off retries idempotently', async () => {
    expect(plan.attempts.length).toBeGreaterThan(200);
    const acknowledged: Acknowledged[] = [];
    let pending: BookingAttempt[] = plan.attempts;
    for (let round = 1; round <= KILL_ROUNDS; round++) {
      const server = await start();
      let killed: Promise<void> | null = null;
      const storm = await runStorm([server.baseUrl], pending, tokens, {
        concurrency: 12,
        onAcknowledged: (count) => {
          if (count < ACKS_BEFORE_KILL) return true;
          killed ??= server.kill();
          return false;
        },
      });
      await killed;
      expect(storm.unexpected, server.output()).toEqual([]);
      expect(storm.acknowledged.length).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);
      acknowledged.push(...storm.acknowledged);
      // A killed embedded server leaves its lock behind; the next start must see that its process is gone.
      if (store.kind === 'pglite') expect(existsSync(join(store.dataDir, 'hamlet-server.json'))).toBe(true);

      const restartedAt = performance.now();
      const restarted = await start();
      const restartSeconds = (performance.now() - restartedAt) / 1000;
      await expectReadableThroughApi(restarted, storm.acknowledged);
      // The client retries what got no answer with the same key: a replay if it had committed, else a booking now.
      const retried = await runStorm([restarted.baseUrl], storm.unanswered, tokens, { concurrency: 4 });
      expect(retried.unexpected).toEqual([]);
      expect(retried.unanswered).toEqual([]);
      acknowledged.push(...retried.acknowledged);
      console.log(`round ${round}: ${storm.acknowledged.length} acknowledged, ${storm.refused} slot_taken, ${storm.unanswered.length} cut off by SIGKILL `
        + `(retried: ${retried.acknowledged.length} 201, ${retried.refused} slot_taken); restart ready in ${restartSeconds.toFixed(1)} s`);
      expect(await restarted.stop()).toBe(0);
      pending = storm.notSent;
      expect(pending.length, 'the storm must still be running when the server is killed').toBeGreaterThan(0);
    }

    const database = await openDatabase({ dataDir: store.dataDir, databaseUrl: store.databaseUrl });
    try {
      const audit = await auditBookings(database.db, plan.slotIds, acknowledged);
      expect(audit.missing).toEqual([]);
      expect(audit.doubleBooked).toEqual([]);
      expect(audit.inconsistentSlots).toEqual([]);
      // Every live booking was acknowledged to someone (original answer or replay), and once.
      expect(new Set(acknowledged.map((a) => a.appointmentId)).size).toBe(audit.liveAppointments);
    } finally {
      await database.close();
    }
  }, 600_000);
});

async function expectReadableThroughApi(server: HamletProcess, bookings: readonly Acknowledged[]): Promise<void> {
  for (const booking of bookings) {
    const response = await fetch(`${server.baseUrl}/api/appointments/${booking.appointmentId}`, {
      headers: { authorization: `Bearer ${tokens.get(booking.practiceId)!}` },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { slotId: number; patientId: number; status: string };
    expect({ slotId: Number(body.slotId), patientId: Number(body.patientId), status: body.status })
      .toEqual({ slotId: booking.slotId, patientId: booking.patientId, status: 'booked' });
  }
}
