// English booking messages: the reference catalogue.
import type { MessageCatalogue, MessageKey } from '../message-catalogue.ts';

export const en = {
  meta: { language: 'en', locale: 'en-GB', review: 'reviewed' },
  texts: {
    'confirmation.subject': 'Your appointment is confirmed',
    'confirmation.body':
      '{patientName}, your {mode} appointment with {clinician} at {site} is confirmed for {date} at {time}. Reference: {reference}. To change or cancel, call {practicePhone}.',
    'change.subject': 'Your appointment has changed',
    'change.body':
      '{patientName}, your appointment on {previousDate} at {previousTime} has moved to {date} at {time}, a {mode} appointment with {clinician} at {site}. Reference: {reference}. To change or cancel, call {practicePhone}.',
    'cancellation.subject': 'Your appointment is cancelled',
    'cancellation.body':
      '{patientName}, your appointment with {clinician} on {date} at {time} has been cancelled. Reference: {reference}. To book another, call {practicePhone}.',
    'reminder.subject': 'Appointment reminder',
    'reminder.body':
      '{patientName}, a reminder of your {mode} appointment with {clinician} at {site} on {date} at {time}. If you cannot come, please call {practicePhone} to cancel so someone else can have it.',
    'mode.in_person': 'in-person',
    'mode.telephone': 'telephone',
    'mode.video': 'video',
    'mode.home_visit': 'home visit',
  },
} as const satisfies MessageCatalogue & { texts: Record<MessageKey, string> };
