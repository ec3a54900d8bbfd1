// Confirmation, change, cancellation and reminder messages for an appointment, written to the outbox in
// the same transaction as the change they announce: in the patient's language where a translation exists,
// with the appointment as an iCalendar attachment.
import type { Insertable } from 'kysely';
import type { OutboxMessageTable } from '../db/schema.ts';
import type { Appointment } from './domain/appointment.ts';
import type { MessageKind } from './domain/message-catalogue.ts';
import { renderMessage } from './domain/render-message.ts';
import { appointmentToIcs } from './domain/ics.ts';
import type { LondonClock } from './domain/london-clock.ts';
import type { BookingPatient, Db } from './booking.repository.ts';
import type { ReferenceData } from './reference-data.ts';

export const REMINDER_HOURS_BEFORE = 24;

export interface MessageContext {
  appointment: Appointment;
  patient: BookingPatient;
  reference: ReferenceData;
  now: Date;
  previousStart?: Date | null;
}

export interface MessageComposer {
  /** The message for `kind`, plus the reminder when the appointment is booked or moved. */
  compose(kind: Exclude<MessageKind, 'reminder'>, context: MessageContext): Insertable<OutboxMessageTable>[];
  ics(appointment: Appointment, reference: ReferenceData, now: Date): string;
}

export function createMessageComposer(options: { calendarDomain: string; londonClock: LondonClock }): MessageComposer {
  const describe = (appointment: Appointment, reference: ReferenceData) => {
    const site = reference.sites.get(appointment.siteId);
    const clinician = reference.staff.get(appointment.staffId);
    return {
      siteName: site?.name ?? appointment.siteId,
      location: site && appointment.mode === 'in_person' ? `${site.name}, ${site.addressLine}, ${site.postcode}` : null,
      clinicianName: clinician?.displayName ?? 'your clinician',
    };
  };

  function ics(appointment: Appointment, reference: ReferenceData, now: Date, description: string | null = null): string {
    const { location, clinicianName } = describe(appointment, reference);
    return appointmentToIcs({
      uid: `appointment-${appointment.id}@${options.calendarDomain}`,
      sequence: appointment.version - 1,
      start: appointment.start,
      end: appointment.end,
      summary: `Appointment with ${clinicianName}`,
      location,
      description,
      status: appointment.status === 'cancelled' ? 'cancelled' : 'booked',
    }, now, options.londonClock);
  }

  function message(kind: MessageKind, context: MessageContext, notBefore: Date): Insertable<OutboxMessageTable> {
    const { appointment, patient, reference, now } = context;
    const { siteName, clinicianName } = describe(appointment, reference);
    const rendered = renderMessage(kind, patient.mainLanguage ?? 'en', {
      patientName: patient.givenName, start: appointment.start, previousStart: context.previousStart ?? null, clinicianName, siteName,
      mode: appointment.mode, reference: referenceOf(appointment), practicePhone: reference.practices.get(patient.practiceId)?.phone ?? '111',
    });
    const { channel, recipient } = contactOf(patient);
    return {
      kind, patient_id: patient.id, appointment_id: appointment.id, channel, language: rendered.language, recipient,
      subject: rendered.subject, body: rendered.body, attachment_ics: ics(appointment, reference, now, rendered.body),
      not_before: notBefore, created_at: now,
    };
  }

  return {
    ics: (appointment, reference, now) => ics(appointment, reference, now),
    compose(kind, context) {
      const messages = [message(kind, context, context.now)];
      const remindAt = new Date(context.appointment.start.getTime() - REMINDER_HOURS_BEFORE * 3_600_000);
      if (kind !== 'cancellation' && remindAt.getTime() > context.now.getTime()) messages.push(message('reminder', context, remindAt));
      return messages;
    },
  };
}

/** What a patient quotes to the practice: short, and the same in every message. */
export function referenceOf(appointment: Pick<Appointment, 'id'>): string {
  return `HAM-${appointment.id}`;
}

/** Text message when there is a mobile number, otherwise email, otherwise a letter to the registered address. */
export function contactOf(patient: Pick<BookingPatient, 'phone' | 'email' | 'postcode'>): { channel: 'sms' | 'email' | 'letter'; recipient: string } {
  if (patient.phone) return { channel: 'sms', recipient: patient.phone };
  if (patient.email) return { channel: 'email', recipient: patient.email };
  return { channel: 'letter', recipient: `registered address${patient.postcode ? `, ${patient.postcode}` : ''}` };
}

export async function queueMessages(trx: Db, messages: readonly Insertable<OutboxMessageTable>[]): Promise<void> {
  if (messages.length > 0) await trx.insertInto('outbox_message').values([...messages]).execute();
}

/** A cancelled or moved appointment's pending reminder must never go out. */
export async function dropPendingReminders(trx: Db, appointmentId: number): Promise<void> {
  await trx.deleteFrom('outbox_message').where('appointment_id', '=', appointmentId).where('kind', '=', 'reminder')
    .where('sent_at', 'is', null).execute();
}
