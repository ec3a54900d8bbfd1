// Pluggable engines, gated: an engine goes live only if its evaluation on the open set passes the gate;
// the report is stored and staff can see the live engine's. Fake engines stand in for an LLM.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TriageEngine } from '../../src/triage/triage-engines.ts';
import { createRulesEngine } from '../../src/triage/triage-engines.ts';
import { createTestContext, type TestContext } from '../support/test-context.ts';
import { adults, asPatient, PRACTICE, selfRequest, submit, TEXT } from './requests-fixtures.ts';

let ctx: TestContext;
const rules = createRulesEngine();
/** Agrees with the rules engine: passes the gate. */
const goodFake: TriageEngine = { id: 'fake-good', version: '1', triage: (input) => rules.triage(input) };
/** Calls everything routine: misses every emergency. */
const badFake: TriageEngine = { id: 'fake-bad', version: '1', triage: async (input) => ({ ...(await rules.triage(input)), disposition: 'routine', service: 'first_available' }) };

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.services.triageEngines.register(goodFake);
  ctx.services.triageEngines.register(badFake);
});
afterAll(() => ctx.close());

const switchTo = async (engineId: string, role: 'admin' | 'clinician' = 'admin') =>
  ctx.app.inject({ method: 'POST', url: '/api/triage/engine', headers: await ctx.auth({ role, practice: PRACTICE }), payload: { engineId } });

describe('the triage engine gate', () => {
  it('shows staff the live rules engine with its evaluation report on the open set', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/triage/engine', headers: await ctx.auth({ role: 'receptionist', practice: PRACTICE }) });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.live).toMatchObject({ id: 'rules', report: { passed: true, failures: [], evaluationSet: 'eval/triage/hamlet-open-set.jsonl' } });
    expect(body.live.report.report.total).toBeGreaterThanOrEqual(120);
    expect(body.live.report.report.emergency.accuracy).toBe(1);
    expect(body.engines.map((e: { id: string }) => e.id)).toEqual(expect.arrayContaining(['rules', 'fake-good', 'fake-bad']));
    expect((await ctx.app.inject({ method: 'GET', url: '/api/triage/engine', headers: await asPatient(ctx, (await adults(ctx, { count: 1 }))[0]!) })).statusCode).toBe(403);
  });

  it('refuses to switch live an engine that fails the gate, with the failures, and stores the report', async () => {
    const response = await switchTo('fake-bad');
    expect(response.statusCode).toBe(409);
    expect(response.json().error.details.failures).toEqual(expect.arrayContaining([expect.stringMatching(/emergency sensitivity 0\.0% is below 100\.0%/)]));
    const stored = await ctx.database.db.selectFrom('triage_engine_evaluation').select(['passed']).where('engine_id', '=', 'fake-bad').execute();
    expect(stored).toEqual([{ passed: false }]);
    const status = (await ctx.app.inject({ method: 'GET', url: '/api/triage/engine', headers: await ctx.auth({ role: 'clinician', practice: PRACTICE }) })).json();
    expect(status.live.id).toBe('rules');
    const audit = await ctx.database.db.selectFrom('audit_log').select('action').where('resource_id', '=', 'fake-bad').execute();
    expect(audit.map((a) => a.action)).toEqual(['triage.engine.switch.refused']);
  });

  it('lets only an administrator switch engines', async () => {
    expect((await switchTo('fake-good', 'clinician')).statusCode).toBe(403);
    expect((await switchTo('no-such-engine')).statusCode).toBe(400);
  });

  it('switches live an engine that passes, and new requests record it', async () => {
    const response = await switchTo('fake-good');
    expect(response.statusCode).toBe(200);
    expect(response.json().live).toMatchObject({ id: 'fake-good', version: '1', switchedBy: expect.any(String), report: { passed: true } });
    const [patient] = await adults(ctx, { count: 1 });
    const submitted = await submit(ctx, await asPatient(ctx, patient!), selfRequest(patient!, TEXT.ankle));
    const row = await ctx.database.db.selectFrom('patient_request').select(['engine_id', 'engine_version']).where('id', '=', submitted.json().id).executeTakeFirstOrThrow();
    expect(row).toEqual({ engine_id: 'fake-good', engine_version: '1' });
    expect((await switchTo('rules')).json().live.id).toBe('rules');
  });
});
