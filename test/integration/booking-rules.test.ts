// The rules a booking must obey, each at a pinned instant: the hub sharing agreement, patient opt-out,
// same-day release at 08:00 and the GP Connect embargo, bank holidays, and hub sessions across clock changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { createTestContext, type TestContext } from '../support/test-context.ts';
import { findPatient, freeSlots, hubOf, hubWithoutAgreementFor } from './booking-support.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-11-23T10:00:00Z' });
});
afterAll(() => ctx.close());

const book = async (claims: Parameters<TestContext['auth']>[0], body: Record<string, unknown>) =>
  ctx.app.inject({ method: 'POST', url: '/api/appointments', headers: await ctx.auth(claims), payload: body });

describe('sharing agreement and opt-out', () => {
  it('lets a hub book a patient whose practice signed, as Extended Access Provision', async () => {
    const patient = await findPatient(ctx, { practiceId: 'Z84001', optedOut: false });
    const hubId = await hubOf(ctx, 'Z84001');
    const [slot] = await freeSlots(ctx, { hubId }, { booker: 'hub' });
    const response = await book({ role: 'hub_staff', hub: hubId }, { patientId: patient.id, slotId: slot!.id });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ organisation: { kind: 'hub', id: hubId }, gpad: { serviceSetting: 'Extended Access Provision', bookingChannel: 'hub', bookedByOrg: hubId } });
  });

  it("refuses a hub booking or viewing a patient of a practice that has not signed, with a clear 403", async () => {
    const { hubId, practiceId } = await hubWithoutAgreementFor(ctx);
    const patient = await findPatient(ctx, { practiceId });
    const [hubSlot] = await freeSlots(ctx, { hubId }, { booker: 'hub' });
    const refused = await book({ role: 'hub_staff', hub: hubId }, { patientId: patient.id, slotId: hubSlot!.id });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/sharing agreement/);
    // The practice itself cannot send its patient to that hub either, and search does not offer it.
    const viaPractice = await book({ role: 'receptionist', practice: practiceId }, { patientId: patient.id, slotId: hubSlot!.id });
    expect(viaPractice.statusCode).toBe(403);
    expect(viaPractice.json().error.details.reason).toBe('no_sharing_agreement');
    const search = await ctx.app.inject({ method: 'POST', url: '/api/booking/search', headers: await ctx.auth({ role: 'receptionist', practice: practiceId }), payload: { patientId: patient.id, preferences: { limit: 50, timeOfDay: 'evening' } } });
    expect(search.json().options.filter((o: { organisation: { kind: string } }) => o.organisation.kind === 'hub')).toEqual([]);
    const [own] = await freeSlots(ctx, { practiceId });
    const booked = (await book({ role: 'receptionist', practice: practiceId }, { patientId: patient.id, slotId: own!.id })).json();
    const view = await ctx.app.inject({ method: 'GET', url: `/api/appointments/${booked.id}`, headers: await ctx.auth({ role: 'hub_staff', hub: hubId }) });
    expect(view.statusCode).toBe(403);
    const audited = await ctx.database.db.selectFrom('audit_log').select('action').where('patient_id', '=', patient.id).where('action', 'like', '%.refused').execute();
    expect(audited.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a hub for a patient who opted out, and the patient cannot take a hub slot themselves', async () => {
    const patient = await findPatient(ctx, { optedOut: true });
    const hubId = await hubOf(ctx, patient.practiceId);
    const [slot] = await freeSlots(ctx, { hubId }, { booker: 'pcn' });
    const byHub = await book({ role: 'hub_staff', hub: hubId }, { patientId: patient.id, slotId: slot!.id });
    expect(byHub.statusCode).toBe(403);
    expect(byHub.json().error.message).toMatch(/opted out/);
    const bySelf = await book({ role: 'patient', patient: patient.nhs }, { patientId: patient.id, slotId: slot!.id });
    expect(bySelf.statusCode).toBe(403);
    expect(bySelf.json().error.details.reason).toBe('patient_opted_out');
  });
});

