import { describe, expect, it } from 'vitest';
import { MESSAGE_KEYS, MESSAGE_KINDS, PLACEHOLDERS } from './message-catalogue.ts';
import type { MessageCatalogue } from './message-catalogue.ts';
import type { MessageData } from './render-message.ts';
import { MESSAGE_CATALOGUES, renderMessage } from './render-message.ts';

const data: MessageData = {
  patientName: 'Amina',
  start: new Date('2027-10-31T09:00:00Z'), // Sunday 09:00 GMT, the day the clocks go back
  previousStart: new Date('2027-10-30T08:00:00Z'), // Saturday 09:00 BST
  clinicianName: 'Dr Rahman',
  siteName: 'Bow hub',
  mode: 'in_person',
  reference: 'HAM-7Q2K',
  practicePhone: '020 7946 0000',
};

const placeholdersOf = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));

describe('message catalogues', () => {
  for (const [language, catalogue] of Object.entries(MESSAGE_CATALOGUES)) {
    const texts = catalogue.texts as MessageCatalogue['texts'];
    it(`${language} has every message key`, () => {
      expect(MESSAGE_KEYS.filter((key) => !texts[key]?.trim())).toEqual([]);
    });

    it(`${language} uses only known placeholders, and the same ones as English`, () => {
      for (const key of MESSAGE_KEYS) {
        const used = placeholdersOf(texts[key] ?? '');
        for (const name of used) expect(PLACEHOLDERS).toContain(name);
        expect([...used].sort(), `${language} ${key}`).toEqual([...placeholdersOf(MESSAGE_CATALOGUES.en.texts[key])].sort());
      }
    });
  }

  it('marks every non-English catalogue as a machine draft awaiting a qualified translator', () => {
    expect(MESSAGE_CATALOGUES.bn.meta.review).toBe('machine_drafted_needs_translator_review');
    expect(MESSAGE_CATALOGUES.so.meta.review).toBe('machine_drafted_needs_translator_review');
    expect(MESSAGE_CATALOGUES.en.meta.review).toBe('reviewed');
  });
});

describe('renderMessage', () => {
  it('renders an English confirmation in London time on the clock-change day', () => {
    expect(renderMessage('confirmation', 'en', data)).toEqual({
      language: 'en',
      subject: 'Your appointment is confirmed',
      body: 'Amina, your in-person appointment with Dr Rahman at Bow hub is confirmed for Sunday, 31 October 2027 at 09:00. Reference: HAM-7Q2K. To change or cancel, call 020 7946 0000.',
      fellBackToEnglish: false,
      machineDrafted: false,
    });
  });

  it('a change names the old and the new time, each in its own offset (09:00 BST → 09:00 GMT)', () => {
    expect(renderMessage('change', 'en', data).body).toContain('on Saturday, 30 October 2027 at 09:00 has moved to Sunday, 31 October 2027 at 09:00');
  });

  it('renders Bengali with Bengali dates and digits, flagged as a machine draft', () => {
    const message = renderMessage('reminder', 'bn', { ...data, mode: 'telephone' });
    expect(message.language).toBe('bn');
    expect(message.machineDrafted).toBe(true);
    expect(message.body).toContain('৩১ অক্টোবর');
    expect(message.body).toContain('০৯:০০');
    expect(message.body).toContain('টেলিফোন');
  });

  it('renders Somali', () => {
    const message = renderMessage('cancellation', 'so', data);
    expect(message.subject).toBe('Ballantaada waa la joojiyay');
    expect(message.body).toContain('Oktoobar 31, 2027');
  });

  it('falls back to English for a language with no catalogue', () => {
    const message = renderMessage('confirmation', 'pl', data);
    expect(message).toMatchObject({ language: 'en', fellBackToEnglish: true, machineDrafted: false });
  });

  it('falls back to English for a message a catalogue lacks, and only for that message', () => {
    const partial: MessageCatalogue = { meta: MESSAGE_CATALOGUES.so.meta, texts: { ...MESSAGE_CATALOGUES.so.texts, 'reminder.body': undefined } };
    const catalogues = { ...MESSAGE_CATALOGUES, so: partial };
    expect(renderMessage('reminder', 'so', data, catalogues)).toMatchObject({ language: 'en', subject: 'Appointment reminder', fellBackToEnglish: true });
    expect(renderMessage('confirmation', 'so', data, catalogues)).toMatchObject({ language: 'so', fellBackToEnglish: false });
  });

  it('refuses to render a change without the previous time', () => {
    expect(() => renderMessage('change', 'en', { ...data, previousStart: null })).toThrow('{previousDate}');
  });

  it('renders every kind in every language without leftover placeholders', () => {
    for (const language of Object.keys(MESSAGE_CATALOGUES)) {
      for (const kind of MESSAGE_KINDS) {
        const { subject, body } = renderMessage(kind, language, data);
        expect(`${subject} ${body}`).not.toMatch(/[{}]/);
      }
    }
  });
});
