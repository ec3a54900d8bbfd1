// A&E attendances as Hamlet reads them: the codes an import may carry and how an attendance is classed
// (minor, self-referred, discharged, in or out of GP hours) for the urgent-care impact measures.
// Code lists follow the Emergency Care Data Set in spirit, simplified; the classes are configuration.
import type { LocalDate } from '../../shared/domain/london-time.ts';

/** Department types (NHS A&E types 1–5). Type 5 wording is unverified: treat as configurable. */
export const AE_DEPARTMENT_TYPES = {
  1: 'Emergency department (type 1)',
  2: 'Single-specialty emergency department (type 2)',
  3: 'Urgent treatment centre or minor injury unit (type 3)',
  4: 'NHS walk-in centre (type 4)',
  5: 'Same day emergency care (type 5)',
} as const satisfies Record<number, string>;
export type AeDepartmentType = keyof typeof AE_DEPARTMENT_TYPES;

export const AE_REFERRAL_SOURCES = ['self', 'gp', 'nhs111', 'ambulance', 'police', 'health_care_provider', 'other'] as const;
export type AeReferralSource = (typeof AE_REFERRAL_SOURCES)[number];

export const AE_DISCHARGE_OUTCOMES = [
  'discharged_no_follow_up',
  'discharged_gp_follow_up',
  'referred_to_clinic',
  'admitted',
  'transferred',
  'left_before_treatment',
  'died',
] as const;
export type AeDischargeOutcome = (typeof AE_DISCHARGE_OUTCOMES)[number];

/** How attendances are classed; the Greater Manchester evaluation separated minor, self-referred and discharged. */
export const AE_CLASSES = {
  /** Minor: seen in a minor-injury, urgent-treatment or walk-in service rather than a major department. */
  minorDepartmentTypes: [3, 4],
  selfReferralSources: ['self'],
  dischargedOutcomes: ['discharged_no_follow_up', 'discharged_gp_follow_up'],
  /** GP core hours (London time); outside them, or at weekends and bank holidays, is out of hours. */
  inHours: { weekdays: [1, 2, 3, 4, 5], from: '08:00', to: '18:30' },
} as const satisfies {
  minorDepartmentTypes: readonly AeDepartmentType[];
  selfReferralSources: readonly AeReferralSource[];
  dischargedOutcomes: readonly AeDischargeOutcome[];
  inHours: { weekdays: readonly number[]; from: string; to: string };
};

export interface AeAttendanceRecord {
  /** 1-based line in the imported file. */
  line: number;
  nhsNumber: string;
  arrivalAt: Date;
  departmentType: AeDepartmentType;
  referralSource: AeReferralSource;
  dischargeOutcome: AeDischargeOutcome;
}

export function isMinor(departmentType: number): boolean {
  return (AE_CLASSES.minorDepartmentTypes as readonly number[]).includes(departmentType);
}

export function isSelfReferred(source: string): boolean {
  return (AE_CLASSES.selfReferralSources as readonly string[]).includes(source);
}

export function isDischarged(outcome: string): boolean {
  return (AE_CLASSES.dischargedOutcomes as readonly string[]).includes(outcome);
}

/** In GP core hours, given the London weekday (1 = Monday), wall-clock time and whether the day is a bank holiday. */
export function isInHours(weekday: number, time: string, bankHoliday: boolean): boolean {
  const { weekdays, from, to } = AE_CLASSES.inHours;
  return !bankHoliday && (weekdays as readonly number[]).includes(weekday) && time >= from && time < to;
}

export type AeBankHolidays = ReadonlySet<LocalDate>;
