// Enhanced Access compliance (Network Contract DES): each PCN offers at least 60 minutes of appointments
// per 1,000 PCN-adjusted population per week, inside the configured hours, with a face-to-face/remote mix.
import type { AppointmentMode } from '../../shared/domain/vocabulary.ts';
import type { LocalDate } from '../../shared/domain/london-time.ts';
import type { OpeningHours } from './hub-hours.ts';
import { openingWindowsByWeekday, validateOpeningHours } from './hub-hours.ts';
import { createLondonClock, dateOfDayNumber, dayNumberOfDate } from './london-clock.ts';

export const DES_MINUTES_PER_1000_PER_WEEK = 60;

export interface PcnPopulation {
  pcnId: string;
  adjustedPopulation: number;
}

/** An enhanced-access slot offered on behalf of a PCN (booked or not: offered capacity is what counts). */
export interface OfferedSlot {
  pcnId: string;
  start: Date;
  end: Date;
  mode: AppointmentMode;
}

export interface ComplianceOptions {
  hours: OpeningHours;
  /** Weeks (Monday to Sunday) touching this range are reported. */
  from: LocalDate;
  to: LocalDate;
  minutesPer1000?: number;
}

export interface WeeklyCompliance {
  pcnId: string;
  weekStart: LocalDate; // the Monday
  offeredMinutes: number;
  requiredMinutes: number;
  compliant: boolean;
  shortfallMinutes: number;
  faceToFaceMinutes: number;
  remoteMinutes: number;
}

/** Offered minutes per PCN per ISO week counted only inside the configured hours, against the requirement. */
export function enhancedAccessCompliance(
  pcns: readonly PcnPopulation[],
  slots: readonly OfferedSlot[],
  options: ComplianceOptions,
): WeeklyCompliance[] {
  validateOpeningHours(options.hours);
  const windows = openingWindowsByWeekday(options.hours);
  const clock = createLondonClock();
  const firstWeek = mondayOf(dayNumberOfDate(options.from));
  const lastWeek = mondayOf(dayNumberOfDate(options.to));
  const tallies = new Map<string, { faceToFace: number; remote: number }>();
  for (const slot of slots) {
    const startMs = slot.start.getTime();
    const day = clock.londonDayNumber(startMs);
    const week = mondayOf(day);
    if (week < firstWeek || week > lastWeek) continue;
    const startMinute = clock.londonMinuteOfDay(startMs);
    const endMinute = startMinute + Math.round((slot.end.getTime() - startMs) / 60_000);
    const minutes = minutesInside(windows[isoWeekdayOfDayNumber(day)] ?? [], startMinute, endMinute);
    if (minutes === 0) continue;
    const key = `${slot.pcnId}|${week}`;
    const tally = tallies.get(key) ?? { faceToFace: 0, remote: 0 };
    if (slot.mode === 'in_person' || slot.mode === 'home_visit') tally.faceToFace += minutes;
    else tally.remote += minutes;
    tallies.set(key, tally);
  }
  const perThousand = options.minutesPer1000 ?? DES_MINUTES_PER_1000_PER_WEEK;
  const report: WeeklyCompliance[] = [];
  for (const pcn of pcns) {
    const requiredMinutes = Math.ceil((perThousand * pcn.adjustedPopulation) / 1000);
    for (let week = firstWeek; week <= lastWeek; week += 7) {
      const tally = tallies.get(`${pcn.pcnId}|${week}`) ?? { faceToFace: 0, remote: 0 };
      const offeredMinutes = tally.faceToFace + tally.remote;
      report.push({
        pcnId: pcn.pcnId,
        weekStart: dateOfDayNumber(week),
        offeredMinutes,
        requiredMinutes,
        compliant: offeredMinutes >= requiredMinutes,
        shortfallMinutes: Math.max(0, requiredMinutes - offeredMinutes),
        faceToFaceMinutes: tally.faceToFace,
        remoteMinutes: tally.remote,
      });
    }
  }
  return report;
}

function minutesInside(windows: readonly (readonly [number, number])[], start: number, end: number): number {
  let total = 0;
  for (const [open, close] of windows) total += Math.max(0, Math.min(end, close) - Math.max(start, open));
  return total;
}

// 1970-01-01 was a Thursday (ISO 4).
function isoWeekdayOfDayNumber(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

function mondayOf(dayNumber: number): number {
  return dayNumber - (isoWeekdayOfDayNumber(dayNumber) - 1);
}
