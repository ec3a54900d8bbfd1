import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { londonDate, londonInstant, londonTime, minutesOfDay, weekdayOfDate } from '../../shared/domain/london-time.ts';
import { createLondonClock, dateOfDayNumber, dayNumberOfDate, isoWeekdayOfDate } from './london-clock.ts';

describe('createLondonClock', () => {
  it('reads GMT and BST days from the zone database', () => {
    const clock = createLondonClock();
    expect(new Date(clock.wallClockMs('2027-01-15', 9 * 60)).toISOString()).toBe('2027-01-15T09:00:00.000Z');
    expect(new Date(clock.wallClockMs('2027-07-15', 9 * 60)).toISOString()).toBe('2027-07-15T08:00:00.000Z');
  });

  it('gives NaN for a wall-clock time skipped on 28 March 2027, and the GMT reading of a repeated one on 31 October', () => {
    const clock = createLondonClock();
    expect(clock.wallClockMs('2027-03-28', 60 + 30)).toBeNaN();
    expect(new Date(clock.wallClockMs('2027-03-28', 2 * 60)).toISOString()).toBe('2027-03-28T01:00:00.000Z');
    expect(new Date(clock.wallClockMs('2027-10-31', 60 + 30)).toISOString()).toBe('2027-10-31T01:30:00.000Z');
  });

  it('puts 23:30Z in summer on the next London day at 00:30', () => {
    const clock = createLondonClock();
    const ms = Date.parse('2027-07-15T23:30:00Z');
    expect(clock.londonDateOf(ms)).toBe('2027-07-16');
    expect(clock.londonMinuteOfDay(ms)).toBe(30);
    expect(clock.offsetMinutesAt(ms)).toBe(60);
  });

  it('property: agrees with the luxon-based shared helpers for any instant 2025–2035', () => {
    const clock = createLondonClock();
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2025-01-01T00:00:00Z') / 60_000, max: Date.parse('2035-12-31T00:00:00Z') / 60_000 }), (minute) => {
        const instant = new Date(minute * 60_000);
        expect(clock.londonDateOf(instant.getTime())).toBe(londonDate(instant));
        const time = londonTime(instant);
        expect(clock.londonMinuteOfDay(instant.getTime())).toBe(minutesOfDay(time));
        expect(clock.wallClockMs(londonDate(instant), minutesOfDay(time))).toBe(londonInstant(londonDate(instant), time).getTime());
      }),
      { numRuns: 2000 },
    );
  });
});

describe('calendar day helpers', () => {
  it('round-trip dates and give ISO weekdays like luxon', () => {
    for (const date of ['1970-01-01', '2027-03-28', '2027-10-31', '2028-02-29', '2030-12-31']) {
      expect(dateOfDayNumber(dayNumberOfDate(date))).toBe(date);
      expect(isoWeekdayOfDate(date)).toBe(weekdayOfDate(date));
    }
  });

  it('rejects text that is not a date', () => {
    expect(() => dayNumberOfDate('28/03/2027')).toThrow(RangeError);
  });
});
