// Rota expansion: weekly session templates → concrete slots over a date range.
// Every slot start and end is read off the London wall clock for its own date (never a fixed offset
// carried across days), so clock-change days keep their local 08:00–20:00 shape.
import type { AppointmentMode, SlotType, Booker } from '../../shared/domain/vocabulary.ts';
import type { LocalDate, LocalTime } from '../../shared/domain/london-time.ts';
import { londonInstant, minutesOfDay } from '../../shared/domain/london-time.ts';
import type { LondonClock } from './london-clock.ts';
import { createLondonClock, dateOfDayNumber, dayNumberOfDate, isoWeekdayOfDate } from './london-clock.ts';

export type ReleaseRule =
  | { kind: 'on_creation' } // bookable as soon as it exists
  | { kind: 'same_day_at'; time: LocalTime } // e.g. same-day slots released at 08:00 on the day
  | { kind: 'days_before_at'; days: number; time: LocalTime }; // e.g. released 14 days before at 00:00

export interface SessionTemplate {
  id: string;
  staffId: string;
  siteId: string;
  weekdays: readonly number[]; // ISO 1 = Monday … 7 = Sunday
  start: LocalTime;
  end: LocalTime; // London wall-clock
  slotMinutes: number;
  mode: AppointmentMode;
  slotType: SlotType;
  bookableBy: readonly Booker[];
  serviceTag: string | null; // for slots protected for a service (e.g. 'diabetes_review')
  release: ReleaseRule;
  validFrom: LocalDate;
  validTo: LocalDate | null;
  runsOnBankHolidays: boolean; // practices close on bank holidays; hubs may be configured to run
}

export interface RotaException {
  staffId: string | null;
  siteId: string | null;
  from: LocalDate;
  to: LocalDate;
  reason: 'leave' | 'training' | 'sickness' | 'closure';
} // staffId null = the whole site; both null = every site (e.g. a borough-wide closure)

export interface ExpandedSlot {
  templateId: string;
  staffId: string;
  siteId: string;
  /** The London calendar date of the slot (added for the generator and for grouping). */
  date: LocalDate;
  start: Date;
  end: Date;
  mode: AppointmentMode;
  slotType: SlotType;
  bookableBy: readonly Booker[];
  serviceTag: string | null;
  releaseAt: Date;
}

export interface ExpandRotaOptions {
  /** When slots ruled `on_creation` come into existence; defaults to the epoch (always released). */
  createdAt?: Date;
}

interface CompiledTemplate {
  template: SessionTemplate;
  onWeekday: readonly boolean[]; // index 1–7
  startMinute: number;
  endMinute: number;
  releaseMinute: number;
}

/** Expands templates into slots for every London date in `range` (inclusive).
 *  A slot whose wall-clock start is skipped by the spring change, or whose real length differs from
 *  `slotMinutes` because it straddles a change (only possible between 00:00 and 03:00), is left out. */
export function expandRota(
  templates: readonly SessionTemplate[],
  exceptions: readonly RotaException[],
  range: { from: LocalDate; to: LocalDate },
  bankHolidays: ReadonlySet<LocalDate>,
  options: ExpandRotaOptions = {},
): ExpandedSlot[] {
  const compiled = templates.map(compileTemplate);
  const isClosed = exceptionLookup(exceptions);
  const clock = createLondonClock();
  const createdAtMs = options.createdAt?.getTime() ?? 0;
  const slots: ExpandedSlot[] = [];
  const lastDay = dayNumberOfDate(range.to);
  for (let dayNumber = dayNumberOfDate(range.from); dayNumber <= lastDay; dayNumber++) {
    const date = dateOfDayNumber(dayNumber);
    const weekday = isoWeekdayOfDate(date);
    const isBankHoliday = bankHolidays.has(date);
    for (const entry of compiled) {
      const { template } = entry;
      if (!entry.onWeekday[weekday]) continue;
      if (date < template.validFrom || (template.validTo !== null && date > template.validTo)) continue;
      if (isBankHoliday && !template.runsOnBankHolidays) continue;
      if (isClosed(template.staffId, template.siteId, date)) continue;
      const releaseMs = releaseInstantMs(entry, date, clock, createdAtMs);
      pushSessionSlots(slots, entry, date, clock, releaseMs);
    }
  }
  return slots;
}

