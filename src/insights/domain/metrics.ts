// The measures the dashboards chart, as data: what each is computed from, which way is better, where it is
// defined. Values come from additive period totals (so any level is a sum) or from a histogram (medians).
import type { ImprovementDirection } from './spc-rules.ts';
import type { Period } from './periods.ts';
import { medianOfHistogram } from './histogram.ts';
import type { HistogramBin } from './histogram.ts';

export const LEVELS = ['practice', 'pcn', 'locality', 'hub', 'borough'] as const;
export type Level = (typeof LEVELS)[number];

/** Additive counts for one organisational unit and period; the repository fills them from the summary tables. */
export interface PeriodTotals {
  /** Appointments not cancelled (what GPAD counts). */
  appointments: number;
  cancelled: number;
  attended: number;
  dna: number;
  sameDay: number;
  faceToFace: number;
  gp: number;
  /** Registered patients of the unit's practices (a hub: its locality's practices). */
  population: number;
  /** Registered patients the unit's hubs serve (their localities' practices): the enhanced-access denominator. */
  hubPopulation: number;
  hubOffered: number;
  hubBooked: number;
  hubAttended: number;
  hubOfferedMinutes: number;
  ae: number;
  aeMinor: number;
  aeSelfReferred: number;
  aeDischarged: number;
  aeOutOfHours: number;
  requests: number;
  requestsOverridden: number;
  gpWithNamedGp: number;
  gpForNamedList: number;
}

export const EMPTY_TOTALS: PeriodTotals = {
  appointments: 0, cancelled: 0, attended: 0, dna: 0, sameDay: 0, faceToFace: 0, gp: 0, population: 0, hubPopulation: 0,
  hubOffered: 0, hubBooked: 0, hubAttended: 0, hubOfferedMinutes: 0, ae: 0, aeMinor: 0, aeSelfReferred: 0,
  aeDischarged: 0, aeOutOfHours: 0, requests: 0, requestsOverridden: 0, gpWithNamedGp: 0, gpForNamedList: 0,
};

export function addTotals(a: PeriodTotals, b: PeriodTotals): PeriodTotals {
  const sum = { ...a };
  for (const key of Object.keys(sum) as (keyof PeriodTotals)[]) sum[key] = a[key] + b[key];
  return sum;
}

/** Histograms behind the median measures, per period. */
export interface PeriodHistograms {
  /** Days from booking to appointment (appointments not cancelled). */
  bookingLeadDays: readonly HistogramBin[];
  /** Whole hours from a request to its first clinical contact. */
  requestToContactHours: readonly HistogramBin[];
}

export interface MetricValue {
  value: number | null;
  /** The counts a published value rests on: any of them 1–7 and the value is suppressed. */
  basis: readonly number[];
}

type Unit = 'count' | 'per_1000' | 'percent' | 'days' | 'hours' | 'minutes_per_1000';

export interface MetricDefinition {
  label: string;
  unit: Unit;
  improvement: ImprovementDirection;
  levels: readonly Level[];
  periods: readonly Period[];
  /** For the assurance icon. */
  target?: number;
  /** Whether a funnel plot (a proportion with a denominator) fits the measure. */
  proportion?: { numerator: (t: PeriodTotals) => number; denominator: (t: PeriodTotals) => number };
  compute: (t: PeriodTotals, h: PeriodHistograms) => MetricValue;
}

const ratio = (numerator: number, denominator: number, scale: number): MetricValue => ({
  value: denominator === 0 ? null : (scale * numerator) / denominator,
  basis: [numerator, denominator],
});
const share = (numerator: (t: PeriodTotals) => number, denominator: (t: PeriodTotals) => number) => ({
  proportion: { numerator, denominator },
  compute: (t: PeriodTotals) => ratio(numerator(t), denominator(t), 100),
});
const fromHistogram = (bins: readonly HistogramBin[]): MetricValue => {
  const n = bins.reduce((s, b) => s + b.count, 0);
  return { value: medianOfHistogram(bins), basis: [n] };
};

const ALL_LEVELS = LEVELS;
const ORG_LEVELS = ['practice', 'pcn', 'locality', 'borough'] as const satisfies readonly Level[];
const HUB_LEVELS = ['hub', 'pcn', 'locality', 'borough'] as const satisfies readonly Level[];
const BOTH = ['week', 'month'] as const satisfies readonly Period[];

