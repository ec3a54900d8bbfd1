// The staff side of the front door: queue order and breach flags, overrides with audited reasons (never
// silently lowering a red flag), replies the patient sees, referral on, closing, and honest waits when
// same-day capacity runs out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonInstant } from '../../src/shared/domain/london-time.ts';
import { createTestContext, type TestContext } from '../support/test-context.ts';
import { adults, asPatient, PRACTICE, selfRequest, submit, TEXT, type SeededPatient } from './requests-fixtures.ts';

let ctx: TestContext;
let patients: SeededPatient[];
let staff: Record<'receptionist' | 'clinician', Record<string, string>>;
beforeAll(async () => {
  ctx = await createTestContext();
  patients = await adults(ctx, { count: 6 });
  staff = { receptionist: await ctx.auth({ role: 'receptionist', practice: PRACTICE }), clinician: await ctx.auth({ role: 'clinician', practice: PRACTICE }) };
});
afterAll(() => ctx.close());

const p = (i: number) => patients[i] as SeededPatient;
const send = async (i: number, text: string) => (await submit(ctx, await asPatient(ctx, p(i)), selfRequest(p(i), text))).json() as { id: string; outcome: { disposition: string } };
const post = (url: string, headers: Record<string, string>, payload: Record<string, unknown>) => ctx.app.inject({ method: 'POST', url, headers, payload });
async function firstBookableSlot(patientId: number, headers: Record<string, string>): Promise<number> {
  const search = await post('/api/booking/search', headers, { patientId, need: {} });
  expect(search.statusCode).toBe(200);
  return search.json().options[0].slotId as number;
}
const queue = async (headers = staff.receptionist) => (await ctx.app.inject({ method: 'GET', url: `/api/queue?practiceId=${PRACTICE}`, headers })).json();

