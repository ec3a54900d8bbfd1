// England and Wales bank holidays, computed from the rules in the Banking and Financial Dealings Act 1971
// and the annual royal proclamations (https://www.gov.uk/bank-holidays), plus configurable one-off days.
import type { LocalDate } from '../../shared/domain/london-time.ts';
import { dateOfDayNumber, dayNumberOfDate, isoWeekdayOfDate } from './london-clock.ts';

export interface BankHoliday {
  date: LocalDate;
  name: string;
  /** True when the day substitutes for a holiday that fell at a weekend. */
  substitute: boolean;
}

/** A one-off change by proclamation: an extra day, or a regular holiday moved to another date. */
export type BankHolidayProclamation =
  | { kind: 'extra'; date: LocalDate; name: string }
  | { kind: 'moved'; from: LocalDate; to: LocalDate };

/** Historical one-offs, so recent years come out as gov.uk published them. Add future ones here or pass your own. */
export const ENGLAND_PROCLAMATIONS = [
  { kind: 'moved', from: '2020-05-04', to: '2020-05-08' }, // early May moved for the 75th anniversary of VE Day
  { kind: 'moved', from: '2022-05-30', to: '2022-06-02' }, // spring holiday moved for the Platinum Jubilee
  { kind: 'extra', date: '2022-06-03', name: 'Platinum Jubilee bank holiday' },
  { kind: 'extra', date: '2022-09-19', name: 'Bank Holiday for the State Funeral of Queen Elizabeth II' },
  { kind: 'extra', date: '2023-05-08', name: 'Bank holiday for the coronation of King Charles III' },
] as const satisfies readonly BankHolidayProclamation[];

/** Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" algorithm). */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

/** Every England and Wales bank holiday in `year`, in date order. */
export function englandBankHolidays(
  year: number,
  proclamations: readonly BankHolidayProclamation[] = ENGLAND_PROCLAMATIONS,
): BankHoliday[] {
  const easter = dayNumberOfDate(easterSunday(year));
  const regular: BankHoliday[] = [
    weekendToMonday(isoDate(year, 1, 1), "New Year's Day"),
    plain(dateOfDayNumber(easter - 2), 'Good Friday'),
    plain(dateOfDayNumber(easter + 1), 'Easter Monday'),
    plain(firstMonday(year, 5), 'Early May bank holiday'),
    plain(lastMonday(year, 5), 'Spring bank holiday'),
    plain(lastMonday(year, 8), 'Summer bank holiday'),
    ...christmasAndBoxingDay(year),
  ];
  const moved = regular.map((holiday) => {
    const move = proclamations.find((p) => p.kind === 'moved' && p.from === holiday.date);
    return move?.kind === 'moved' ? { ...holiday, date: move.to } : holiday;
  });
  const extras = proclamations
    .filter((p) => p.kind === 'extra' && p.date.startsWith(`${year}-`))
    .map((p) => (p.kind === 'extra' ? plain(p.date, p.name) : undefined))
    .filter((h): h is BankHoliday => h !== undefined);
  return [...moved, ...extras].sort((x, y) => x.date.localeCompare(y.date));
}

/** The set of bank-holiday dates for a span of years, the shape `expandRota` takes. */
export function bankHolidayDates(
  fromYear: number,
  toYear: number,
  proclamations: readonly BankHolidayProclamation[] = ENGLAND_PROCLAMATIONS,
): ReadonlySet<LocalDate> {
  const dates = new Set<LocalDate>();
  for (let year = fromYear; year <= toYear; year++) {
    for (const holiday of englandBankHolidays(year, proclamations)) dates.add(holiday.date);
  }
  return dates;
}

// Christmas on a Saturday → Monday 27 and Tuesday 28; on a Sunday → Boxing Day Monday 26, Christmas Tuesday 27.
function christmasAndBoxingDay(year: number): BankHoliday[] {
  const christmas = isoDate(year, 12, 25);
  switch (isoWeekdayOfDate(christmas)) {
    case 5: // Friday: Boxing Day falls on Saturday
      return [plain(christmas, 'Christmas Day'), substitute(isoDate(year, 12, 28), 'Boxing Day')];
    case 6:
      return [substitute(isoDate(year, 12, 27), 'Christmas Day'), substitute(isoDate(year, 12, 28), 'Boxing Day')];
    case 7:
      return [plain(isoDate(year, 12, 26), 'Boxing Day'), substitute(isoDate(year, 12, 27), 'Christmas Day')];
    default:
      return [plain(christmas, 'Christmas Day'), plain(isoDate(year, 12, 26), 'Boxing Day')];
  }
}

function weekendToMonday(date: LocalDate, name: string): BankHoliday {
  const weekday = isoWeekdayOfDate(date);
  if (weekday < 6) return plain(date, name);
  return substitute(dateOfDayNumber(dayNumberOfDate(date) + (8 - weekday)), name);
}

function firstMonday(year: number, month: number): LocalDate {
  const first = isoDate(year, month, 1);
  const offset = (8 - isoWeekdayOfDate(first)) % 7;
  return dateOfDayNumber(dayNumberOfDate(first) + offset);
}

function lastMonday(year: number, month: number): LocalDate {
  const last = dateOfDayNumber(dayNumberOfDate(isoDate(year, month + 1, 1)) - 1);
  return dateOfDayNumber(dayNumberOfDate(last) - ((isoWeekdayOfDate(last) + 6) % 7));
}

function isoDate(year: number, month: number, day: number): LocalDate {
  return dateOfDayNumber(Date.UTC(year, month - 1, day) / 86_400_000);
}

const plain = (date: LocalDate, name: string): BankHoliday => ({ date, name, substitute: false });
const substitute = (date: LocalDate, name: string): BankHoliday => ({ date, name, substitute: true });
