// The checks every booking change makes: may this actor touch this patient's bookings (audited through
// patientAccess), and may they book this slot for them (GP Connect rules, in the pure domain).
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../trust/domain/actor.ts';
import { decidePatientAccess } from '../trust/domain/patient-access.ts';
import type { PatientAccess, PatientAccessRequest } from '../trust/patient-access.service.ts';
import { DomainError } from '../shared/errors.ts';
import type { BookingDecision, BookingRefusal } from './domain/booking-permission.ts';
import { BOOKING_REFUSALS, mayBook } from './domain/booking-permission.ts';
import { bookersFor } from './domain/booking-actor.ts';
import type { SlotRecord } from './domain/appointment.ts';
import type { LondonClock } from './domain/london-clock.ts';
import type { BookingPatient } from './booking.repository.ts';
import type { ReferenceData } from './reference-data.ts';

/** Refuses (and audits the refusal) before any transaction opens. PGlite has one connection, and
 *  patientAccess audits a refusal outside the caller's transaction, so a refusal must never happen inside
 *  one; inside the transaction the same check then only records the access. */
export async function precheckPatientAccess(
  db: Kysely<Database>, patientAccess: PatientAccess, reference: ReferenceData, actor: Actor, patient: BookingPatient,
  request: PatientAccessRequest,
): Promise<void> {
  const facts = { patientId: patient.id, practiceId: patient.practiceId, pcnId: patient.pcnId, optedOutOfSharing: patient.optedOutOfSharing };
  const decision = decidePatientAccess(actor, facts, reference.hubAgreements.get(actor.hubId ?? '') ?? new Set());
  if (!decision.allowed) await patientAccess.assert(db, actor, patient.id, request);
}

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
