// Hub utilisation by day of week: booked and attended appointments against slots offered (the measure the
// Greater Manchester evaluation reported: 76–86% weekdays, 66% Saturdays, 60% Sundays).
import type { LocalDate } from '../../shared/domain/london-time.ts';
import { weekdayOfDate } from '../../shared/domain/london-time.ts';

export interface HubSlot {
  date: LocalDate;
  booked: boolean;
  attended: boolean;
}

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
export type WeekdayName = (typeof WEEKDAY_NAMES)[number];

export interface WeekdayUtilisation {
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  name: WeekdayName;
  offered: number;
  booked: number;
  attended: number;
  /** booked ÷ offered; null when nothing was offered that day. */
  bookedShare: number | null;
  attendedShare: number | null;
}

/** One row per weekday, Monday first, including days with nothing offered. */
export function utilisationByWeekday(slots: readonly HubSlot[]): WeekdayUtilisation[] {
  const rows = WEEKDAY_NAMES.map((name, i) => ({ weekday: i + 1, name, offered: 0, booked: 0, attended: 0 }));
  for (const slot of slots) {
    if (slot.attended && !slot.booked) throw new RangeError(`a slot on ${slot.date} is attended but not booked`);
    const row = rows[weekdayOfDate(slot.date) - 1]!;
    row.offered++;
    if (slot.booked) row.booked++;
    if (slot.attended) row.attended++;
  }
  return rows.map((r) => ({
    ...r,
    bookedShare: r.offered === 0 ? null : r.booked / r.offered,
    attendedShare: r.offered === 0 ? null : r.attended / r.offered,
  }));
}

/** Counts already summed per day (from the database), e.g. one row per hub and date. */
export interface HubDayCounts {
  date: LocalDate;
  offered: number;
  booked: number;
  attended: number;
}

/** As utilisationByWeekday, from per-day counts. */
export function utilisationFromDailyCounts(days: readonly HubDayCounts[]): WeekdayUtilisation[] {
  const rows = WEEKDAY_NAMES.map((name, i) => ({ weekday: i + 1, name, offered: 0, booked: 0, attended: 0 }));
  for (const day of days) {
    if (day.attended > day.booked || day.booked > day.offered)
      throw new RangeError(`on ${day.date}: attended ≤ booked ≤ offered must hold`);
    const row = rows[weekdayOfDate(day.date) - 1]!;
    row.offered += day.offered;
    row.booked += day.booked;
    row.attended += day.attended;
  }
  return rows.map((r) => ({
    ...r,
    bookedShare: r.offered === 0 ? null : r.booked / r.offered,
    attendedShare: r.offered === 0 ? null : r.attended / r.offered,
  }));
}
