// Booking a slot: the conditional claim (the database decides who gets a contested slot), the GP Connect
// permission check, GPAD fields, confirmation and reminder in the outbox, the idempotency record and the
// audit entry, all in one transaction.
import type { Actor } from '../trust/domain/actor.ts';
import { DomainError, conflict, invalidInput, notFound, slotTaken } from '../shared/errors.ts';
import type { BookingChannel } from '../shared/domain/vocabulary.ts';
import { BOOKING_CHANNELS } from '../shared/domain/vocabulary.ts';
import type { Appointment, SlotRecord } from './domain/appointment.ts';
import { bookingChannelFor, nationalCategoryFor, serviceSettingFor } from './domain/gpad.ts';
import { bookingOrganisationCode } from './domain/booking-actor.ts';
import type { BookingPatient, Db } from './booking.repository.ts';
import { claimSlot, insertAppointment, isUniqueViolation, slotById } from './booking.repository.ts';
import type { BookingDeps } from './booking-deps.ts';
import { requirePatient } from './booking-deps.ts';
import { decideSlotBooking, refusalError } from './booking-access.ts';
import { queueMessages } from './booking-messages.ts';
import { appointmentKeyOf, idempotentRequest, replayOf, storeResponse } from './idempotency.ts';
import type { AppointmentView } from './appointment-view.ts';
import { presentAppointment } from './appointment-view.ts';
import type { ReferenceData } from './reference-data.ts';

export interface BookInput {
  patientId: number;
  slotId: number;
  idempotencyKey?: string | null;
  /** The front-door request this booking answers. */
  requestId?: string | null;
  reason?: string | null;
  /** Staff may record another channel (e.g. a booking taken for NHS 111); patients always book online. */
  channel?: BookingChannel | null;
}

export interface BookingDetails {
  requestId: string | null;
  reason: string | null;
  channel: BookingChannel | null;
  idempotencyKey: string | null;
}

export async function bookAppointment(deps: BookingDeps, actor: Actor, input: BookInput): Promise<AppointmentView> {
  validate(input);
  const details = { patientId: input.patientId, slotId: input.slotId, requestId: input.requestId ?? null, reason: input.reason ?? null, channel: input.channel ?? null };
  const idempotent = idempotentRequest(actor.subject, 'appointment.book', input.idempotencyKey, details);
  const replay = idempotent ? await replayOf(deps.db, idempotent) : null;
  if (replay) return replay.body as AppointmentView;
  const now = deps.clock.now();
  const reference = await deps.index.reference();
  const patient = await requirePatient(deps.db, input.patientId);
  await deps.patientAccess.assert(deps.db, actor, patient.id, { action: 'appointment.book', resourceType: 'Slot', resourceId: input.slotId });
  let view: AppointmentView;
  try {
    view = await deps.db.transaction().execute(async (trx) => {
      const { appointment } = await bookSlot(deps, trx, actor, patient, reference, input.slotId, { ...details, idempotencyKey: appointmentKeyOf(idempotent) }, now);
      await queueMessages(trx, deps.messages.compose('confirmation', { appointment, patient, reference, now }));
      const presented = presentAppointment(appointment, reference, deps.londonClock);
      if (idempotent) await storeResponse(trx, idempotent, { statusCode: 201, body: presented }, now);
      return presented;
    });
  } catch (error) {
    // A retry that raced its original (same key) replays the original's response once that has committed.
    const contested = isUniqueViolation(error) || (error instanceof DomainError && error.code === 'slot_taken');
    const replayed = idempotent && contested ? await replayOf(deps.db, idempotent) : null;
    if (replayed) return replayed.body as AppointmentView;
    throw translateDatabaseError(error);
  }
  deps.index.markUnavailable([input.slotId]);
  return view;
}

/** The database's refusals as domain errors: a second live booking of a slot, an unknown request id. */
export function translateDatabaseError(error: unknown): unknown {
  if (isUniqueViolation(error)) return slotTaken();
  if ((error as { code?: unknown } | null)?.code === '23503') return invalidInput('requestId', 'no such request');
  return error;
}

/** Claims the slot and records the appointment inside `trx`; throws (rolling back) when it may not be booked. */
export async function bookSlot(
  deps: BookingDeps, trx: Db, actor: Actor, patient: BookingPatient, reference: ReferenceData, slotId: number, details: BookingDetails,
  now: Date, from: 'free' | 'offered' = 'free',
): Promise<{ appointment: Appointment; slot: SlotRecord }> {
  const slot = await claimSlot(trx, slotId, now, from);
  if (!slot) throw await whyUnavailable(deps, trx, actor, patient, reference, slotId, now);
  const decision = decideSlotBooking(slot, actor, patient, reference, now, deps.londonClock);
  if (!decision.allowed) throw refusalError(decision);
  const role = reference.staff.get(slot.staffId)?.role ?? 'gp';
  const channel = actor.role === 'patient' ? 'patient_online' : (details.channel ?? bookingChannelFor(actor.role));
  const appointment = await insertAppointment(trx, {
    slotId: slot.id, patientId: patient.id, practiceId: patient.practiceId, deliveredByPracticeId: slot.practiceId, deliveredByHubId: slot.hubId,
    staffId: slot.staffId, hcpRole: role, siteId: slot.siteId, start: slot.start, end: slot.end, mode: slot.mode,
    nationalCategory: nationalCategoryFor(slot, role), serviceSetting: serviceSettingFor(slot), bookingChannel: channel,
    bookedByOrg: bookingOrganisationCode(actor, patient), bookedByUser: actor.staffId ?? actor.subject, bookedAt: now,
    requestId: details.requestId, reason: details.reason, idempotencyKey: details.idempotencyKey,
  });
  return { appointment, slot };
}

// Who may book outranks whether it is free: a hub without the agreement hears that, not "taken".
async function whyUnavailable(
  deps: BookingDeps, trx: Db, actor: Actor, patient: BookingPatient, reference: ReferenceData, slotId: number, now: Date,
): Promise<DomainError> {
  const slot = await slotById(trx, slotId);
  if (!slot || slot.status === 'withdrawn') return notFound('Slot');
  const decision = decideSlotBooking(slot, actor, patient, reference, now, deps.londonClock);
  if (!decision.allowed && decision.reason !== 'in_the_past' && refusalError(decision).code === 'not_permitted') return refusalError(decision);
  if (slot.start.getTime() <= now.getTime()) return conflict('This appointment time has already passed.', { reason: 'in_the_past' });
  return slotTaken();
}

function validate(input: BookInput): void {
  if (!Number.isSafeInteger(input.patientId) || input.patientId <= 0) throw invalidInput('patientId', 'must be a patient id');
  if (!Number.isSafeInteger(input.slotId) || input.slotId <= 0) throw invalidInput('slotId', 'must be a slot id');
  if (input.channel && !(BOOKING_CHANNELS as readonly string[]).includes(input.channel)) throw invalidInput('channel', 'is not a booking channel');
  if (input.reason && input.reason.length > 500) throw invalidInput('reason', 'must be at most 500 characters');
}
