// The shape every language's booking messages share. English is the reference; other languages may lag, and
// the renderer falls back to English for any message they lack (a test keeps them complete in the repo).
import type { AppointmentMode } from '../../shared/domain/vocabulary.ts';

export const MESSAGE_KINDS = ['confirmation', 'change', 'cancellation', 'reminder'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const MESSAGE_KEYS = [
  'confirmation.subject',
  'confirmation.body',
  'change.subject',
  'change.body',
  'cancellation.subject',
  'cancellation.body',
  'reminder.subject',
  'reminder.body',
  'mode.in_person',
  'mode.telephone',
  'mode.video',
  'mode.home_visit',
] as const satisfies readonly (`${MessageKind}.${'subject' | 'body'}` | `mode.${AppointmentMode}`)[];
export type MessageKey = (typeof MESSAGE_KEYS)[number];

/** Placeholders a template may use, written `{name}`. */
export const PLACEHOLDERS = [
  'patientName',
  'date',
  'time',
  'previousDate',
  'previousTime',
  'clinician',
  'site',
  'mode',
  'reference',
  'practicePhone',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export interface CatalogueMeta {
  language: 'en' | 'bn' | 'so';
  /** BCP 47 locale for dates and times. */
  locale: string;
  /** Anything not written or checked by a qualified translator is marked so and must not be presented as reviewed. */
  review: 'reviewed' | 'machine_drafted_needs_translator_review';
}

export interface MessageCatalogue {
  meta: CatalogueMeta;
  texts: Partial<Record<MessageKey, string>>;
}
