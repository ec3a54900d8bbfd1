// Property-based tests of London dates and times, and of free text into triage.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, datesInRange, daysBetween, londonDate, londonInstant, londonIso, londonTime } from '../../src/shared/domain/london-time.ts';
import { triageRequest } from '../../src/triage/domain/triage-engine.ts';
import { DISPOSITIONS, SEXES } from '../../src/shared/domain/vocabulary.ts';

const date = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

describe('London time', () => {
  it('round-trips a wall-clock date and time, except inside the spring gap where clocks jump an hour', () => {
    fc.assert(fc.property(date, time, (d, t) => {
      const instant = londonInstant(d, t);
      expect(londonDate(instant)).toBe(d);
      const shown = londonTime(instant);
      const skipped = shown !== t;
      // Only 01:xx on the last Sunday of March is skipped; it moves forward an hour.
      if (skipped) expect([t.slice(0, 2), shown.slice(0, 2), shown.slice(3)]).toEqual(['01', '02', t.slice(3)]);
    }), { numRuns: 3_000 });
  });

  it('gives an ISO string with the London offset that names the same instant', () => {
    fc.assert(fc.property(fc.date({ min: new Date('2000-01-01Z'), max: new Date('2060-01-01Z'), noInvalidDate: true }), (instant) => {
      const iso = londonIso(instant);
      expect(iso).toMatch(/[+]0[01]:00$/);
      expect(Math.floor(Date.parse(iso) / 1000)).toBe(Math.floor(instant.getTime() / 1000));
    }), { numRuns: 3_000 });
  });

  it('keeps calendar arithmetic consistent', () => {
    fc.assert(fc.property(date, fc.integer({ min: -400, max: 400 }), (d, n) => {
      const later = addDays(d, n);
      expect(daysBetween(d, later)).toBe(n);
      expect(addDays(later, -n)).toBe(d);
      if (n >= 0 && n <= 60) expect(datesInRange(d, later)).toHaveLength(n + 1);
    }), { numRuns: 2_000 });
  });

  it('refuses a date or time that does not exist, with a RangeError', () => {
    fc.assert(fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 6 }), (d, t) => {
      try {
        const instant = londonInstant(d, t);
        expect(Number.isNaN(instant.getTime())).toBe(false);
      } catch (error) {
        expect(error).toBeInstanceOf(RangeError);
      }
    }), { numRuns: 2_000 });
  });
});

describe('free text into triage', () => {
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 400 }),
    fc.string({ unit: 'grapheme', maxLength: 400 }),
    fc.array(fc.constantFrom('chest pain', 'not', 'no', "can't breathe", 'for 3 days', 'rash', 'fever', '39.5', 'suicidal', 'fit note', 'lonely', '!!!', '\n', '😀', 'বুকে ব্যথা', 'xanuun'), { maxLength: 30 }).map((words) => words.join(' ')),
  );
  it('never throws and always returns a disposition with reasons to show', () => {
    fc.assert(fc.property(text, fc.double({ min: 0, max: 120, noNaN: true }), fc.constantFrom(...SEXES), (description, age, sex) => {
      const outcome = triageRequest({ text: description, age, sex });
      expect(DISPOSITIONS).toContain(outcome.disposition);
      expect(Array.isArray(outcome.reasons)).toBe(true);
      expect(outcome.safetyNetting.length + outcome.reasons.length).toBeGreaterThan(0);
    }), { numRuns: 1_500 });
  });
});
