import { describe, expect, it } from 'vitest';
import { checkWindow, completePeriods, defaultWindow, periodEnd, weekStartOf } from './periods.ts';

describe('reporting periods', () => {
  it('finds the Monday of a week, including across a month and a year end', () => {
    expect(weekStartOf('2026-11-23')).toBe('2026-11-23');
    expect(weekStartOf('2026-11-22')).toBe('2026-11-16');
    expect(weekStartOf('2026-01-01')).toBe('2025-12-29');
  });

  it('ends months on their last day, February in leap years included', () => {
    expect(periodEnd('month', '2028-02-01')).toBe('2028-02-29');
    expect(periodEnd('month', '2026-12-01')).toBe('2026-12-31');
    expect(periodEnd('week', '2026-10-19')).toBe('2026-10-25');
  });

  it('keeps only periods wholly inside the window (no part-week at either end)', () => {
    const window = { from: '2025-11-23', to: '2026-11-22' };
    const weeks = completePeriods('week', window);
    expect(weeks[0]).toBe('2025-11-24');
    expect(weeks.at(-1)).toBe('2026-11-16');
    expect(weeks).toHaveLength(52);
    expect(completePeriods('month', window)).toEqual(['2025-12-01', '2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01',
      '2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01']);
  });

  it('defaults to 52 whole weeks up to yesterday when today is a Monday', () => {
    expect(defaultWindow('2026-11-23')).toEqual({ from: '2025-11-24', to: '2026-11-22' });
    expect(completePeriods('week', defaultWindow('2026-11-23'))).toHaveLength(52);
  });

  it('refuses a window that runs backwards or is too long, naming the field', () => {
    expect(() => checkWindow({ from: '2026-02-01', to: '2026-01-01' })).toThrow(/^from:/);
    expect(() => checkWindow({ from: '2020-01-01', to: '2026-01-01' })).toThrow(/^to:/);
  });
});
