// May this actor book this slot for this patient (GP Connect rules, in the pure domain)? Whether they may
// touch the patient's bookings at all is patientAccess.assert, called by every use case before its
// transaction opens: PGlite has one connection, and patientAccess reads and audits through the root one.
import type { Actor } from '../trust/domain/actor.ts';
import { DomainError } from '../shared/errors.ts';
import type { BookingDecision, BookingRefusal } from './domain/booking-permission.ts';
import { BOOKING_REFUSALS, mayBook } from './domain/booking-permission.ts';
import { bookersFor } from './domain/booking-actor.ts';
import type { SlotRecord } from './domain/appointment.ts';
import type { LondonClock } from './domain/london-clock.ts';
import type { BookingPatient } from './booking.repository.ts';
import type { ReferenceData } from './reference-data.ts';

/** Whether the actor, in any capacity it books in, may book `slot` for `patient` now. */
export function decideSlotBooking(
  slot: SlotRecord, actor: Actor, patient: BookingPatient, reference: ReferenceData, now: Date, londonClock: LondonClock,
): BookingDecision {
  const site = reference.sites.get(slot.siteId);
  const owner = { practiceId: slot.practiceId, hubId: slot.hubId, pcnId: site?.pcnId ?? '' };
  const agreement = reference.sharingAgreements.get(slot.hubId ?? owner.pcnId) ?? new Set<string>();
  let furthest: BookingDecision | null = null;
  for (const booker of bookersFor(actor, patient)) {
    const decision = mayBook({ ...slot, ...owner }, booker, patient, agreement, now, londonClock);
    if (decision.allowed) return decision;
    if (!furthest || (!furthest.allowed && rank(decision.reason) > rank(furthest.reason))) furthest = decision;
  }
  return furthest ?? { allowed: false, reason: 'not_bookable_by_organisation', message: 'You cannot book appointments.' };
}

const rank = (reason: BookingRefusal) => BOOKING_REFUSALS.indexOf(reason);

const PERMISSION_REFUSALS: ReadonlySet<BookingRefusal> = new Set(['not_bookable_by_organisation', 'no_sharing_agreement', 'patient_opted_out']);

/** A refusal as the one error the HTTP layer maps: 403 for who may book, 409 for when. */
export function refusalError(decision: Extract<BookingDecision, { allowed: false }>): DomainError {
  const code = PERMISSION_REFUSALS.has(decision.reason) ? 'not_permitted' : 'conflict';
  return new DomainError(code, decision.message, { details: { reason: decision.reason } });
}
