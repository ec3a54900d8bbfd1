// Search, book, cancel, rebook and outcome through HTTP, with the database checked after each step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-context.ts';
import { findPatient, freeSlots, type PatientRef } from './booking-support.ts';

let ctx: TestContext;
let patient: PatientRef;
let patientAuth: { authorization: string };
let reception: { authorization: string };
const PRACTICE = 'Z84001';

beforeAll(async () => {
  ctx = await createTestContext();
  patient = await findPatient(ctx, { practiceId: PRACTICE, optedOut: false });
  patientAuth = await ctx.auth({ role: 'patient', patient: patient.nhs });
  reception = await ctx.auth({ role: 'receptionist', practice: PRACTICE });
});
afterAll(() => ctx.close());

const book = (headers: Record<string, string>, body: Record<string, unknown>) =>
  ctx.app.inject({ method: 'POST', url: '/api/appointments', headers, payload: body });
const search = (headers: Record<string, string>, body: Record<string, unknown>) =>
  ctx.app.inject({ method: 'POST', url: '/api/booking/search', headers, payload: body });

describe('search', () => {
  it('ranks free future slots across practice, PCN and hubs, with reasons, travel and waits', async () => {
    const response = await search(patientAuth, { patientId: patient.id, need: { modes: ['in_person', 'telephone'] }, preferences: { limit: 10 } });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.options.length).toBe(10);
    const now = ctx.clock.now().getTime();
    for (const option of body.options) {
      expect(Date.parse(option.start)).toBeGreaterThan(now);
      expect(option.start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
      expect(['in_person', 'telephone']).toContain(option.mode);
      expect(option.reasons.length).toBeGreaterThan(0);
      expect(option.organisation.kind).toMatch(/practice|hub/);
    }
    const ids = body.options.map((o: { slotId: number }) => o.slotId);
    const rows = await ctx.database.db.selectFrom('slot').select(['id', 'status']).where('id', 'in', ids).execute();
    expect(rows.every((r) => r.status === 'free')).toBe(true);
    expect(body.options.map((o: { score: number }) => o.score)).toEqual([...body.options.map((o: { score: number }) => o.score)].sort((a, b) => b - a));
    expect(body.firstAvailable.firstSlot.slotId).toEqual(expect.any(Number));
    expect(body.usualClinician.clinician.id).toEqual(expect.any(String));
    expect(body.usualClinician.expectedWaitDays).toBeGreaterThanOrEqual(0);
    const inPerson = body.options.find((o: { mode: string }) => o.mode === 'in_person');
    if (inPerson) expect(inPerson.travelMinutes.walk).toBeGreaterThanOrEqual(inPerson.travelMinutes.car - 10);
  });

  it('refuses a patient searching for somebody else, and a window beyond 70 days', async () => {
    const other = await findPatient(ctx, { practiceId: 'Z84002' });
    expect((await search(patientAuth, { patientId: other.id })).statusCode).toBe(403);
    const far = await search(patientAuth, { patientId: patient.id, need: { latest: '2027-06-01T00:00:00Z' } });
    expect(far.statusCode).toBe(400);
    expect(far.json().error.field).toBe('need.latest');
  });
});

