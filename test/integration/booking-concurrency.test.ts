// No double booking under any concurrency: 500 simultaneous attempts at 50 slots through HTTP, on a pool of
// 50 connections when the suite runs on PostgreSQL (PGlite serialises them on its one connection).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../support/test-context.ts';
import { TEST_NOW } from '../support/test-borough.ts';
import { loadConfig, randomSecret } from '../../src/config.ts';
import { createServices, type Services } from '../../src/server/services.ts';
import { buildApp } from '../../src/server/app.ts';
import { fixedClock } from '../../src/server/clock.ts';
import { issueToken } from '../../src/trust/tokens.ts';

let testDb: TestDatabase;
let services: Services;
let app: FastifyInstance;
let authorization: string;
const clock = fixedClock(TEST_NOW);
const PRACTICE = 'Z84001';

beforeAll(async () => {
  testDb = await createTestDatabase({ poolSize: 50 });
  const config = loadConfig({ HAMLET_DATA_DIR: '/tmp/hamlet-test-unused', HAMLET_MESSAGE_TRANSPORT: 'console', LOG_LEVEL: 'silent' });
  services = createServices({ database: testDb.database, config, clock, tokenSecret: randomSecret() });
  app = await buildApp(services);
  await app.ready();
  authorization = `Bearer ${await issueToken(services.tokenSecret, { sub: 'reception-1', role: 'receptionist', practice: PRACTICE }, 3600, clock.now())}`;
});
afterAll(async () => {
  await app.close();
  await testDb.drop();
});

async function freeSlotIds(count: number): Promise<number[]> {
  const rows = await testDb.database.db.selectFrom('slot').select('id').where('practice_id', '=', PRACTICE).where('status', '=', 'free')
    .where('start_at', '>', clock.now()).where('release_at', '<=', clock.now()).where('service_tag', 'is', null)
    .orderBy('start_at').orderBy('id').limit(count).execute();
  return rows.map((r) => r.id);
}

describe('concurrent booking', () => {
  it('500 simultaneous attempts for 50 slots create exactly 50 appointments; every other attempt gets 409', async () => {
    const slots = await freeSlotIds(50);
    expect(slots).toHaveLength(50);
    const patients = (await testDb.database.db.selectFrom('patient').select('id').where('practice_id', '=', PRACTICE).orderBy('id').limit(25).execute()).map((p) => p.id);
    const attempts = Array.from({ length: 500 }, (_, i) => app.inject({
      method: 'POST', url: '/api/appointments', headers: { authorization },
      payload: { patientId: patients[i % patients.length], slotId: slots[(i * 7) % slots.length] },
    }));
    const responses = await Promise.all(attempts);
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(50);
    expect(statuses.filter((s) => s === 409)).toHaveLength(450);
    expect(new Set(responses.filter((r) => r.statusCode === 409).map((r) => r.json().error.code))).toEqual(new Set(['slot_taken']));
    const live = await testDb.database.db.selectFrom('appointment').select(['slot_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('slot_id', 'in', slots).where('status', '=', 'booked').groupBy('slot_id').execute();
    expect(live).toHaveLength(50);
    expect(live.every((row) => Number(row.n) === 1)).toBe(true);
    const booked = await testDb.database.db.selectFrom('slot').select('id').where('id', 'in', slots).where('status', '=', 'booked').execute();
    expect(booked).toHaveLength(50);
  });

  it('20 simultaneous retries with one Idempotency-Key book once and all see the same appointment', async () => {
    const [slot] = await freeSlotIds(1);
    const patient = (await testDb.database.db.selectFrom('patient').select('id').where('practice_id', '=', PRACTICE).orderBy('id').executeTakeFirstOrThrow()).id;
    const responses = await Promise.all(Array.from({ length: 20 }, () => app.inject({
      method: 'POST', url: '/api/appointments', headers: { authorization, 'idempotency-key': 'concurrent-retry-1' }, payload: { patientId: patient, slotId: slot },
    })));
    expect(responses.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    expect(new Set(responses.map((r) => r.json().id)).size).toBe(1);
    const rows = await testDb.database.db.selectFrom('appointment').select('id').where('slot_id', '=', slot!).execute();
    expect(rows).toHaveLength(1);
  });

  it('runs on the database the suite was started for', () => {
    expect(testDb.kind).toBe(process.env.HAMLET_TEST_DATABASE_URL ? 'postgres' : 'pglite');
  });
});
