// What the generated borough should look like, from ../shared/reference/borough.md, with the tolerance
// each figure is held to. `compareToReference` is what `bin/hamlet stats` prints and the tests assert.

export interface BoroughSummary {
  counts: { localities: number; pcns: number; practices: number; hubs: number; sites: number; patients: number; staff: number; slots: number; appointments: number };
  coverage: { historyFrom: string | null; historyTo: string | null; historyMonths: number; slotsFrom: string | null; slotsTo: string | null; slotWeeks: number };
  ageBands: { band: string; share: number }[];
  medianAge: number;
  over65Share: number;
  femaleShare: number;
  ethnicityGroups: { group: string; share: number }[];
  ethnicityMissingShare: number;
  listSizes: { min: number; median: number; max: number; total: number };
  conditionPrevalence: Record<string, number>;
  modeMix: Record<string, number>;
  dnaRate: number;
  appointmentsPerPatientYear: number;
  gpShare: number;
  busiestWeekday: string;
  interpreterShare: number;
  mostDeprivedTwoDecilesShare: number;
}

export interface ReferenceCheck {
  metric: string;
  reference: number;
  actual: number;
  tolerance: number;
  ok: boolean;
}

/** Reference figure and absolute tolerance for each checked metric (shares as fractions). */
export const REFERENCE = {
  medianAge: [30.5, 3],
  over65Share: [0.065, 0.01],
  'ethnicity.Asian': [0.44, 0.03],
  'ethnicity.White': [0.39, 0.03],
  'ethnicity.Black': [0.07, 0.015],
  'ethnicity.Mixed': [0.04, 0.015],
  'ethnicity.Other': [0.05, 0.015],
  'prevalence.hypertension': [0.095, 0.012],
  'prevalence.diabetes': [0.07, 0.01],
  'prevalence.asthma': [0.05, 0.008],
  'prevalence.copd': [0.015, 0.004],
  'prevalence.depression': [0.09, 0.012],
  'prevalence.severe_mental_illness': [0.013, 0.004],
  'mode.in_person': [0.675, 0.04],
  'mode.telephone': [0.275, 0.04],
  'mode.video': [0.04, 0.02],
  'mode.home_visit': [0.008, 0.008],
  dnaRate: [0.045, 0.01],
  appointmentsPerPatientYear: [5.5, 0.5],
  gpShare: [0.45, 0.05],
  mostDeprivedTwoDecilesShare: [0.6, 0.1],
} as const satisfies Record<string, readonly [number, number]>;

/** Ethnicity shares are of recorded ethnicity, as the census reports them. */
export function compareToReference(summary: BoroughSummary): ReferenceCheck[] {
  const recorded = 1 - summary.ethnicityMissingShare;
  const actual: Record<keyof typeof REFERENCE, number> = {
    medianAge: summary.medianAge,
    over65Share: summary.over65Share,
    'ethnicity.Asian': groupShare(summary, 'Asian') / recorded,
    'ethnicity.White': groupShare(summary, 'White') / recorded,
    'ethnicity.Black': groupShare(summary, 'Black') / recorded,
    'ethnicity.Mixed': groupShare(summary, 'Mixed') / recorded,
    'ethnicity.Other': groupShare(summary, 'Other') / recorded,
    'prevalence.hypertension': summary.conditionPrevalence.hypertension ?? 0,
    'prevalence.diabetes': summary.conditionPrevalence.diabetes ?? 0,
    'prevalence.asthma': summary.conditionPrevalence.asthma ?? 0,
    'prevalence.copd': summary.conditionPrevalence.copd ?? 0,
    'prevalence.depression': summary.conditionPrevalence.depression ?? 0,
    'prevalence.severe_mental_illness': summary.conditionPrevalence.severe_mental_illness ?? 0,
    'mode.in_person': summary.modeMix.in_person ?? 0,
    'mode.telephone': summary.modeMix.telephone ?? 0,
    'mode.video': summary.modeMix.video ?? 0,
    'mode.home_visit': summary.modeMix.home_visit ?? 0,
    dnaRate: summary.dnaRate,
    appointmentsPerPatientYear: summary.appointmentsPerPatientYear,
    gpShare: summary.gpShare,
    mostDeprivedTwoDecilesShare: summary.mostDeprivedTwoDecilesShare,
  };
  return (Object.entries(REFERENCE) as [keyof typeof REFERENCE, readonly [number, number]][]).map(([metric, [reference, tolerance]]) => ({
    metric, reference, tolerance, actual: round(actual[metric]), ok: Math.abs(actual[metric] - reference) <= tolerance,
  }));
}

function groupShare(summary: BoroughSummary, group: string): number {
  return summary.ethnicityGroups.find((g) => g.group === group)?.share ?? 0;
}

const round = (v: number) => Math.round(v * 10_000) / 10_000;