function pushSessionSlots(
  slots: ExpandedSlot[],
  entry: CompiledTemplate,
  date: LocalDate,
  clock: LondonClock,
  releaseMs: number,
): void {
  const { template } = entry;
  const lengthMs = template.slotMinutes * 60_000;
  for (let minute = entry.startMinute; minute + template.slotMinutes <= entry.endMinute; minute += template.slotMinutes) {
    const startMs = clock.wallClockMs(date, minute);
    const endMs = clock.wallClockMs(date, minute + template.slotMinutes);
    if (Number.isNaN(startMs) || Number.isNaN(endMs) || endMs - startMs !== lengthMs) continue;
    slots.push({
      templateId: template.id,
      staffId: template.staffId,
      siteId: template.siteId,
      date,
      start: new Date(startMs),
      end: new Date(endMs),
      mode: template.mode,
      slotType: template.slotType,
      bookableBy: template.bookableBy,
      serviceTag: template.serviceTag,
      releaseAt: new Date(releaseMs),
    });
  }
}

function compileTemplate(template: SessionTemplate): CompiledTemplate {
  const startMinute = minutesOfDay(template.start);
  const endMinute = minutesOfDay(template.end);
  if (!Number.isInteger(template.slotMinutes) || template.slotMinutes <= 0) {
    throw new RangeError(`template ${template.id}: slotMinutes must be a positive whole number`);
  }
  if (endMinute <= startMinute) {
    throw new RangeError(`template ${template.id}: a session must end after it starts on the same day`);
  }
  const onWeekday = Array.from({ length: 8 }, (_, day) => template.weekdays.includes(day));
  const releaseMinute = template.release.kind === 'on_creation' ? 0 : minutesOfDay(template.release.time);
  return { template, onWeekday, startMinute, endMinute, releaseMinute };
}

function releaseInstantMs(entry: CompiledTemplate, date: LocalDate, clock: LondonClock, createdAtMs: number): number {
  const rule = entry.template.release;
  switch (rule.kind) {
    case 'on_creation':
      return createdAtMs;
    case 'same_day_at':
      return wallClockOrLater(clock, date, entry.releaseMinute, rule.time);
    case 'days_before_at':
      return wallClockOrLater(clock, dateOfDayNumber(dayNumberOfDate(date) - rule.days), entry.releaseMinute, rule.time);
  }
}

// A release time inside the skipped spring hour moves forward, as londonInstant does.
function wallClockOrLater(clock: LondonClock, date: LocalDate, minute: number, time: LocalTime): number {
  const ms = clock.wallClockMs(date, minute);
  return Number.isNaN(ms) ? londonInstant(date, time).getTime() : ms;
}

type ClosureCheck = (staffId: string, siteId: string, date: LocalDate) => boolean;

function exceptionLookup(exceptions: readonly RotaException[]): ClosureCheck {
  const byStaff = new Map<string, RotaException[]>();
  const bySite = new Map<string, RotaException[]>();
  const everywhere: RotaException[] = [];
  for (const exception of exceptions) {
    if (exception.staffId !== null) pushTo(byStaff, exception.staffId, exception);
    else if (exception.siteId !== null) pushTo(bySite, exception.siteId, exception);
    else everywhere.push(exception);
  }
  const covers = (exception: RotaException, siteId: string, date: LocalDate): boolean =>
    date >= exception.from && date <= exception.to && (exception.siteId === null || exception.siteId === siteId);
  return (staffId, siteId, date) =>
    (byStaff.get(staffId) ?? []).some((e) => covers(e, siteId, date)) ||
    (bySite.get(siteId) ?? []).some((e) => covers(e, siteId, date)) ||
    everywhere.some((e) => covers(e, siteId, date));
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
