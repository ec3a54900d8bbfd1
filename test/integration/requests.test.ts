// The front door through HTTP: who may submit, validation that changes nothing, red flags that stop the
// flow, negation that does not, and routing of admin and social needs with their response targets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-context.ts';
import { verifyAuditChain } from '../../src/trust/audit-trail.ts';
import { adults, asPatient, PRACTICE, requestCount, selfRequest, submit, TEXT, type SeededPatient } from './requests-fixtures.ts';

let ctx: TestContext;
let patients: SeededPatient[];
beforeAll(async () => {
  ctx = await createTestContext();
  patients = await adults(ctx, { count: 6 });
});
afterAll(() => ctx.close());

const p = (i: number) => patients[i] as SeededPatient;

describe('submitting a request', () => {
  it('accepts a patient request, stores the full triage outcome and shows the patient its status', async () => {
    const response = await submit(ctx, await asPatient(ctx, p(0)), selfRequest(p(0), TEXT.ankle, {
      duration: '2 weeks', contactPreferences: { methods: ['sms'], phone: '07700 900123' }, interpreterLanguage: 'bn', accessibilityNeeds: 'Large print', language: 'en',
    }));
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({ status: 'new', outcome: { disposition: 'routine', reasons: [expect.objectContaining({ ruleId: expect.any(String), quote: expect.any(String) })] } });
    expect(body.outcome.safetyNetting.length).toBeGreaterThan(0);
    expect(body.expectedResponse).toMatchObject({ by: expect.any(String), text: expect.stringMatching(/reply by/) });
    expect(body.lanes).toMatchObject({ first: expect.stringMatching(/own_clinician|first_available/), alternative: expect.any(String), waits: expect.any(Object) });
    const row = await ctx.database.db.selectFrom('patient_request').selectAll().where('id', '=', body.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ patient_id: p(0).id, practice_id: PRACTICE, submitted_by: 'patient', channel: 'online', engine_id: 'rules', interpreter_language: 'bn', accessibility_needs: 'Large print', duration: '2 weeks' });
    expect(row.engine_version).toMatch(/^hamlet-triage-rules\//);
    expect((row.triage as { reasons: unknown[] }).reasons.length).toBeGreaterThan(0);
    const seen = await ctx.app.inject({ method: 'GET', url: `/api/requests/${body.id}`, headers: await asPatient(ctx, p(0)) });
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ id: body.id, status: 'new', statusText: expect.any(String) });
    const list = await ctx.app.inject({ method: 'GET', url: `/api/patients/${p(0).id}/requests`, headers: await asPatient(ctx, p(0)) });
    expect(list.json().map((r: { id: string }) => r.id)).toContain(body.id);
    const other = await ctx.app.inject({ method: 'GET', url: `/api/requests/${body.id}`, headers: await asPatient(ctx, p(1)) });
    expect(other.statusCode).toBe(403);
  });

  it('lets a registered proxy write for someone else and refuses (and audits) anyone else', async () => {
    await ctx.database.db.insertInto('patient_proxy').values({ proxy_patient_id: p(1).id, patient_id: p(2).id, relationship: 'daughter' }).execute();
    const before = await requestCount(ctx);
    // A new sign-in: proxy rights are read when the actor is resolved.
    const proxy = await ctx.auth({ role: 'patient', patient: p(1).nhsNumber, sub: 'proxy-session' });
    const ok = await submit(ctx, proxy, { ...selfRequest(p(2), TEXT.ankle), submittedFor: 'someone_else', patientId: p(2).id });
    expect(ok.statusCode).toBe(201);
    const row = await ctx.database.db.selectFrom('patient_request').selectAll().where('id', '=', ok.json().id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ patient_id: p(2).id, submitted_by: 'proxy', on_behalf_relationship: 'daughter' });
    const refused = await submit(ctx, proxy, { ...selfRequest(p(3), TEXT.ankle), submittedFor: 'someone_else', patientId: p(3).id });
    expect(refused.statusCode).toBe(403);
    expect(await requestCount(ctx)).toBe(before + 1);
    const audit = await ctx.database.db.selectFrom('audit_log').select('action').where('patient_id', '=', p(3).id).where('action', '=', 'request.submit.refused').execute();
    expect(audit.length).toBe(1);
  });

  it('lets a navigator enter a phone request for a patient of their practice, not of another', async () => {
    const staff = await ctx.auth({ role: 'receptionist', practice: PRACTICE });
    const ok = await submit(ctx, staff, { ...selfRequest(p(3), TEXT.ankle), patientId: p(3).id, channel: 'phone' });
    expect(ok.statusCode).toBe(201);
    const row = await ctx.database.db.selectFrom('patient_request').selectAll().where('id', '=', ok.json().id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ submitted_by: 'navigator', channel: 'phone', patient_id: p(3).id });
    const elsewhere = await ctx.auth({ role: 'receptionist', practice: 'Z84002' });
    expect((await submit(ctx, elsewhere, { ...selfRequest(p(3), TEXT.ankle), patientId: p(3).id, channel: 'desk' })).statusCode).toBe(403);
  });

  it('refuses invalid input with field and reason and stores nothing', async () => {
    const headers = await asPatient(ctx, p(4));
    const before = await requestCount(ctx);
    const cases: [Record<string, unknown>, string][] = [
      [{ submittedFor: 'self', ageYears: p(4).ageYears, sex: p(4).sex }, 'description'],
      [selfRequest(p(4), '   '), 'body.description'],
      [selfRequest(p(4), TEXT.ankle, { ageYears: 3 }), 'ageYears'],
      [selfRequest(p(4), TEXT.ankle, { sex: 'unknown' }), 'body.sex'],
      [selfRequest(p(4), TEXT.ankle, { answers: { not_a_question: 'yes' } }), 'answers.not_a_question'],
      [selfRequest(p(4), TEXT.ankle, { answers: { headache_sudden: 'maybe' } }), 'body.answers.headache_sudden'],
      [selfRequest(p(4), TEXT.ankle, { channel: 'phone' }), 'channel'],
      [selfRequest(p(4), TEXT.ankle, { contactPreferences: { phone: 'call me' } }), 'body.contactPreferences.phone'],
      [{ ...selfRequest(p(4), TEXT.ankle), submittedFor: 'someone_else' }, 'patientId'],
    ];
    for (const [payload, field] of cases) {
      const response = await submit(ctx, headers, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'invalid_input', field: expect.stringContaining(field), reason: expect.any(String) });
    }
    expect(await requestCount(ctx)).toBe(before);
  });
});

