// A cached view of Europe/London civil time for hot loops (rota expansion, slot indexing).
// Offsets still come from the IANA zone database via luxon, but once per calendar date or per UTC hour
// rather than once per slot; clock-change days fall back to luxon for every conversion.
import { DateTime } from 'luxon';
import { LONDON } from '../../shared/domain/london-time.ts';
import type { LocalDate } from '../../shared/domain/london-time.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

interface DayOffsets {
  midnightUtcMs: number; // the UTC instant whose calendar reading equals this date at 00:00
  year: number;
  month: number;
  day: number;
  /** The London offset (minutes) for the whole day, or null when the clocks change that day. */
  steadyOffset: number | null;
}

export interface LondonClock {
  /** Epoch ms at which London's clocks show `date` + `minuteOfDay`; NaN when that wall-clock time is
   *  skipped by the spring change. An ambiguous autumn time (01:00–01:59) resolves as luxon and
   *  londonInstant do: to its second occurrence (GMT). */
  wallClockMs(date: LocalDate, minuteOfDay: number): number;
  /** The London UTC offset in minutes at an instant. */
  offsetMinutesAt(epochMs: number): number;
  /** Days since 1970-01-01 of the London calendar date at an instant. */
  londonDayNumber(epochMs: number): number;
  /** Minutes since London midnight at an instant (wall-clock reading, 0–1439). */
  londonMinuteOfDay(epochMs: number): number;
  /** The London calendar date at an instant. */
  londonDateOf(epochMs: number): LocalDate;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date, without a time-zone library. */
export function isoWeekdayOfDate(date: LocalDate): number {
  const utcDay = new Date(dayNumberOfDate(date) * DAY_MS).getUTCDay();
  return utcDay === 0 ? 7 : utcDay;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` calendar date. */
export function dayNumberOfDate(date: LocalDate): number {
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  if (Number.isNaN(ms) || date.length !== 10) throw new RangeError(`not a calendar date: ${date}`);
  return ms / DAY_MS;
}

/** `YYYY-MM-DD` for a day number (days since 1970-01-01). */
export function dateOfDayNumber(dayNumber: number): LocalDate {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** A fresh clock with its own caches: create one per batch of work, not per module (no global state). */
export function createLondonClock(): LondonClock {
  const days = new Map<LocalDate, DayOffsets>();
  const hourOffsets = new Map<number, number>();
  const dateStrings = new Map<number, LocalDate>();

  function offsetsOf(date: LocalDate): DayOffsets {
    let offsets = days.get(date);
    if (offsets) return offsets;
    const [year, month, day] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
    const startOfDay = DateTime.fromObject({ year, month, day, hour: 0 }, { zone: LONDON });
    const endOfDay = DateTime.fromObject({ year, month, day, hour: 23, minute: 59 }, { zone: LONDON });
    if (!startOfDay.isValid) throw new RangeError(`not a calendar date: ${date}`);
    const steadyOffset = startOfDay.offset === endOfDay.offset ? startOfDay.offset : null;
    offsets = { midnightUtcMs: Date.UTC(year, month - 1, day), year, month, day, steadyOffset };
    days.set(date, offsets);
    return offsets;
  }

  function wallClockMs(date: LocalDate, minuteOfDay: number): number {
    const offsets = offsetsOf(date);
    if (offsets.steadyOffset !== null) {
      return offsets.midnightUtcMs + (minuteOfDay - offsets.steadyOffset) * MINUTE_MS;
    }
    // Clock-change day: let the zone database decide, and reject a wall-clock time that does not exist.
    const hour = Math.floor(minuteOfDay / 60);
    const minute = minuteOfDay % 60;
    const dt = DateTime.fromObject(
      { year: offsets.year, month: offsets.month, day: offsets.day, hour, minute },
      { zone: LONDON },
    );
    if (dt.hour !== hour || dt.minute !== minute || dt.day !== offsets.day) return Number.NaN;
    return dt.toMillis();
  }

  function offsetMinutesAt(epochMs: number): number {
    // London's changes happen on the hour (01:00 UTC), so one offset holds for each whole UTC hour.
    const hour = Math.floor(epochMs / HOUR_MS);
    let offset = hourOffsets.get(hour);
    if (offset === undefined) {
      offset = DateTime.fromMillis(hour * HOUR_MS, { zone: LONDON }).offset;
      hourOffsets.set(hour, offset);
    }
    return offset;
  }

  function londonDayNumber(epochMs: number): number {
    return Math.floor((epochMs + offsetMinutesAt(epochMs) * MINUTE_MS) / DAY_MS);
  }

  function londonMinuteOfDay(epochMs: number): number {
    const localMs = epochMs + offsetMinutesAt(epochMs) * MINUTE_MS;
    return Math.floor((localMs - Math.floor(localMs / DAY_MS) * DAY_MS) / MINUTE_MS);
  }

  function londonDateOf(epochMs: number): LocalDate {
    const dayNumber = londonDayNumber(epochMs);
    let date = dateStrings.get(dayNumber);
    if (date === undefined) {
      date = dateOfDayNumber(dayNumber);
      dateStrings.set(dayNumber, date);
    }
    return date;
  }

  return { wallClockMs, offsetMinutesAt, londonDayNumber, londonMinuteOfDay, londonDateOf };
}
