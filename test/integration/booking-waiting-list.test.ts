// The earlier-appointment waiting list: a cancellation is offered in order, held while the offer is open,
// passed on when declined or lapsed, and booked (moving the patient's later appointment) when accepted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-context.ts';
import { findPatients, freeSlots, type PatientRef } from './booking-support.ts';

let ctx: TestContext;
let holder: PatientRef, first: PatientRef, second: PatientRef, third: PatientRef;
let reception: Record<string, string>;
const PRACTICE = 'Z84001';
const DAY = 86_400_000;
const NOW = new Date('2026-11-23T10:00:00Z');

beforeAll(async () => {
  ctx = await createTestContext();
  [holder, first, second, third] = await findPatients(ctx, PRACTICE, 4) as [PatientRef, PatientRef, PatientRef, PatientRef];
  reception = await ctx.auth({ role: 'receptionist', practice: PRACTICE });
});
afterAll(() => ctx.close());

const post = (url: string, payload: Record<string, unknown>, headers = reception) => ctx.app.inject({ method: 'POST', url, headers, payload });
const asPatient = async (p: PatientRef) => ctx.auth({ role: 'patient', patient: p.nhs });
const slotStatus = async (id: number) => (await ctx.database.db.selectFrom('slot').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
async function bookAndCancel(slotId: number): Promise<void> {
  const booked = await post('/api/appointments', { patientId: holder.id, slotId });
  expect(booked.statusCode).toBe(201);
  expect((await post(`/api/appointments/${booked.json().id}/cancel`, { reason: 'Cannot make it' })).statusCode).toBe(200);
}

describe('waiting list', () => {
  it('offers a cancellation to the longest waiting first, holds it, passes it on when declined, frees it when lapsed', async () => {
    const slots = await freeSlots(ctx, { practiceId: PRACTICE }, { count: 4, mode: 'in_person', after: new Date(NOW.getTime() + 2 * DAY) });
    const [later] = await freeSlots(ctx, { practiceId: PRACTICE }, { mode: 'in_person', after: new Date(NOW.getTime() + 20 * DAY) });
    const laterBooking = (await post('/api/appointments', { patientId: second.id, slotId: later!.id })).json();
    const firstEntry = await post('/api/waiting-list', { patientId: first.id, criteria: { modes: ['in_person'], before: new Date(NOW.getTime() + 15 * DAY).toISOString() } }, await asPatient(first));
    expect(firstEntry.statusCode).toBe(201);
    ctx.clock.set(new Date(NOW.getTime() + 60_000));
    const secondEntry = await post('/api/waiting-list', { patientId: second.id, appointmentId: laterBooking.id }, await asPatient(second));
    expect(secondEntry.json().criteria).toMatchObject({ modes: ['in_person'], before: later!.start_at.toISOString() });

    const slot = slots[0]!;
    await bookAndCancel(slot.id);
    expect(await slotStatus(slot.id)).toBe('offered');
    const listed = (await ctx.app.inject({ method: 'GET', url: `/api/waiting-list?practiceId=${PRACTICE}`, headers: reception })).json();
    const offered = listed.find((e: { id: number }) => e.id === firstEntry.json().id);
    expect(offered).toMatchObject({ status: 'offered', offer: { slotId: slot.id } });
    expect(Date.parse(offered.offer.expiresAt) - ctx.clock.now().getTime()).toBe(30 * 60_000);
    const message = await ctx.database.db.selectFrom('outbox_message').select(['kind', 'patient_id']).where('kind', '=', 'waiting_list_offer').execute();
    expect(message).toEqual([{ kind: 'waiting_list_offer', patient_id: first.id }]);
    // Held: nobody else can book it meanwhile.
    expect((await post('/api/appointments', { patientId: third.id, slotId: slot.id })).statusCode).toBe(409);

    const declined = await post(`/api/waiting-list/${firstEntry.json().id}/decline`, {}, await asPatient(first));
    expect(declined.json()).toMatchObject({ status: 'waiting', offer: null });
    const passedOn = (await ctx.app.inject({ method: 'GET', url: `/api/waiting-list?patientId=${second.id}`, headers: await asPatient(second) })).json();
    expect(passedOn[0]).toMatchObject({ status: 'offered', offer: { slotId: slot.id } });

    ctx.clock.set(new Date(ctx.clock.now().getTime() + 31 * 60_000));
    const swept = await ctx.services.booking.waitingList.sweep();
    expect(swept).toMatchObject({ expiredOffers: 1, reoffered: 0 });
    expect(await slotStatus(slot.id)).toBe('free');
    const lapsed = await post(`/api/waiting-list/${secondEntry.json().id}/accept`, {}, await asPatient(second));
    expect(lapsed.statusCode).toBe(409);
    expect(lapsed.json().error.details.reason).toBe('no_open_offer');
  });

  it('books the offer on acceptance and moves the patient out of their later appointment, in one transaction', async () => {
    const slots = await freeSlots(ctx, { practiceId: PRACTICE }, { count: 6, mode: 'in_person', after: new Date(NOW.getTime() + 4 * DAY) });
    const entries = (await ctx.app.inject({ method: 'GET', url: `/api/waiting-list?practiceId=${PRACTICE}`, headers: reception })).json();
    const secondEntry = entries.find((e: { patientId: number }) => e.patientId === second.id);
    const firstEntry = entries.find((e: { patientId: number }) => e.patientId === first.id);
    const slot = slots[1]!;
    await bookAndCancel(slot.id);
    // The first in line has this new slot offered; they accept it.
    const accepted = await post(`/api/waiting-list/${firstEntry.id}/accept`, {}, await asPatient(first));
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ patientId: first.id, slotId: slot.id, status: 'booked' });
    expect(await slotStatus(slot.id)).toBe('booked');

    const next = slots[2]!;
    await bookAndCancel(next.id);
    const moved = await post(`/api/waiting-list/${secondEntry.id}/accept`, {}, await asPatient(second));
    expect(moved.statusCode).toBe(200);
    const old = await ctx.database.db.selectFrom('appointment').select(['status', 'cancellation_reason']).where('id', '=', secondEntry.appointmentId).executeTakeFirstOrThrow();
    expect(old).toEqual({ status: 'cancelled', cancellation_reason: 'Moved to an earlier appointment from the waiting list' });
    const change = await ctx.database.db.selectFrom('outbox_message').select('kind').where('appointment_id', '=', moved.json().id).execute();
    expect(change.map((c) => c.kind)).toContain('change');
    const remaining = (await ctx.app.inject({ method: 'GET', url: `/api/waiting-list?practiceId=${PRACTICE}`, headers: reception })).json();
    expect(remaining.map((e: { id: number }) => e.id)).not.toContain(secondEntry.id);
  });

  it('refuses an acceptance once the offer has expired', async () => {
    const [slot] = await freeSlots(ctx, { practiceId: PRACTICE }, { mode: 'telephone', after: new Date(ctx.clock.now().getTime() + 2 * DAY) });
    const entry = (await post('/api/waiting-list', { patientId: third.id, criteria: { modes: ['telephone'], before: new Date(slot!.start_at.getTime() + DAY).toISOString() } }, await asPatient(third))).json();
    await bookAndCancel(slot!.id);
    ctx.clock.set(new Date(ctx.clock.now().getTime() + 30 * 60_000));
    const late = await post(`/api/waiting-list/${entry.id}/accept`, {}, await asPatient(third));
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details.reason).toBe('offer_expired');
    expect(await slotStatus(slot!.id)).toBe('offered');
    await ctx.services.booking.waitingList.sweep();
    expect(await slotStatus(slot!.id)).toBe('free');
  });
});
