// How a flagged point, the latest state and a target read to a board: Making Data Count's icons.
import type { Side } from './spc-signals.ts';
import type { ImprovementDirection } from './spc-rules.ts';

export type PointType = 'common_cause' | 'improvement' | 'concern' | 'neutral';

export type VariationIcon =
  | 'common_cause'
  | 'special_cause_improving_high'
  | 'special_cause_improving_low'
  | 'special_cause_concerning_high'
  | 'special_cause_concerning_low'
  | 'special_cause_neutral_high'
  | 'special_cause_neutral_low';

export type AssuranceIcon = 'consistently_pass' | 'consistently_fail' | 'hit_and_miss' | 'none';

/** A flagged point is good news when it points the way of improvement. */
export function pointType(side: Side | null, improvement: ImprovementDirection): PointType {
  if (side === null) return 'common_cause';
  switch (improvement) {
    case 'neutral':
      return 'neutral';
    case 'increase':
      return side === 'high' ? 'improvement' : 'concern';
    case 'decrease':
      return side === 'low' ? 'improvement' : 'concern';
  }
}

/** The variation icon reflects the latest point only. */
export function variationIcon(
  latest: { side: Side | null } | undefined,
  improvement: ImprovementDirection,
): VariationIcon {
  const side = latest?.side ?? null;
  if (side === null) return 'common_cause';
  const type = pointType(side, improvement);
  switch (type) {
    case 'improvement':
      return side === 'high' ? 'special_cause_improving_high' : 'special_cause_improving_low';
    case 'concern':
      return side === 'high' ? 'special_cause_concerning_high' : 'special_cause_concerning_low';
    case 'neutral':
    case 'common_cause':
      return side === 'high' ? 'special_cause_neutral_high' : 'special_cause_neutral_low';
  }
}

/** Where the target sits against the (latest) process limits; comparisons are strict, as NHSRplotthedots'.
 *  Neutral measures have no pass direction, so no assurance (as NHSRplotthedots). */
export function assuranceIcon(
  target: number | null | undefined,
  limits: { lower: number | null; upper: number | null } | undefined,
  improvement: ImprovementDirection,
): AssuranceIcon {
  if (target === null || target === undefined || !limits || limits.lower === null || limits.upper === null)
    return 'none';
  const aboveUpper = target > limits.upper;
  const belowLower = target < limits.lower;
  switch (improvement) {
    case 'neutral':
      return 'none';
    case 'increase':
      return aboveUpper ? 'consistently_fail' : belowLower ? 'consistently_pass' : 'hit_and_miss';
    case 'decrease':
      return aboveUpper ? 'consistently_pass' : belowLower ? 'consistently_fail' : 'hit_and_miss';
  }
}
