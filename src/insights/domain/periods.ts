// Reporting periods: ISO weeks (Monday to Sunday) and calendar months, in London dates. A series only
// carries periods wholly inside the window, so a part-week at either end never looks like a fall in activity.
import type { LocalDate } from '../../shared/domain/london-time.ts';
import { addDays, weekdayOfDate } from '../../shared/domain/london-time.ts';

export const PERIODS = ['week', 'month'] as const;
export type Period = (typeof PERIODS)[number];

export interface DateWindow {
  from: LocalDate;
  /** Inclusive. */
  to: LocalDate;
}

/** The Monday on or before `date`. */
export function weekStartOf(date: LocalDate): LocalDate {
  return addDays(date, 1 - weekdayOfDate(date));
}

export function monthStartOf(date: LocalDate): LocalDate {
  return `${date.slice(0, 7)}-01`;
}

export function periodStartOf(period: Period, date: LocalDate): LocalDate {
  switch (period) {
    case 'week':
      return weekStartOf(date);
    case 'month':
      return monthStartOf(date);
  }
}

function nextMonthStart(monthStart: LocalDate): LocalDate {
  const [year, month] = [Number(monthStart.slice(0, 4)), Number(monthStart.slice(5, 7))];
  const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
  return `${next}-01`;
}

/** The last day of the period starting at `start`. */
export function periodEnd(period: Period, start: LocalDate): LocalDate {
  switch (period) {
    case 'week':
      return addDays(start, 6);
    case 'month':
      return addDays(nextMonthStart(start), -1);
  }
}

/** Start dates of the periods wholly inside the window, in order. */
export function completePeriods(period: Period, window: DateWindow): LocalDate[] {
  const starts: LocalDate[] = [];
  let start = periodStartOf(period, window.from);
  if (start < window.from) start = addDays(periodEnd(period, start), 1);
  while (periodEnd(period, start) <= window.to) {
    starts.push(start);
    start = addDays(periodEnd(period, start), 1);
  }
  return starts;
}

/** The default reporting window: the twelve months (364 days, 52 whole weeks) up to yesterday. */
export function defaultWindow(today: LocalDate): DateWindow {
  return { from: addDays(today, -364), to: addDays(today, -1) };
}

/** A window of at most `maxDays`, `from` ≤ `to`; throws RangeError with the offending field otherwise. */
export function checkWindow(window: DateWindow, maxDays = 3 * 366): DateWindow {
  if (window.from > window.to) throw new RangeError('from: must not be after to');
  if (addDays(window.from, maxDays) < window.to) throw new RangeError(`to: the window may span at most ${maxDays} days`);
  return window;
}
