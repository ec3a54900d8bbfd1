// The conventions that make one SPC tool differ from another, as data, so a chart can say which it follows.
// Source: NHS England "Making Data Count" and NHSRplotthedots (see /work/shared/reference/measurement.md).

/** What counts as better for a measure; "neutral" measures get special-cause flags but no judgement. */
export type ImprovementDirection = 'increase' | 'decrease' | 'neutral';
export const IMPROVEMENT_DIRECTIONS = [
  'increase',
  'decrease',
  'neutral',
] as const satisfies readonly ImprovementDirection[];

/** The special-cause rules, in precedence order: a point takes the first one that applies. */
export const SPC_RULES = ['outside_limits', 'trend', 'two_of_three', 'shift'] as const;
export type SpcRule = (typeof SPC_RULES)[number];

export interface SpcRuleSet {
  readonly name: string;
  /** Process limits sit this many mean moving ranges either side of the mean. */
  readonly limitConstant: number;
  /** A point is "close to a limit" beyond this fraction of the distance from mean to limit (2 sigma of 3). */
  readonly closeFraction: number;
  /** When screening, moving ranges at or above this multiple of mR̄ are dropped and mR̄ recomputed once. */
  readonly screeningConstant: number;
  /** Points in a run each strictly higher (or lower) than the one before. */
  readonly trendLength: number;
  /** Consecutive points on one side of the mean. */
  readonly shiftLength: number;
  /** "Two of three": a window of this many points… */
  readonly closeWindow: number;
  /** …of which at least this many are close to a limit, all on one side of the mean. */
  readonly closeCount: number;
  /** Limits from fewer points than this are "trial limits" (NHSRplotthedots warns below 12). */
  readonly trialLimitPoints: number;
}

/** 3 / d2 with d2 = 1.128 for moving ranges of two: what qicharts2 uses instead of the rounded 2.66. */
export const QICHARTS2_LIMIT_CONSTANT = 3 / 1.128;

const MAKING_DATA_COUNT = {
  name: 'making_data_count',
  limitConstant: 2.66,
  closeFraction: 2 / 3,
  screeningConstant: 3.267,
  trendLength: 7,
  shiftLength: 7,
  closeWindow: 3,
  closeCount: 2,
  trialLimitPoints: 12,
} as const satisfies SpcRuleSet;

export const SPC_PRESETS = {
  /** NHS England's Excel tool and NHSRplotthedots: the default. */
  making_data_count: MAKING_DATA_COUNT,
  /** As Making Data Count, with the shorter trend a Power BI SPC visual uses by default. */
  trend_5: { ...MAKING_DATA_COUNT, name: 'trend_5', trendLength: 5 },
  /** As Making Data Count, with qicharts2's unrounded limit constant (its Anhøj run rules are not modelled). */
  qicharts2_limits: { ...MAKING_DATA_COUNT, name: 'qicharts2_limits', limitConstant: QICHARTS2_LIMIT_CONSTANT },
} as const satisfies Record<string, SpcRuleSet>;

export type SpcPresetName = keyof typeof SPC_PRESETS;
export const DEFAULT_SPC_RULES: SpcRuleSet = SPC_PRESETS.making_data_count;

export function isSpcPresetName(name: string): name is SpcPresetName {
  return Object.hasOwn(SPC_PRESETS, name);
}