describe('group commit', () => {
  it('stores every one of a burst of concurrent requests, answers each only once stored, and keeps the audit chain intact', async () => {
    const before = await requestCount(ctx);
    const burst = await Promise.all(Array.from({ length: 30 }, async (_, i) => submit(ctx, await asPatient(ctx, p(i % 6)), selfRequest(p(i % 6), i % 5 === 0 ? TEXT.chestPain : TEXT.ankle))));
    expect(burst.map((r) => r.statusCode)).toEqual(Array(30).fill(201));
    expect(await requestCount(ctx)).toBe(before + 30);
    const ids = burst.map((r) => r.json().id as string);
    const audited = await ctx.database.db.selectFrom('audit_log').select('resource_id').where('action', '=', 'request.submit').where('resource_id', 'in', ids).execute();
    expect(audited).toHaveLength(30);
    expect(await verifyAuditChain(ctx.database.db)).toMatchObject({ valid: true });
  });
});

describe('an emergency stops the flow', () => {
  it('escalates a red flag, alerts staff (audited), instructs 999 and is never booked', async () => {
    const response = await submit(ctx, await asPatient(ctx, p(5)), selfRequest(p(5), TEXT.chestPain));
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({ status: 'escalated', outcome: { disposition: 'emergency', service: 'emergency_999' }, lanes: null });
    expect(body.emergency.actions[0]).toMatchObject({ phone: '999' });
    expect(body.expectedResponse.text).toMatch(/call 999/);
    const alert = await ctx.database.db.selectFrom('staff_alert').selectAll().where('request_id', '=', body.id).executeTakeFirstOrThrow();
    expect(alert).toMatchObject({ practice_id: PRACTICE, kind: 'emergency', acknowledged_at: null });
    const audited = await ctx.database.db.selectFrom('audit_log').select('action').where('resource_id', '=', body.id).where('action', '=', 'request.escalated').execute();
    expect(audited).toHaveLength(1);
    const queue = (await ctx.app.inject({ method: 'GET', url: `/api/queue?practiceId=${PRACTICE}`, headers: await ctx.auth({ role: 'receptionist', practice: PRACTICE }) })).json();
    expect(queue.alerts.map((a: { requestId: string }) => a.requestId)).toContain(body.id);
    expect(queue.items[0].id).toBe(body.id);
    const book = await ctx.app.inject({ method: 'POST', url: `/api/requests/${body.id}/book`, headers: await ctx.auth({ role: 'receptionist', practice: PRACTICE }), payload: { slotId: 1 } });
    expect(book.statusCode).toBe(409);
    expect(book.json().error.message).toMatch(/999/);
  });

  it('sends a mental-health crisis to 999, NHS 111 option 2 and Samaritans', async () => {
    const response = await submit(ctx, await asPatient(ctx, p(4)), selfRequest(p(4), TEXT.crisis));
    const body = response.json();
    expect(body).toMatchObject({ status: 'escalated', outcome: { disposition: 'emergency', service: 'mental_health_crisis' } });
    const phones = body.emergency.actions.map((a: { phone?: string }) => a.phone);
    expect(phones).toEqual(expect.arrayContaining(['999', '111', '116123']));
    const alert = await ctx.database.db.selectFrom('staff_alert').select('kind').where('request_id', '=', body.id).executeTakeFirstOrThrow();
    expect(alert.kind).toBe('mental_health_crisis');
  });

  it('does not escalate negated symptoms ("no chest pain")', async () => {
    const response = await submit(ctx, await asPatient(ctx, p(4)), selfRequest(p(4), TEXT.negatedCough));
    expect(response.json()).toMatchObject({ status: 'new', emergency: null });
    expect(response.json().outcome.disposition).not.toBe('emergency');
    expect(await ctx.database.db.selectFrom('staff_alert').select('id').where('request_id', '=', response.json().id).execute()).toHaveLength(0);
  });
});

