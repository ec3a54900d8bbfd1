// Practice working time in Europe/London: opening hours on working days (weekdays that are not bank
// holidays). Response targets and expected waits count only this time, so a request sent on Friday
// evening is not promised a reply "within 4 hours" that nobody is there to give.
import { addDays, londonDate, londonInstant, londonTime, minutesOfDay, weekdayOfDate } from '../../shared/domain/london-time.ts';
import type { LocalDate, LocalTime } from '../../shared/domain/london-time.ts';

export interface WorkingCalendar {
  /** Core hours (GMS contract: 08:00–18:30, Monday to Friday). */
  opens: LocalTime;
  closes: LocalTime;
  /** ISO weekdays the practice works: 1 = Monday … 7 = Sunday. */
  weekdays: readonly number[];
  bankHolidays: ReadonlySet<LocalDate>;
}

// A year of searching is far beyond any target; it only stops a misconfigured calendar looping forever.
const MAX_DAYS_AHEAD = 366;

// Time-zone arithmetic is the costly part of every request's deadlines; the answers never change, so remember them.
const MEMO_LIMIT = 4_096;
const weekdays = new Map<LocalDate, number>();
const instants = new Map<string, Date>();
function remember<K, V>(memo: Map<K, V>, key: K, compute: () => V): V {
  let value = memo.get(key);
  if (value === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    value = compute();
    memo.set(key, value);
  }
  return value;
}
const weekdayOf = (date: LocalDate) => remember(weekdays, date, () => weekdayOfDate(date));
const instantOf = (date: LocalDate, time: LocalTime) => new Date(remember(instants, `${date}T${time}`, () => londonInstant(date, time)));

export function isWorkingDay(date: LocalDate, calendar: WorkingCalendar): boolean {
  return calendar.weekdays.includes(weekdayOf(date)) && !calendar.bankHolidays.has(date);
}

function nextWorkingDay(after: LocalDate, calendar: WorkingCalendar): LocalDate {
  for (let i = 1; i <= MAX_DAYS_AHEAD; i++) {
    const date = addDays(after, i);
    if (isWorkingDay(date, calendar)) return date;
  }
  throw new RangeError('the working calendar has no working day within a year');
}

/** The instant itself if the practice is open then, otherwise the next opening time. */
export function nextWorkingMoment(instant: Date, calendar: WorkingCalendar): Date {
  const date = londonDate(instant);
  const minutes = minutesOfDay(londonTime(instant));
  if (isWorkingDay(date, calendar)) {
    if (minutes < minutesOfDay(calendar.opens)) return instantOf(date, calendar.opens);
    if (minutes < minutesOfDay(calendar.closes)) return instant;
  }
  return instantOf(nextWorkingDay(date, calendar), calendar.opens);
}

/** `minutes` of working time after `instant` (time outside opening hours does not count). */
export function addWorkingMinutes(instant: Date, minutes: number, calendar: WorkingCalendar): Date {
  let at = nextWorkingMoment(instant, calendar);
  let left = Math.max(0, minutes);
  for (let day = 0; day <= MAX_DAYS_AHEAD; day++) {
    const close = instantOf(londonDate(at), calendar.closes);
    const available = (close.getTime() - at.getTime()) / 60_000;
    if (left <= available) return new Date(at.getTime() + left * 60_000);
    left -= available;
    at = nextWorkingMoment(close, calendar);
  }
  throw new RangeError('working minutes beyond a year');
}

/** Closing time of the `n`th working day after the London date of `instant` (n = 0: that day's close, or the next working day's). */
export function closeOfWorkingDay(instant: Date, n: number, calendar: WorkingCalendar): Date {
  let date = londonDate(instant);
  if (n === 0) {
    const open = nextWorkingMoment(instant, calendar);
    return instantOf(londonDate(open), calendar.closes);
  }
  for (let i = 0; i < n; i++) date = nextWorkingDay(date, calendar);
  return instantOf(date, calendar.closes);
}

/** Working hours between two instants (0 when `to` is not after `from`). */
export function workingHoursBetween(from: Date, to: Date, calendar: WorkingCalendar): number {
  let total = 0;
  let at = nextWorkingMoment(from, calendar);
  for (let day = 0; day <= MAX_DAYS_AHEAD && at < to; day++) {
    const close = instantOf(londonDate(at), calendar.closes);
    const end = close < to ? close : to;
    total += Math.max(0, end.getTime() - at.getTime()) / 3_600_000;
    at = nextWorkingMoment(close, calendar);
  }
  return total;
}
