// Extended-access hub hours as configuration (boroughs differ and the national rules change), and the
// session templates they imply for hub clinicians.
import type { AppointmentMode, Booker } from '../../shared/domain/vocabulary.ts';
import type { LocalDate, LocalTime } from '../../shared/domain/london-time.ts';
import { minutesOfDay } from '../../shared/domain/london-time.ts';
import type { ReleaseRule, SessionTemplate } from './rota.ts';

export interface OpeningBlock {
  weekdays: readonly number[]; // ISO 1 = Monday … 7 = Sunday
  start: LocalTime;
  end: LocalTime;
}

export interface OpeningHours {
  blocks: readonly OpeningBlock[];
  runsOnBankHolidays: boolean;
}

/** The reference borough's hub scheme: weekdays 18:30–20:00, weekends 08:00–20:00. */
export const DEFAULT_HUB_HOURS = {
  blocks: [
    { weekdays: [1, 2, 3, 4, 5], start: '18:30', end: '20:00' },
    { weekdays: [6, 7], start: '08:00', end: '20:00' },
  ],
  runsOnBankHolidays: true,
} as const satisfies OpeningHours;

/** Network Contract DES Enhanced Access "Network Standard Hours" (from 1 October 2022). */
export const NETWORK_STANDARD_HOURS = {
  blocks: [
    { weekdays: [1, 2, 3, 4, 5], start: '18:30', end: '20:00' },
    { weekdays: [6], start: '09:00', end: '17:00' },
  ],
  runsOnBankHolidays: false,
} as const satisfies OpeningHours;

/** One clinician's part in a hub's hours. */
export interface HubClinicianRota {
  staffId: string;
  siteId: string;
  /** Restrict to these ISO weekdays (intersected with each block); all block days when omitted. */
  weekdays?: readonly number[];
  slotMinutes: number;
  mode: AppointmentMode;
  serviceTag?: string | null;
  validFrom: LocalDate;
  validTo?: LocalDate | null;
}

export interface HubTemplateOptions {
  /** DES: unused enhanced-access capacity is offered to NHS 111, so 111 is included by default. */
  bookableBy?: readonly Booker[];
  release?: ReleaseRule;
}

const DEFAULT_HUB_BOOKERS = ['pcn', 'hub', 'nhs111'] as const satisfies readonly Booker[];

/** Session templates for hub clinicians: one per clinician per opening block they work. */
export function hubSessionTemplates(
  hours: OpeningHours,
  clinicians: readonly HubClinicianRota[],
  options: HubTemplateOptions = {},
): SessionTemplate[] {
  validateOpeningHours(hours);
  const templates: SessionTemplate[] = [];
  for (const clinician of clinicians) {
    hours.blocks.forEach((block, blockIndex) => {
      const weekdays = block.weekdays.filter((day) => clinician.weekdays?.includes(day) ?? true);
      if (weekdays.length === 0) return;
      templates.push({
        id: `hub:${clinician.siteId}:${clinician.staffId}:${blockIndex}`,
        staffId: clinician.staffId,
        siteId: clinician.siteId,
        weekdays,
        start: block.start,
        end: block.end,
        slotMinutes: clinician.slotMinutes,
        mode: clinician.mode,
        slotType: 'hub',
        bookableBy: options.bookableBy ?? DEFAULT_HUB_BOOKERS,
        serviceTag: clinician.serviceTag ?? null,
        release: options.release ?? { kind: 'on_creation' },
        validFrom: clinician.validFrom,
        validTo: clinician.validTo ?? null,
        runsOnBankHolidays: hours.runsOnBankHolidays,
      });
    });
  }
  return templates;
}

/** Throws on a block that ends before it starts or names a weekday outside 1–7. */
export function validateOpeningHours(hours: OpeningHours): void {
  for (const block of hours.blocks) {
    if (minutesOfDay(block.end) <= minutesOfDay(block.start)) {
      throw new RangeError(`opening block ${block.start}–${block.end} must end after it starts`);
    }
    if (block.weekdays.some((day) => !Number.isInteger(day) || day < 1 || day > 7)) {
      throw new RangeError(`opening block weekdays must be ISO weekdays 1–7, got ${block.weekdays.join(',')}`);
    }
  }
}

/** For each ISO weekday (index 1–7), the opening windows as [startMinute, endMinute) pairs. */
export function openingWindowsByWeekday(hours: OpeningHours): readonly (readonly [number, number])[][] {
  const windows: [number, number][][] = Array.from({ length: 8 }, () => []);
  for (const block of hours.blocks) {
    for (const day of block.weekdays) windows[day]?.push([minutesOfDay(block.start), minutesOfDay(block.end)]);
  }
  return windows;
}