describe('routing and response targets', () => {
  // Monday 23 November 2026, 10:00 London: 3 working days is Thursday's close, 5 is the next Monday's.
  it('routes an admin need to the admin team within 3 working days', async () => {
    const body = (await submit(ctx, await asPatient(ctx, p(0)), selfRequest(p(0), TEXT.fitNote))).json();
    expect(body.outcome).toMatchObject({ disposition: 'routine', service: 'admin_team', needKind: 'admin' });
    expect(body.respondBy).toBe('2026-11-26T18:30:00.000Z');
  });

  it('routes a social need to the link worker within 5 working days', async () => {
    const body = (await submit(ctx, await asPatient(ctx, p(1)), selfRequest(p(1), TEXT.lonely))).json();
    expect(body.outcome).toMatchObject({ service: 'social_prescribing', needKind: 'social' });
    expect(body.respondBy).toBe('2026-11-30T18:30:00.000Z');
  });

  it('gives a routine medical request 2 working days and an urgent one 4 working hours', async () => {
    const routine = (await submit(ctx, await asPatient(ctx, p(2)), selfRequest(p(2), TEXT.ankle))).json();
    expect(routine.respondBy).toBe('2026-11-25T18:30:00.000Z');
    const urgent = (await submit(ctx, await asPatient(ctx, p(3)), selfRequest(p(3), TEXT.kidney))).json();
    expect(urgent.outcome.disposition).toBe('urgent');
    expect(urgent.respondBy).toBe('2026-11-23T14:00:00.000Z');
    expect(urgent.expectedResponse.text).toMatch(/NHS 111/);
  });
});

describe('adaptive safety questions', () => {
  it('asks the next relevant question until none remain, storing nothing', async () => {
    const headers = await asPatient(ctx, p(0));
    const before = await requestCount(ctx);
    const ask = async (answers: Record<string, string>) =>
      (await ctx.app.inject({ method: 'POST', url: '/api/requests/triage-preview', headers, payload: { ageYears: 40, sex: 'female', description: 'I have a bad headache', answers } })).json();
    const first = await ask({});
    expect(first.nextQuestion).toMatchObject({ id: expect.any(String), text: expect.any(String) });
    const answers: Record<string, string> = {};
    let next = first;
    for (let i = 0; i < 5 && next.nextQuestion; i++) {
      answers[next.nextQuestion.id] = 'no';
      next = await ask(answers);
    }
    expect(next.nextQuestion).toBeNull();
    expect(next.outcome.disposition).not.toBe('emergency');
    const yes = await ask({ [first.nextQuestion.id]: 'unsure' });
    expect(yes.outcome.disposition).toBe('emergency');
    expect(yes.emergency).not.toBeNull();
    expect(await requestCount(ctx)).toBe(before);
  });
});
