// One way to handle civil time: every local time in Hamlet is Europe/London, resolved through the
// IANA zone database (luxon over Intl), never a fixed offset, so clock changes are always right.
import { DateTime } from 'luxon';

export const LONDON = 'Europe/London';

/** A calendar date in London, as `YYYY-MM-DD`. */
export type LocalDate = string;
/** A wall-clock time in London, as `HH:MM`. */
export type LocalTime = string;

/** The instant at which London's clocks show `date` `time`.
 *  A time skipped by the spring change (01:00–02:00) moves forward; an ambiguous autumn time takes the first (BST). */
export function londonInstant(date: LocalDate, time: LocalTime): Date {
  const dt = DateTime.fromISO(`${date}T${time}`, { zone: LONDON });
  if (!dt.isValid) throw new RangeError(`not a London date and time: ${date} ${time}`);
  return dt.toJSDate();
}

/** The London calendar date of an instant. */
export function londonDate(instant: Date): LocalDate {
  return DateTime.fromJSDate(instant, { zone: LONDON }).toISODate()!;
}

/** The London wall-clock time (HH:MM) of an instant. */
export function londonTime(instant: Date): LocalTime {
  return DateTime.fromJSDate(instant, { zone: LONDON }).toFormat('HH:mm');
}

/** ISO 8601 with the London offset, e.g. 2027-03-28T08:00:00+01:00 (GP Connect shows local time with offset). */
export function londonIso(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: LONDON }).toISO({ suppressMilliseconds: true })!;
}

/** ISO weekday in London: 1 = Monday … 7 = Sunday. */
export function londonWeekday(instant: Date): number {
  return DateTime.fromJSDate(instant, { zone: LONDON }).weekday;
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function weekdayOfDate(date: LocalDate): number {
  return DateTime.fromISO(date, { zone: LONDON }).weekday;
}

/** The calendar date `days` after `date` (negative for before). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;
}

/** Whole calendar days from `from` to `to` (London dates). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round(DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days);
}

/** Every calendar date from `from` up to and including `to`. */
export function datesInRange(from: LocalDate, to: LocalDate): LocalDate[] {
  const dates: LocalDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) dates.push(d);
  return dates;
}

/** Minutes since London midnight for `HH:MM`. */
export function minutesOfDay(time: LocalTime): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** `HH:MM` for minutes since midnight. */
export function timeOfMinutes(minutes: number): LocalTime {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