export const METRICS = {
  appointments: {
    label: 'Appointments (not cancelled)', unit: 'count', improvement: 'neutral', levels: ALL_LEVELS, periods: BOTH,
    compute: (t) => ({ value: t.appointments, basis: [t.appointments] }),
  },
  appointments_per_1000: {
    label: 'Appointments per 1,000 registered patients', unit: 'per_1000', improvement: 'neutral', levels: ORG_LEVELS, periods: BOTH,
    compute: (t) => ({ ...ratio(t.appointments, t.population, 1000), basis: [t.appointments] }),
  },
  dna_rate: {
    label: 'Did not attend (% of appointments with an outcome)', unit: 'percent', improvement: 'decrease', levels: ALL_LEVELS, periods: BOTH,
    ...share((t) => t.dna, (t) => t.attended + t.dna),
  },
  same_day_share: {
    label: 'Booked the same day (%)', unit: 'percent', improvement: 'neutral', levels: ALL_LEVELS, periods: BOTH,
    ...share((t) => t.sameDay, (t) => t.appointments),
  },
  face_to_face_share: {
    label: 'Face to face (%)', unit: 'percent', improvement: 'neutral', levels: ALL_LEVELS, periods: BOTH,
    ...share((t) => t.faceToFace, (t) => t.appointments),
  },
  gp_share: {
    label: 'With a GP (%)', unit: 'percent', improvement: 'neutral', levels: ALL_LEVELS, periods: BOTH,
    ...share((t) => t.gp, (t) => t.appointments),
  },
  median_days_to_appointment: {
    label: 'Median days from booking to appointment', unit: 'days', improvement: 'decrease', levels: ALL_LEVELS, periods: BOTH,
    compute: (_t, h) => fromHistogram(h.bookingLeadDays),
  },
  hub_utilisation: {
    label: 'Hub slots booked (% of offered)', unit: 'percent', improvement: 'increase', levels: HUB_LEVELS, periods: BOTH,
    ...share((t) => t.hubBooked, (t) => t.hubOffered),
  },
  enhanced_access_minutes_per_1000: {
    // Network Contract DES: at least 60 minutes per 1,000 (adjusted) population per week.
    label: 'Enhanced access minutes offered per 1,000 patients per week', unit: 'minutes_per_1000', improvement: 'increase',
    levels: HUB_LEVELS, periods: ['week'], target: 60,
    compute: (t) => ({ ...ratio(t.hubOfferedMinutes, t.hubPopulation, 1000), basis: [t.hubOffered] }),
  },
  ae_per_1000: {
    label: 'A&E attendances per 1,000 patients', unit: 'per_1000', improvement: 'decrease', levels: ORG_LEVELS, periods: BOTH,
    compute: (t) => ({ ...ratio(t.ae, t.population, 1000), basis: [t.ae] }),
  },
  ae_minor_per_1000: {
    label: 'Minor A&E attendances per 1,000 patients', unit: 'per_1000', improvement: 'decrease', levels: ORG_LEVELS, periods: BOTH,
    compute: (t) => ({ ...ratio(t.aeMinor, t.population, 1000), basis: [t.aeMinor] }),
  },
  ae_self_referred_per_1000: {
    label: 'Self-referred A&E attendances per 1,000 patients', unit: 'per_1000', improvement: 'decrease', levels: ORG_LEVELS, periods: BOTH,
    compute: (t) => ({ ...ratio(t.aeSelfReferred, t.population, 1000), basis: [t.aeSelfReferred] }),
  },
  request_to_contact_hours: {
    label: 'Median hours from request to first clinical contact', unit: 'hours', improvement: 'decrease', levels: ORG_LEVELS, periods: BOTH,
    compute: (_t, h) => fromHistogram(h.requestToContactHours),
  },
  triage_override_rate: {
    label: 'Triage dispositions overridden by staff (%)', unit: 'percent', improvement: 'neutral', levels: ORG_LEVELS, periods: BOTH,
    ...share((t) => t.requestsOverridden, (t) => t.requests),
  },
  slicc: {
    label: "St Leonard's Index of Continuity of Care (% of GP appointments with the named GP)", unit: 'percent',
    improvement: 'increase', levels: ORG_LEVELS, periods: ['month'],
    ...share((t) => t.gpWithNamedGp, (t) => t.gpForNamedList),
  },
} as const satisfies Record<string, MetricDefinition>;

export type MetricId = keyof typeof METRICS;
export const METRIC_IDS = Object.keys(METRICS) as MetricId[];

export function isMetricId(id: string): id is MetricId {
  return Object.hasOwn(METRICS, id);
}

export function metricDefinition(id: MetricId): MetricDefinition {
  return METRICS[id];
}
