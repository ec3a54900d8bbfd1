// Renders a booking message in the patient's language, falling back to English for any message a
// language lacks. Dates and times are London local, formatted for the language's locale.
import type { AppointmentMode } from '../../shared/domain/vocabulary.ts';
import { LONDON } from '../../shared/domain/london-time.ts';
import type { CatalogueMeta, MessageCatalogue, MessageKind, Placeholder } from './message-catalogue.ts';
import { en } from './messages/en.ts';
import { bn } from './messages/bn.ts';
import { so } from './messages/so.ts';

export const MESSAGE_CATALOGUES = { en, bn, so } as const satisfies Record<CatalogueMeta['language'], MessageCatalogue>;
export type MessageLanguage = keyof typeof MESSAGE_CATALOGUES;

export interface MessageData {
  patientName: string;
  start: Date;
  /** The old start, for a change. */
  previousStart?: Date | null;
  clinicianName: string;
  siteName: string;
  mode: AppointmentMode;
  reference: string;
  practicePhone: string;
}

export interface RenderedMessage {
  /** The language actually used (English when the requested one lacks this message). */
  language: MessageLanguage;
  subject: string;
  body: string;
  fellBackToEnglish: boolean;
  /** True when the text is a machine draft no qualified translator has reviewed yet. */
  machineDrafted: boolean;
}

export function renderMessage(
  kind: MessageKind,
  language: string,
  data: MessageData,
  catalogues: Record<string, MessageCatalogue> = MESSAGE_CATALOGUES,
): RenderedMessage {
  const requested = catalogues[language];
  const complete = requested && hasMessage(requested, kind, data.mode);
  const catalogue = complete ? requested : en;
  const texts = catalogue.texts;
  const values = placeholderValues(catalogue.meta.locale, data, texts[`mode.${data.mode}`]!);
  return {
    language: catalogue.meta.language,
    subject: fill(texts[`${kind}.subject`]!, values),
    body: fill(texts[`${kind}.body`]!, values),
    fellBackToEnglish: catalogue !== requested,
    machineDrafted: catalogue.meta.review !== 'reviewed',
  };
}

function hasMessage(catalogue: MessageCatalogue, kind: MessageKind, mode: AppointmentMode): boolean {
  const { texts } = catalogue;
  return Boolean(texts[`${kind}.subject`] && texts[`${kind}.body`] && texts[`mode.${mode}`]);
}

function placeholderValues(locale: string, data: MessageData, modeText: string): Record<Placeholder, string | null> {
  const date = new Intl.DateTimeFormat(locale, { timeZone: LONDON, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const time = new Intl.DateTimeFormat(locale, { timeZone: LONDON, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return {
    patientName: data.patientName,
    date: date.format(data.start),
    time: time.format(data.start),
    previousDate: data.previousStart ? date.format(data.previousStart) : null,
    previousTime: data.previousStart ? time.format(data.previousStart) : null,
    clinician: data.clinicianName,
    site: data.siteName,
    mode: modeText,
    reference: data.reference,
    practicePhone: data.practicePhone,
  };
}

/** Replaces `{name}`; a placeholder without a value is a programming error, not something to send to a patient. */
function fill(template: string, values: Record<Placeholder, string | null>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name as Placeholder];
    if (value === null || value === undefined) throw new RangeError(`message needs {${name}} but no value was given`);
    return value;
  });
}