describe('booking and changing', () => {
  it('books with GPAD fields, never offers the slot again, and answers 409 to a second booking', async () => {
    const [slot] = await freeSlots(ctx, { practiceId: PRACTICE });
    const first = await book(patientAuth, { patientId: patient.id, slotId: slot!.id });
    expect(first.statusCode).toBe(201);
    const appointment = first.json();
    expect(appointment).toMatchObject({ patientId: patient.id, slotId: slot!.id, status: 'booked', organisation: { kind: 'practice', id: PRACTICE } });
    expect(appointment.gpad).toMatchObject({ serviceSetting: 'General Practice', bookingChannel: 'patient_online', bookedByOrg: PRACTICE, hcpType: expect.any(String) });
    const row = await ctx.database.db.selectFrom('appointment').selectAll().where('id', '=', appointment.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ national_category: expect.any(String), booked_at: ctx.clock.now(), booking_channel: 'patient_online' });
    const second = await book(reception, { patientId: (await findPatient(ctx, { practiceId: PRACTICE, notIn: [patient.id] })).id, slotId: slot!.id });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('slot_taken');
    const again = await search(patientAuth, { patientId: patient.id, need: { latest: new Date(slot!.start_at.getTime() + 3_600_000).toISOString() }, preferences: { limit: 50 } });
    expect(again.json().options.map((o: { slotId: number }) => o.slotId)).not.toContain(slot!.id);
    const listed = await ctx.app.inject({ method: 'GET', url: `/api/patients/${patient.id}/appointments`, headers: patientAuth });
    expect(listed.json().map((a: { id: number }) => a.id)).toContain(appointment.id);
  });

  it('replays an idempotent retry without booking twice, and refuses the key for another request', async () => {
    const [a, b] = await freeSlots(ctx, { practiceId: PRACTICE }, { count: 2 });
    const headers = { ...patientAuth, 'idempotency-key': 'retry-key-0001' };
    const first = await book(headers, { patientId: patient.id, slotId: a!.id });
    const retry = await book(headers, { patientId: patient.id, slotId: a!.id });
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual(first.json());
    const count = await ctx.database.db.selectFrom('appointment').select((eb) => eb.fn.countAll<number>().as('n')).where('slot_id', '=', a!.id).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    const misuse = await book(headers, { patientId: patient.id, slotId: b!.id });
    expect(misuse.statusCode).toBe(422);
    expect(misuse.json().error.code).toBe('idempotency_mismatch');
  });

  it('cancels with a reason, frees the slot for search, and refuses a second cancellation', async () => {
    const [slot] = await freeSlots(ctx, { practiceId: PRACTICE }, { after: new Date(ctx.clock.now().getTime() + 3 * 86_400_000) });
    const booked = (await book(reception, { patientId: patient.id, slotId: slot!.id })).json();
    const cancel = await ctx.app.inject({ method: 'POST', url: `/api/appointments/${booked.id}/cancel`, headers: patientAuth, payload: { reason: 'Feeling better' } });
    expect(cancel.statusCode).toBe(200);
    expect(cancel.json()).toMatchObject({ status: 'cancelled', cancellationReason: 'Feeling better', version: 2 });
    expect((await ctx.database.db.selectFrom('slot').select('status').where('id', '=', slot!.id).executeTakeFirstOrThrow()).status).toBe('free');
    const found = await search(patientAuth, {
      patientId: patient.id, need: { earliest: new Date(slot!.start_at.getTime() - 60_000).toISOString(), latest: slot!.end_at.toISOString() },
      preferences: { limit: 50, preferUsualClinician: false },
    });
    expect(found.json().options.map((o: { slotId: number }) => o.slotId)).toContain(slot!.id);
    const twice = await ctx.app.inject({ method: 'POST', url: `/api/appointments/${booked.id}/cancel`, headers: patientAuth, payload: { reason: 'again' } });
    expect(twice.statusCode).toBe(409);
    const missingReason = await ctx.app.inject({ method: 'POST', url: `/api/appointments/${booked.id}/cancel`, headers: patientAuth, payload: {} });
    expect(missingReason.statusCode).toBe(400);
  });

  it('rebooks in one transaction, and leaves the old booking untouched when the new slot is taken', async () => {
    const [first, second, taken] = await freeSlots(ctx, { practiceId: PRACTICE }, { count: 3, after: new Date(ctx.clock.now().getTime() + 5 * 86_400_000) });
    const original = (await book(reception, { patientId: patient.id, slotId: first!.id })).json();
    const other = await findPatient(ctx, { practiceId: PRACTICE, notIn: [patient.id] });
    expect((await book(reception, { patientId: other.id, slotId: taken!.id })).statusCode).toBe(201);
    const refused = await ctx.app.inject({ method: 'POST', url: `/api/appointments/${original.id}/rebook`, headers: reception, payload: { slotId: taken!.id, reason: 'Later suits' } });
    expect(refused.statusCode).toBe(409);
    const untouched = await ctx.app.inject({ method: 'GET', url: `/api/appointments/${original.id}`, headers: reception });
    expect(untouched.json().status).toBe('booked');
    const moved = await ctx.app.inject({ method: 'POST', url: `/api/appointments/${original.id}/rebook`, headers: reception, payload: { slotId: second!.id, reason: 'Later suits' } });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ slotId: second!.id, status: 'booked' });
    const old = await ctx.database.db.selectFrom('appointment').select(['status', 'cancellation_reason']).where('id', '=', original.id).executeTakeFirstOrThrow();
    expect(old).toEqual({ status: 'cancelled', cancellation_reason: 'Rebooked: Later suits' });
    const kinds = await ctx.database.db.selectFrom('outbox_message').select('kind').where('appointment_id', '=', moved.json().id).execute();
    expect(kinds.map((k) => k.kind)).toContain('change');
  });

  it('records attendance only by staff and only once the appointment has started', async () => {
    const [slot] = await freeSlots(ctx, { practiceId: PRACTICE });
    const booked = (await book(reception, { patientId: patient.id, slotId: slot!.id })).json();
    const outcome = (headers: Record<string, string>, status: string) =>
      ctx.app.inject({ method: 'POST', url: `/api/appointments/${booked.id}/outcome`, headers, payload: { status } });
    expect((await outcome(patientAuth, 'attended')).statusCode).toBe(403);
    expect((await outcome(reception, 'attended')).statusCode).toBe(409);
    ctx.clock.set(new Date(slot!.start_at.getTime() + 60_000));
    try {
      const done = await outcome(await ctx.auth({ role: 'receptionist', practice: PRACTICE }), 'dna');
      expect(done.statusCode).toBe(200);
      expect(done.json()).toMatchObject({ status: 'dna', outcomeRecordedAt: expect.any(String) });
    } finally {
      ctx.clock.set('2026-11-23T10:00:00Z');
    }
  });

  it('audits every read and change of a patient\'s bookings', async () => {
    const [slot] = await freeSlots(ctx, { practiceId: PRACTICE });
    const booked = (await book(patientAuth, { patientId: patient.id, slotId: slot!.id })).json();
    await ctx.app.inject({ method: 'GET', url: `/api/appointments/${booked.id}`, headers: reception });
    await ctx.app.inject({ method: 'POST', url: `/api/appointments/${booked.id}/cancel`, headers: reception, payload: { reason: 'Clinician unwell' } });
    const actions = await ctx.database.db.selectFrom('audit_log').select(['action', 'resource_type', 'resource_id']).where('patient_id', '=', patient.id)
      .where('resource_id', 'in', [String(booked.id), String(slot!.id)]).orderBy('id').execute();
    expect(actions.map((a) => `${a.action} ${a.resource_type}`)).toEqual(['appointment.book Slot', 'appointment.read Appointment', 'appointment.cancel Appointment']);
  });
});
