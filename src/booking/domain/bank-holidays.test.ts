import { describe, expect, it } from 'vitest';
import { bankHolidayDates, easterSunday, englandBankHolidays } from './bank-holidays.ts';

const datesOf = (year: number) => englandBankHolidays(year).map((h) => h.date);

// As published at https://www.gov.uk/bank-holidays (England and Wales).
const PUBLISHED: Record<number, string[]> = {
  2020: ['2020-01-01', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-08-31', '2020-12-25', '2020-12-28'],
  2021: ['2021-01-01', '2021-04-02', '2021-04-05', '2021-05-03', '2021-05-31', '2021-08-30', '2021-12-27', '2021-12-28'],
  2022: ['2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19', '2022-12-26', '2022-12-27'],
  2023: ['2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25', '2023-12-26'],
  2025: ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26'],
  2026: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
  2027: ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
  2028: ['2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26'],
};

describe('englandBankHolidays', () => {
  for (const [year, dates] of Object.entries(PUBLISHED)) {
    it(`matches the published dates for ${year}`, () => {
      expect(datesOf(Number(year))).toEqual(dates);
    });
  }

  it('names substitute days: Boxing Day 2026 (a Saturday) moves to Monday 28 December', () => {
    expect(englandBankHolidays(2026).at(-1)).toEqual({ date: '2026-12-28', name: 'Boxing Day', substitute: true });
  });

  it("New Year's Day on a Saturday (2028) is observed on Monday 3 January", () => {
    expect(englandBankHolidays(2028)[0]).toEqual({ date: '2028-01-03', name: "New Year's Day", substitute: true });
  });

  it('Christmas on a Sunday (2022): Boxing Day stays Monday 26, Christmas moves to Tuesday 27', () => {
    const christmas = englandBankHolidays(2022).filter((h) => h.date >= '2022-12-01');
    expect(christmas.map((h) => [h.date, h.name])).toEqual([
      ['2022-12-26', 'Boxing Day'],
      ['2022-12-27', 'Christmas Day'],
    ]);
  });

  it('takes a configurable list of one-off days (a future coronation or jubilee)', () => {
    const extra = englandBankHolidays(2027, [{ kind: 'extra', date: '2027-06-07', name: 'Test jubilee' }]);
    expect(extra.map((h) => h.date)).toContain('2027-06-07');
    expect(extra).toHaveLength(9);
  });

  it('without proclamations, 2023 has no coronation day', () => {
    expect(englandBankHolidays(2023, []).map((h) => h.date)).not.toContain('2023-05-08');
  });

  it('bankHolidayDates spans years as a set', () => {
    const set = bankHolidayDates(2027, 2028);
    expect(set.size).toBe(16);
    expect(set.has('2027-03-29')).toBe(true);
    expect(set.has('2028-01-03')).toBe(true);
  });
});

describe('easterSunday', () => {
  it.each([
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2027, '2027-03-28'], // the same Sunday as the spring clock change
    [2038, '2038-04-25'], // the latest possible date
    [2285, '2285-03-22'], // the earliest possible date
  ])('%i → %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });
});
