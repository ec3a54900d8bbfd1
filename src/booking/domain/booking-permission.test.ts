import { describe, expect, it } from 'vitest';
import type { BookingOrganisation, PatientSharing, PermissionSlot } from './booking-permission.ts';
import { mayBook } from './booking-permission.ts';

const NOW = new Date('2027-04-05T09:00:00Z'); // Monday 10:00 BST

const practiceSlot: PermissionSlot = {
  start: new Date('2027-04-07T09:00:00Z'),
  practiceId: 'practice-a',
  hubId: null,
  pcnId: 'pcn-1',
  bookableBy: ['own_practice', 'pcn', 'hub', 'nhs111'],
  releaseAt: new Date(0),
};
const hubSlot: PermissionSlot = { ...practiceSlot, practiceId: null, hubId: 'hub-bow', bookableBy: ['pcn', 'hub', 'nhs111'] };

const patientOfA: PatientSharing = { practiceId: 'practice-a', pcnId: 'pcn-1', optedOutOfSharing: false };
const patientOfB: PatientSharing = { practiceId: 'practice-b', pcnId: 'pcn-1', optedOutOfSharing: false };
const patientOfZ: PatientSharing = { practiceId: 'practice-z', pcnId: 'pcn-9', optedOutOfSharing: false };

const practiceA: BookingOrganisation = { kind: 'own_practice', organisationId: 'practice-a', pcnId: 'pcn-1' };
const pcnFromB: BookingOrganisation = { kind: 'pcn', organisationId: 'practice-b', pcnId: 'pcn-1' };
const bowHub: BookingOrganisation = { kind: 'hub', organisationId: 'hub-bow', pcnId: null };
const nhs111: BookingOrganisation = { kind: 'nhs111', organisationId: '111', pcnId: null };

const signed = new Set(['practice-a', 'practice-b']);
const reason = (decision: ReturnType<typeof mayBook>) => (decision.allowed ? 'allowed' : decision.reason);

describe('mayBook', () => {
  it('a practice books its own slot for its own patient', () => {
    expect(mayBook(practiceSlot, practiceA, patientOfA, new Set(), NOW)).toEqual({ allowed: true });
  });

  it('in_the_past: a slot starting now or earlier', () => {
    expect(reason(mayBook({ ...practiceSlot, start: NOW }, practiceA, patientOfA, signed, NOW))).toBe('in_the_past');
  });

  it('not_bookable_by_organisation: the practice did not open the slot to hubs', () => {
    const decision = mayBook({ ...practiceSlot, bookableBy: ['own_practice'] }, bowHub, patientOfA, signed, NOW);
    expect(decision).toEqual({ allowed: false, reason: 'not_bookable_by_organisation', message: 'The practice has not opened this slot to The hub.' });
  });

  it('not_bookable_by_organisation: a practice cannot book its slot for another practice’s patient as own practice', () => {
    expect(reason(mayBook(practiceSlot, practiceA, patientOfB, signed, NOW))).toBe('not_bookable_by_organisation');
  });

  it('not_bookable_by_organisation: a PCN booker outside the slot’s PCN, and a hub booking another hub’s session', () => {
    expect(reason(mayBook(practiceSlot, { ...pcnFromB, pcnId: 'pcn-2' }, patientOfB, signed, NOW))).toBe('not_bookable_by_organisation');
    expect(reason(mayBook(hubSlot, { ...bowHub, organisationId: 'hub-isle' }, patientOfA, signed, NOW))).toBe('not_bookable_by_organisation');
  });

  it('a hub books a patient of a practice that signed the sharing agreement', () => {
    expect(mayBook(hubSlot, bowHub, patientOfB, signed, NOW)).toEqual({ allowed: true });
  });

  it('no_sharing_agreement: the hub cannot book a patient whose practice has not signed', () => {
    expect(reason(mayBook(hubSlot, bowHub, patientOfZ, signed, NOW))).toBe('no_sharing_agreement');
  });

  it('patient_opted_out: the practice signed but the patient opted out of sharing', () => {
    expect(reason(mayBook(hubSlot, bowHub, { ...patientOfB, optedOutOfSharing: true }, signed, NOW))).toBe('patient_opted_out');
  });

  it('an opted-out patient can still be booked by their own practice into its own slot', () => {
    expect(mayBook(practiceSlot, practiceA, { ...patientOfA, optedOutOfSharing: true }, new Set(), NOW).allowed).toBe(true);
  });

  it('a hub viewing a patient to book them into their own practice slot still needs sharing', () => {
    expect(reason(mayBook(practiceSlot, bowHub, patientOfA, new Set(), NOW))).toBe('no_sharing_agreement');
  });

  it('PCN booking: another practice in the PCN books a PCN patient into practice A, under the PCN agreement', () => {
    expect(mayBook(practiceSlot, pcnFromB, patientOfB, signed, NOW).allowed).toBe(true);
    expect(reason(mayBook(practiceSlot, pcnFromB, patientOfB, new Set(['practice-a']), NOW))).toBe('no_sharing_agreement');
  });

  it('NHS 111 books into the patient’s own practice without a sharing agreement, but not into a hub', () => {
    expect(mayBook(practiceSlot, nhs111, patientOfA, new Set(), NOW).allowed).toBe(true);
    expect(reason(mayBook(hubSlot, nhs111, patientOfA, new Set(), NOW))).toBe('no_sharing_agreement');
  });

  it('not_released: before the slot’s release instant, allowed from it', () => {
    const slot = { ...practiceSlot, releaseAt: new Date('2027-04-05T09:00:00.001Z') };
    expect(reason(mayBook(slot, practiceA, patientOfA, signed, NOW))).toBe('not_released');
    expect(reason(mayBook(slot, practiceA, patientOfA, signed, new Date('2027-04-05T09:00:00.001Z')))).toBe('allowed');
  });

  it('embargoed: held from hubs until the embargo ends, never from the owning practice', () => {
    const slot = { ...practiceSlot, embargoUntil: new Date('2027-04-07T07:00:00Z') };
    expect(reason(mayBook(slot, bowHub, patientOfA, signed, NOW))).toBe('embargoed');
    expect(reason(mayBook(slot, practiceA, patientOfA, signed, NOW))).toBe('allowed');
    expect(reason(mayBook(slot, bowHub, patientOfA, signed, new Date('2027-04-07T07:00:00Z')))).toBe('allowed');
  });

  it('outside_booking_window: counts London calendar days, so 00:00 BST is already the next day while UTC is not', () => {
    const slot = { ...practiceSlot, start: new Date('2027-04-07T08:00:00Z'), maxDaysAhead: 1 }; // 09:00 BST on the 7th
    expect(reason(mayBook(slot, practiceA, patientOfA, signed, new Date('2027-04-05T22:59:00Z')))).toBe('outside_booking_window'); // 23:59 BST on the 5th
    expect(reason(mayBook(slot, practiceA, patientOfA, signed, new Date('2027-04-05T23:00:00Z')))).toBe('allowed'); // 00:00 BST on the 6th
  });
});
