// Who may book which slot for which patient (GP Connect: practices choose which slots other organisations
// may book, with an embargo and a booking window; hubs see a patient only under a signed sharing agreement).
import type { Booker } from '../../shared/domain/vocabulary.ts';
import type { LondonClock } from './london-clock.ts';
import { createLondonClock } from './london-clock.ts';

/** Where a slot is delivered: a practice (practiceId set) or a hub (hubId set), within a PCN. */
export interface SlotOwner {
  practiceId: string | null;
  hubId: string | null;
  pcnId: string;
}

export interface PermissionSlot extends SlotOwner {
  start: Date;
  bookableBy: readonly Booker[];
  releaseAt: Date;
  /** Held back from every booker except the owning practice until this instant (GP Connect embargo). */
  embargoUntil?: Date | null;
  /** Bookable at most this many London calendar days ahead (GP Connect booking window). */
  maxDaysAhead?: number | null;
}

/** The organisation making the booking; `kind` says in which capacity it books. */
export interface BookingOrganisation {
  kind: Booker;
  organisationId: string; // a practice id for own_practice/pcn bookers, a hub id for hubs
  pcnId: string | null;
}

export interface PatientSharing {
  practiceId: string;
  pcnId: string;
  optedOutOfSharing: boolean;
}

export const BOOKING_REFUSALS = [
  'in_the_past',
  'not_bookable_by_organisation',
  'no_sharing_agreement',
  'patient_opted_out',
  'not_released',
  'embargoed',
  'outside_booking_window',
] as const;
export type BookingRefusal = (typeof BOOKING_REFUSALS)[number];

export type BookingDecision = { allowed: true } | { allowed: false; reason: BookingRefusal; message: string };

const ALLOWED: BookingDecision = { allowed: true };

/** Whether `booker` may book `slot` for `patient` at `now`. `sharingAgreement` holds the practices that
 *  signed with the delivering hub (or, for another practice's slot, with the PCN). Checks run in the order
 *  of BOOKING_REFUSALS, so the most fundamental reason is the one reported. */
export function mayBook(
  slot: PermissionSlot,
  booker: BookingOrganisation,
  patient: PatientSharing,
  sharingAgreement: ReadonlySet<string>,
  now: Date,
  clock: LondonClock = createLondonClock(),
): BookingDecision {
  if (slot.start.getTime() <= now.getTime()) return refuse('in_the_past', 'This appointment time has already passed.');
  if (!slot.bookableBy.includes(booker.kind)) {
    return refuse('not_bookable_by_organisation', `The practice has not opened this slot to ${BOOKER_NAMES[booker.kind]}.`);
  }
  return checkOrganisation(slot, booker, patient, sharingAgreement) ?? checkTiming(slot, booker.kind, now.getTime(), clock);
}

/** The relationship checks, which depend only on where the slot is delivered (one answer per site). */
export function checkOrganisation(
  owner: SlotOwner,
  booker: BookingOrganisation,
  patient: PatientSharing,
  sharingAgreement: ReadonlySet<string>,
): BookingDecision | null {
  if (!bookerRelates(owner, booker, patient)) {
    return refuse('not_bookable_by_organisation', `${BOOKER_NAMES[booker.kind]} cannot book this slot for this patient.`);
  }
  if (needsRecordSharing(owner, booker, patient)) {
    if (!sharingAgreement.has(patient.practiceId)) {
      return refuse('no_sharing_agreement', "The patient's practice has not signed the information sharing agreement with this service.");
    }
    if (patient.optedOutOfSharing) {
      return refuse('patient_opted_out', 'The patient has opted out of sharing their record outside their practice.');
    }
  }
  return null;
}

/** The checks that depend on the clock: release, embargo and booking window. */
export function checkTiming(slot: PermissionSlot, kind: Booker, nowMs: number, clock: LondonClock): BookingDecision {
  if (slot.releaseAt.getTime() > nowMs) return refuse('not_released', 'This slot has not been released for booking yet.');
  if (kind !== 'own_practice' && slot.embargoUntil && nowMs < slot.embargoUntil.getTime()) {
    return refuse('embargoed', 'This slot is held by the practice and cannot be booked by other organisations yet.');
  }
  const window = slot.maxDaysAhead;
  if (window !== null && window !== undefined) {
    const daysAhead = clock.londonDayNumber(slot.start.getTime()) - clock.londonDayNumber(nowMs);
    if (daysAhead > window) {
      return refuse('outside_booking_window', `This slot is more than ${window} days ahead and cannot be booked yet.`);
    }
  }
  return ALLOWED;
}

export function bookerRelates(owner: SlotOwner, booker: BookingOrganisation, patient: PatientSharing): boolean {
  switch (booker.kind) {
    case 'own_practice': // a practice books its own slots for its own registered patients
      return owner.practiceId === booker.organisationId && patient.practiceId === booker.organisationId;
    case 'pcn': // network booking: across the booker's own PCN for its patients, or into any locality hub
      if (owner.hubId !== null) return true;
      return booker.pcnId === owner.pcnId && patient.pcnId === owner.pcnId;
    case 'hub': // a hub books its own sessions, and practice slots the practice opened to hubs
      return owner.hubId === null || owner.hubId === booker.organisationId;
    case 'nhs111':
      return true;
  }
}

// The record is seen outside the patient's practice when another organisation delivers the care,
// or when a hub or another PCN practice makes the booking.
function needsRecordSharing(owner: SlotOwner, booker: BookingOrganisation, patient: PatientSharing): boolean {
  if (owner.practiceId !== patient.practiceId) return true;
  if (booker.kind === 'hub') return true;
  return booker.kind === 'pcn' && booker.organisationId !== patient.practiceId;
}

const BOOKER_NAMES = {
  own_practice: 'The practice',
  pcn: 'The primary care network',
  hub: 'The hub',
  nhs111: 'NHS 111',
} as const satisfies Record<Booker, string>;

function refuse(reason: BookingRefusal, message: string): BookingDecision {
  return { allowed: false, reason, message };
}