describe('the staff queue', () => {
  it('orders by urgency then response deadline, shows reasons, quotes and the patient, and flags breaches', async () => {
    const admin = await send(0, TEXT.fitNote);
    const routine = await send(1, TEXT.ankle);
    const urgent = await send(2, TEXT.kidney);
    const emergency = await send(3, TEXT.chestPain);
    const view = await queue();
    const ids = view.items.map((i: { id: string }) => i.id);
    expect(ids.indexOf(emergency.id)).toBeLessThan(ids.indexOf(urgent.id));
    expect(ids.indexOf(urgent.id)).toBeLessThan(ids.indexOf(routine.id));
    expect(ids.indexOf(routine.id)).toBeLessThan(ids.indexOf(admin.id));
    const item = view.items.find((i: { id: string }) => i.id === urgent.id);
    expect(item.triage.reasons[0]).toMatchObject({ ruleId: expect.any(String), summary: expect.any(String), quote: expect.any(String) });
    expect(item.patient).toMatchObject({ id: p(2).id, nhsNumber: p(2).nhsNumber });
    expect(item.flags).toMatchObject({ breached: false });
    ctx.clock.set('2026-11-23T15:00:00Z'); // past the urgent request's 14:00 target
    try {
      const later = await queue(await ctx.auth({ role: 'receptionist', practice: PRACTICE, sub: 'afternoon' }));
      expect(later.items.find((i: { id: string }) => i.id === urgent.id).flags.breached).toBe(true);
      expect(later.items.find((i: { id: string }) => i.id === routine.id).flags.breached).toBe(false);
      expect(later.counts.breached).toBeGreaterThanOrEqual(1);
    } finally {
      ctx.clock.set('2026-11-23T10:00:00Z');
    }
  });

  it('is only for staff of that practice', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: `/api/queue?practiceId=${PRACTICE}`, headers: await asPatient(ctx, p(0)) })).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/queue?practiceId=${PRACTICE}`, headers: await ctx.auth({ role: 'receptionist', practice: 'Z84002' }) })).statusCode).toBe(403);
  });
});

describe('overrides', () => {
  it('records and audits a raised disposition with its reason', async () => {
    const request = await send(4, TEXT.ankle);
    const short = await post(`/api/requests/${request.id}/override`, staff.receptionist, { disposition: 'urgent', service: 'same_day_clinician', reason: 'worse' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.field).toBe('reason');
    const ok = await post(`/api/requests/${request.id}/override`, staff.receptionist, { disposition: 'urgent', service: 'same_day_clinician', reason: 'Patient rang: now cannot bear weight at all' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ outcome: { disposition: 'urgent', service: 'same_day_clinician' }, override: { reason: 'Patient rang: now cannot bear weight at all', role: 'receptionist' }, triage: { disposition: 'routine' } });
    const audit = await ctx.database.db.selectFrom('audit_log').select(['action', 'reason', 'details']).where('resource_id', '=', request.id).where('action', '=', 'request.override.applied').executeTakeFirstOrThrow();
    expect(audit.reason).toMatch(/bear weight/);
    expect(audit.details).toMatchObject({ from: { disposition: 'routine' }, to: { disposition: 'urgent' }, lowered: false });
    const mismatched = await post(`/api/requests/${request.id}/override`, staff.receptionist, { disposition: 'urgent', service: 'self_care', reason: 'Does not fit the disposition' });
    expect(mismatched.statusCode).toBe(400);
  });

  it('never lets a non-clinician lower an emergency; a clinician may, with a reason, and only then may it be booked', async () => {
    const emergency = await send(5, TEXT.chestPain);
    const receptionist = await post(`/api/requests/${emergency.id}/override`, staff.receptionist, { disposition: 'routine', service: 'first_available', reason: 'Patient says it has settled now' });
    expect(receptionist.statusCode).toBe(403);
    const refusedAudit = await ctx.database.db.selectFrom('audit_log').select('action').where('resource_id', '=', emergency.id).where('action', '=', 'request.override.refused').execute();
    expect(refusedAudit).toHaveLength(1);
    const row = await ctx.database.db.selectFrom('patient_request').select(['status', 'override_disposition']).where('id', '=', emergency.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'escalated', override_disposition: null });
    expect((await post(`/api/requests/${emergency.id}/close`, staff.receptionist, { outcome: 'Closed by reception' })).statusCode).toBe(403);
    const clinician = await post(`/api/requests/${emergency.id}/override`, staff.clinician, { disposition: 'urgent', service: 'same_day_clinician', reason: 'Called patient: pain was muscular after lifting, ECG done by paramedics normal' });
    expect(clinician.statusCode).toBe(200);
    expect(clinician.json()).toMatchObject({ status: 'in_review', outcome: { disposition: 'urgent' }, override: { role: 'clinician' } });
    const alert = await ctx.database.db.selectFrom('staff_alert').select(['acknowledged_at']).where('request_id', '=', emergency.id).executeTakeFirstOrThrow();
    expect(alert.acknowledged_at).not.toBeNull();
    const slotId = await firstBookableSlot(p(5).id, staff.clinician);
    const book = await post(`/api/requests/${emergency.id}/book`, staff.clinician, { slotId });
    expect(book.statusCode).toBe(201);
    expect(book.json().request).toMatchObject({ status: 'booked', appointmentId: book.json().appointment.id });
  });

  it('converts a routine request to a booking through the booking service', async () => {
    const request = await send(3, TEXT.ankle);
    const slotId = await firstBookableSlot(p(3).id, staff.receptionist);
    const book = await post(`/api/requests/${request.id}/book`, staff.receptionist, { slotId });
    expect(book.statusCode).toBe(201);
    const appointment = await ctx.database.db.selectFrom('appointment').select(['request_id', 'patient_id', 'slot_id', 'status']).where('id', '=', book.json().appointment.id).executeTakeFirstOrThrow();
    expect(appointment).toEqual({ request_id: request.id, patient_id: p(3).id, slot_id: slotId, status: 'booked' });
    const seen = (await ctx.app.inject({ method: 'GET', url: `/api/requests/${request.id}`, headers: await asPatient(ctx, p(3)) })).json();
    expect(seen).toMatchObject({ status: 'booked', appointmentId: book.json().appointment.id });
    expect((await post(`/api/requests/${request.id}/book`, staff.receptionist, { slotId })).statusCode).toBe(409);
  });
});

describe('replies, referral and closing', () => {
  it('shows the practice reply to the patient and moves the request to awaiting the patient', async () => {
    const request = await send(0, TEXT.ankle);
    const reply = await post(`/api/requests/${request.id}/messages`, staff.receptionist, { body: 'Please send a photo of your ankle.' });
    expect(reply.statusCode).toBe(201);
    const seen = (await ctx.app.inject({ method: 'GET', url: `/api/requests/${request.id}`, headers: await asPatient(ctx, p(0)) })).json();
    expect(seen).toMatchObject({ status: 'awaiting_patient', messages: [{ from: 'practice', body: 'Please send a photo of your ankle.' }] });
    const answer = await post(`/api/requests/${request.id}/messages`, await asPatient(ctx, p(0)), { body: 'Sent, thank you' });
    expect(answer.json()).toMatchObject({ status: 'in_review' });
    const row = await ctx.database.db.selectFrom('patient_request').select('first_response_at').where('id', '=', request.id).executeTakeFirstOrThrow();
    expect(row.first_response_at).not.toBeNull();
  });

  it('refers a social need to a community service with the social prescribing SNOMED code', async () => {
    const request = await send(1, TEXT.lonely);
    const service = await ctx.database.db.selectFrom('community_service').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow();
    const referred = await post(`/api/requests/${request.id}/refer`, staff.receptionist, { communityServiceId: service.id, note: 'Lonely since bereavement: befriending group' });
    expect(referred.statusCode).toBe(201);
    const referral = await ctx.database.db.selectFrom('referral').selectAll().where('id', '=', referred.json().referralId).executeTakeFirstOrThrow();
    expect(referral).toMatchObject({ request_id: request.id, patient_id: p(1).id, community_service_id: service.id, snomed_code: '871731000000106', status: 'referred' });
    expect(referred.json().request.status).toBe('referred');
    const seen = (await ctx.app.inject({ method: 'GET', url: `/api/requests/${request.id}`, headers: await asPatient(ctx, p(1)) })).json();
    expect(seen.status).toBe('referred');
  });

  it('closes a request with its outcome, and it leaves the queue', async () => {
    const request = await send(2, TEXT.fitNote);
    const closed = await post(`/api/requests/${request.id}/close`, staff.receptionist, { outcome: 'Fit note issued for 2 weeks' });
    expect(closed.json()).toMatchObject({ status: 'closed', closeOutcome: 'Fit note issued for 2 weeks' });
    expect((await queue()).items.map((i: { id: string }) => i.id)).not.toContain(request.id);
  });
});

describe('when same-day capacity is exhausted', () => {
  it('still accepts an urgent request, routes it on and states the real wait', async () => {
    // A practice nobody in this file has sent an urgent request to (same-day slot counts are cached briefly).
    const [patient] = await adults(ctx, { practiceId: 'Z84003', count: 1 });
    const now = ctx.clock.now();
    await ctx.database.db.updateTable('slot').set({ status: 'booked' }).where('practice_id', '=', 'Z84003').where('slot_type', '=', 'same_day')
      .where('start_at', '>=', now).where('start_at', '<', londonInstant('2026-11-24', '00:00')).execute();
    const response = await submit(ctx, await asPatient(ctx, patient!), selfRequest(patient!, TEXT.kidney));
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.outcome.disposition).toBe('urgent');
    expect(['hub', 'next_available']).toContain(body.expectedResponse.routedTo.kind);
    expect(body.expectedResponse.text).toMatch(/full/);
    expect(body.expectedResponse.text).toMatch(/NHS 111/);
    expect(new Date(body.expectedResponse.by).getTime()).toBeGreaterThan(now.getTime());
  });
});
