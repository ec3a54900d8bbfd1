// Cancelling (frees the slot, offers it to the waiting list), rebooking (cancel + book in one
// transaction), recording attendance, and the audited reads of a patient's appointments.
import type { Actor } from '../trust/domain/actor.ts';
import { conflict, invalidInput, notFound } from '../shared/errors.ts';
import type { Appointment } from './domain/appointment.ts';
import type { Db } from './booking.repository.ts';
import { appointmentById, appointmentsOfPatient, markCancelled, markOutcome, moveSlot, slotById } from './booking.repository.ts';
import type { BookingDeps } from './booking-deps.ts';
import { requirePatient } from './booking-deps.ts';
import { dropPendingReminders, queueMessages } from './booking-messages.ts';
import { bookSlot, translateDatabaseError } from './book-appointment.ts';
import type { AppointmentView } from './appointment-view.ts';
import { presentAppointment } from './appointment-view.ts';
import type { ReferenceData } from './reference-data.ts';

export async function cancelAppointment(deps: BookingDeps, actor: Actor, appointmentId: number, reason: string): Promise<AppointmentView> {
  if (!reason.trim()) throw invalidInput('reason', 'is required');
  const { now, reference, existing, patient } = await prepareChange(deps, actor, appointmentId, 'appointment.cancel');
  const { cancelled, held } = await deps.db.transaction().execute(async (trx) => {
    await lockLiveAppointment(trx, appointmentId, now);
    const cancelled = await markCancelled(trx, appointmentId, reason.trim(), now);
    const held = await releaseSlot(deps, trx, cancelled, reference, now);
    await dropPendingReminders(trx, appointmentId);
    await queueMessages(trx, deps.messages.compose('cancellation', { appointment: cancelled, patient, reference, now }));
    return { cancelled, held };
  });
  afterRelease(deps, existing.slotId, held);
  return presentAppointment(cancelled, reference, deps.londonClock);
}

export async function rebookAppointment(
  deps: BookingDeps, actor: Actor, appointmentId: number, input: { slotId: number; reason: string },
): Promise<AppointmentView> {
  if (!input.reason.trim()) throw invalidInput('reason', 'is required');
  const { now, reference, existing, patient } = await prepareChange(deps, actor, appointmentId, 'appointment.rebook');
  if (existing.slotId === input.slotId) throw invalidInput('slotId', 'is the slot this appointment already has');
  let result: { next: Appointment; held: boolean };
  try {
    result = await deps.db.transaction().execute(async (trx) => {
      await lockLiveAppointment(trx, appointmentId, now);
      const cancelled = await markCancelled(trx, appointmentId, `Rebooked: ${input.reason.trim()}`, now);
      const held = await releaseSlot(deps, trx, cancelled, reference, now);
      const details = { requestId: existing.requestId, reason: existing.reason, channel: null, idempotencyKey: null };
      const { appointment: next } = await bookSlot(deps, trx, actor, patient, reference, input.slotId, details, now);
      await dropPendingReminders(trx, appointmentId);
      await queueMessages(trx, deps.messages.compose('change', { appointment: next, patient, reference, now, previousStart: existing.start }));
      return { next, held };
    });
  } catch (error) {
    throw translateDatabaseError(error);
  }
  deps.index.markUnavailable([input.slotId]);
  afterRelease(deps, existing.slotId, result.held);
  return presentAppointment(result.next, reference, deps.londonClock);
}

export async function recordOutcome(deps: BookingDeps, actor: Actor, appointmentId: number, status: 'attended' | 'dna'): Promise<AppointmentView> {
  const { now, reference, existing } = await prepareChange(deps, actor, appointmentId, 'appointment.outcome');
  if (existing.status !== 'booked') throw conflict(`The outcome was already recorded (${existing.status}).`, { reason: 'not_booked' });
  if (existing.start.getTime() > now.getTime()) throw conflict('An outcome can be recorded only once the appointment has started.', { reason: 'not_started' });
  const updated = await deps.db.transaction().execute(async (trx) => {
    const locked = await appointmentById(trx, appointmentId, { forUpdate: true });
    if (locked?.status !== 'booked') throw conflict('The appointment is no longer booked.', { reason: 'not_booked' });
    const updated = await markOutcome(trx, appointmentId, status, now);
    return updated;
  });
  return presentAppointment(updated, reference, deps.londonClock);
}

export async function readAppointment(deps: BookingDeps, actor: Actor, appointmentId: number): Promise<{ appointment: Appointment; reference: ReferenceData }> {
  const appointment = await appointmentById(deps.db, appointmentId);
  if (!appointment) throw notFound('Appointment');
  await deps.patientAccess.assert(deps.db, actor, appointment.patientId, { action: 'appointment.read', resourceType: 'Appointment', resourceId: appointmentId });
  const reference = await deps.index.reference();
  return { appointment, reference };
}

export async function listAppointments(
  deps: BookingDeps, actor: Actor, patientId: number, range: { from?: Date | null; to?: Date | null; limit?: number },
): Promise<AppointmentView[]> {
  await deps.patientAccess.assert(deps.db, actor, patientId, { action: 'appointment.list', resourceType: 'Appointment' });
  const reference = await deps.index.reference();
  const rows = await appointmentsOfPatient(deps.db, patientId, { ...range, limit: Math.min(range.limit ?? 100, 500) });
  return rows.map((a) => presentAppointment(a, reference, deps.londonClock));
}

async function prepareChange(deps: BookingDeps, actor: Actor, appointmentId: number, action: string) {
  const now = deps.clock.now();
  const existing = await appointmentById(deps.db, appointmentId);
  if (!existing) throw notFound('Appointment');
  const reference = await deps.index.reference();
  const patient = await requirePatient(deps.db, existing.patientId);
  await deps.patientAccess.assert(deps.db, actor, patient.id, { action, resourceType: 'Appointment', resourceId: appointmentId });
  return { now, reference, existing, patient };
}

/** GP Connect: only future, booked appointments change. Locks the row against a concurrent change. */
export async function lockLiveAppointment(trx: Db, appointmentId: number, now: Date): Promise<Appointment> {
  const current = await appointmentById(trx, appointmentId, { forUpdate: true });
  if (!current) throw notFound('Appointment');
  if (current.status !== 'booked') throw conflict(`This appointment is ${current.status} and cannot be changed.`, { reason: 'not_booked' });
  if (current.start.getTime() <= now.getTime()) throw conflict('This appointment has already started.', { reason: 'in_the_past' });
  return current;
}

/** Frees the appointment's slot and offers it to the waiting list; true when it is now held for an offer. */
export async function releaseSlot(deps: BookingDeps, trx: Db, appointment: Appointment, reference: ReferenceData, now: Date): Promise<boolean> {
  if (appointment.slotId === null || !(await moveSlot(trx, appointment.slotId, 'booked', 'free'))) return false;
  const slot = await slotById(trx, appointment.slotId);
  return slot !== null && slot.start.getTime() > now.getTime() ? deps.offerFreedSlot(trx, slot, reference, now) : false;
}

export function afterRelease(deps: BookingDeps, slotId: number | null, held: boolean): void {
  if (slotId === null) return;
  if (held) deps.index.markUnavailable([slotId]);
  else deps.index.markFreed([slotId]);
}
