import { describe, expect, it } from 'vitest';
import { DEFAULT_RESPONSE_TARGETS, parseResponseTargets, respondBy, targetKindFor } from './response-targets.ts';
import { addWorkingMinutes, closeOfWorkingDay, nextWorkingMoment, workingHoursBetween, type WorkingCalendar } from './working-calendar.ts';

// Christmas 2026: Friday 25 and Monday 28 December (Boxing Day falls on Saturday) are bank holidays.
const calendar: WorkingCalendar = { opens: '08:00', closes: '18:30', weekdays: [1, 2, 3, 4, 5], bankHolidays: new Set(['2026-12-25', '2026-12-28']) };
const at = (iso: string) => new Date(iso);

describe('working calendar (Europe/London)', () => {
  it('moves a moment outside hours to the next opening, skipping weekends and bank holidays', () => {
    expect(nextWorkingMoment(at('2026-11-23T10:00:00Z'), calendar).toISOString()).toBe('2026-11-23T10:00:00.000Z');
    expect(nextWorkingMoment(at('2026-11-23T06:00:00Z'), calendar).toISOString()).toBe('2026-11-23T08:00:00.000Z');
    expect(nextWorkingMoment(at('2026-11-27T18:30:00Z'), calendar).toISOString()).toBe('2026-11-30T08:00:00.000Z'); // Friday close → Monday
    expect(nextWorkingMoment(at('2026-12-24T19:00:00Z'), calendar).toISOString()).toBe('2026-12-29T08:00:00.000Z');
  });

  it('counts working minutes across the close of day', () => {
    // 16:30 + 4 working hours = 2 h today (to 18:30) + 2 h tomorrow from 08:00.
    expect(addWorkingMinutes(at('2026-11-23T16:30:00Z'), 240, calendar).toISOString()).toBe('2026-11-24T10:00:00.000Z');
  });

  it('uses London wall-clock hours in summer time (BST)', () => {
    // 10:00 BST on Monday 29 June 2026 is 09:00Z; close 18:30 BST is 17:30Z.
    expect(closeOfWorkingDay(at('2026-06-29T09:00:00Z'), 0, calendar).toISOString()).toBe('2026-06-29T17:30:00.000Z');
    expect(addWorkingMinutes(at('2026-06-29T16:30:00Z'), 120, calendar).toISOString()).toBe('2026-06-30T08:00:00.000Z');
  });

  it('measures working hours between two instants', () => {
    expect(workingHoursBetween(at('2026-11-16T10:00:00Z'), at('2026-11-23T10:00:00Z'), calendar)).toBeCloseTo(5 * 10.5);
  });
});

describe('response targets', () => {
  const monday10 = at('2026-11-23T10:00:00Z');
  it('maps dispositions and need kinds to their targets', () => {
    expect(targetKindFor('routine', 'admin')).toBe('admin');
    expect(targetKindFor('routine', 'social')).toBe('social');
    expect(targetKindFor('routine', 'medical')).toBe('routine');
    expect(targetKindFor('urgent', 'admin')).toBe('urgent');
  });

  it('gives emergency now, urgent 4 working hours, routine 2, admin 3 and social 5 working days', () => {
    const by = (kind: keyof typeof DEFAULT_RESPONSE_TARGETS) => respondBy(DEFAULT_RESPONSE_TARGETS[kind], monday10, calendar).toISOString();
    expect(by('emergency')).toBe(monday10.toISOString());
    expect(by('urgent')).toBe('2026-11-23T14:00:00.000Z');
    expect(by('routine')).toBe('2026-11-25T18:30:00.000Z');
    expect(by('admin')).toBe('2026-11-26T18:30:00.000Z');
    expect(by('social')).toBe('2026-11-30T18:30:00.000Z');
  });

  it('skips Christmas bank holidays when counting working days', () => {
    expect(respondBy({ kind: 'working_days', days: 2 }, at('2026-12-24T10:00:00Z'), calendar).toISOString()).toBe('2026-12-30T18:30:00.000Z');
  });

  it('parses configured overrides and rejects nonsense', () => {
    const parsed = parseResponseTargets('urgent=2h, routine=1d');
    expect(parsed).toMatchObject({ urgent: { kind: 'working_hours', hours: 2 }, routine: { kind: 'working_days', days: 1 }, admin: DEFAULT_RESPONSE_TARGETS.admin });
    expect(parseResponseTargets('emergency=2h')).toMatch(/now/);
    expect(parseResponseTargets('urgnt=2h')).toMatch(/KIND=VALUE/);
  });
});