describe('release and embargo', () => {
  it('holds same-day slots until 08:00 on the day (London), then lets them be booked', async () => {
    ctx.clock.set('2026-11-24T07:30:00Z');
    const sameDay = await ctx.database.db.selectFrom('slot').selectAll().where('practice_id', 'is not', null).where('slot_type', '=', 'same_day')
      .where('status', '=', 'free').where('start_at', '>=', new Date('2026-11-24T09:00:00Z')).where('start_at', '<', new Date('2026-11-25T00:00:00Z'))
      .orderBy('start_at').executeTakeFirstOrThrow();
    expect(sameDay.release_at.toISOString()).toBe('2026-11-24T08:00:00.000Z');
    const patient = await findPatient(ctx, { practiceId: sameDay.practice_id! });
    const claims = { role: 'patient' as const, patient: patient.nhs };
    const search = await ctx.app.inject({ method: 'POST', url: '/api/booking/search', headers: await ctx.auth(claims), payload: { patientId: patient.id, need: { latest: '2026-11-25T00:00:00Z' }, preferences: { limit: 50 } } });
    expect(search.json().options.map((o: { slotId: number }) => o.slotId)).not.toContain(sameDay.id);
    const early = await book(claims, { patientId: patient.id, slotId: sameDay.id });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details.reason).toBe('not_released');
    ctx.clock.set('2026-11-24T08:00:00Z');
    expect((await book(claims, { patientId: patient.id, slotId: sameDay.id })).statusCode).toBe(201);
  });

  it('keeps an embargoed slot for its own practice: other PCN practices get 409 embargoed', async () => {
    ctx.clock.set('2026-11-24T10:00:00Z');
    const practice = await ctx.database.db.selectFrom('practice').select(['id', 'pcn_id']).where('id', '=', 'Z84001').executeTakeFirstOrThrow();
    const neighbour = await ctx.database.db.selectFrom('practice').select('id').where('pcn_id', '=', practice.pcn_id).where('id', '<>', 'Z84001').orderBy('id').executeTakeFirstOrThrow();
    const [slot] = await freeSlots(ctx, { practiceId: 'Z84001' }, { booker: 'pcn', after: new Date('2026-11-25T00:00:00Z') });
    await ctx.database.db.updateTable('slot').set({ embargo_until: new Date('2026-11-24T12:00:00Z') }).where('id', '=', slot!.id).execute();
    const theirPatient = await findPatient(ctx, { practiceId: neighbour.id });
    const refused = await book({ role: 'receptionist', practice: neighbour.id }, { patientId: theirPatient.id, slotId: slot!.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details.reason).toBe('embargoed');
    const ownPatient = await findPatient(ctx, { practiceId: 'Z84001' });
    expect((await book({ role: 'receptionist', practice: 'Z84001' }, { patientId: ownPatient.id, slotId: slot!.id })).statusCode).toBe(201);
  });
});

describe('calendar', () => {
  it('runs no practice sessions on bank holidays (Christmas Day, substitute Boxing Day) while hubs open', async () => {
    const staff = await ctx.auth({ role: 'receptionist', practice: 'Z84001' });
    const practice = await ctx.app.inject({ method: 'GET', url: '/api/capacity?practiceId=Z84001&from=2026-12-21&to=2026-12-31', headers: staff });
    const dates = practice.json().days.map((d: { date: string }) => d.date);
    expect(dates).toEqual(expect.arrayContaining(['2026-12-21', '2026-12-24', '2026-12-29']));
    expect(dates).not.toContain('2026-12-25');
    expect(dates).not.toContain('2026-12-28');
    const hub = await ctx.app.inject({ method: 'GET', url: `/api/capacity?hubId=${await hubOf(ctx, 'Z84001')}&from=2026-12-25&to=2026-12-25`, headers: staff });
    expect(hub.json().days.map((d: { date: string }) => d.date)).toEqual(['2026-12-25']);
  });
});

describe('clock changes', () => {
  it('generates hub sessions of exactly local 08:00–20:00 on 28 March and 31 October 2027, and books them at local time', async () => {
    ctx.clock.set('2027-03-22T10:00:00Z');
    const generated = await ctx.services.booking.generateSlots({ from: '2027-03-27', to: '2027-03-29' });
    expect(generated.created).toBeGreaterThan(0);
    await ctx.services.booking.generateSlots({ from: '2027-10-30', to: '2027-11-01' });
    await ctx.services.booking.reloadIndex();
    const hubId = await hubOf(ctx, 'Z84001');
    const staff = await ctx.auth({ role: 'hub_staff', hub: hubId });
    for (const date of ['2027-03-28', '2027-10-31']) {
      const day = (await ctx.app.inject({ method: 'GET', url: `/api/capacity?hubId=${hubId}&from=${date}&to=${date}`, headers: staff })).json().days[0];
      const fifteenMinute = day.sessions.filter((s: { clinician: { role: string } }) => s.clinician.role === 'gp');
      expect(fifteenMinute.length).toBeGreaterThan(0);
      for (const session of fifteenMinute) expect(session).toMatchObject({ start: '08:00', end: '20:00', offered: 48 });
    }
    const patient = await findPatient(ctx, { practiceId: 'Z84001', optedOut: false });
    const search = await ctx.app.inject({
      method: 'POST', url: '/api/booking/search', headers: staff,
      payload: { patientId: patient.id, need: { earliest: '2027-03-28T00:00:00+00:00', latest: '2027-03-29T00:00:00+01:00', modes: ['in_person'], roles: ['gp'] }, preferences: { limit: 50 } },
    });
    const starts = search.json().options.map((o: { start: string }) => o.start).sort();
    expect(starts[0]).toBe('2027-03-28T08:00:00+01:00');
    const first = search.json().options.find((o: { start: string }) => o.start === starts[0]);
    const booked = await ctx.app.inject({ method: 'POST', url: '/api/appointments', headers: staff, payload: { patientId: patient.id, slotId: first.slotId } });
    expect(booked.json()).toMatchObject({ start: '2027-03-28T08:00:00+01:00', end: '2027-03-28T08:15:00+01:00' });
    const ics = await ctx.app.inject({ method: 'GET', url: `/api/appointments/${booked.json().id}/calendar.ics`, headers: staff });
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics.body)).getFirstSubcomponent('vevent')!);
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-03-28T07:00:00.000Z');
    expect(ics.body).toContain('DTSTART;TZID=Europe/London:20270328T080000');
  });
});
