// XmR (individuals) chart limits, as the Making Data Count tool and NHSRplotthedots compute them.
import type { SpcRuleSet } from './spc-rules.ts';

export interface ProcessLimits {
  /** Points the limits were computed from (the baseline). */
  baselinePoints: number;
  mean: number;
  /** Mean moving range after any screening; null with fewer than two baseline points. */
  movingRangeMean: number | null;
  /** Moving ranges dropped by screening. */
  screenedOut: number;
  lower: number | null;
  upper: number | null;
  /** Inside these, a point is not "close to a limit". */
  nearLower: number | null;
  nearUpper: number | null;
}

export interface LimitOptions {
  rules: Pick<SpcRuleSet, 'limitConstant' | 'closeFraction' | 'screeningConstant'>;
  /** Drop outlying moving ranges before the final mR̄ (NHSRplotthedots' default; the Excel tool does not). */
  screenOutliers: boolean;
}

/** |y[i] − y[i−1]| for each consecutive pair. */
export function movingRanges(values: readonly number[]): number[] {
  const ranges: number[] = [];
  for (let i = 1; i < values.length; i++) ranges.push(Math.abs(values[i]! - values[i - 1]!));
  return ranges;
}

export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Limits from baseline values (at least one). */
export function processLimits(baseline: readonly number[], options: LimitOptions): ProcessLimits {
  if (baseline.length === 0) throw new RangeError('process limits need at least one value');
  const centre = mean(baseline);
  const ranges = movingRanges(baseline);
  if (ranges.length === 0) {
    return {
      baselinePoints: baseline.length,
      mean: centre,
      movingRangeMean: null,
      screenedOut: 0,
      lower: null,
      upper: null,
      nearLower: null,
      nearUpper: null,
    };
  }
  let mrBar = mean(ranges);
  let screenedOut = 0;
  // With mR̄ = 0 every range would be "≥ 3.267 × 0": nothing can be an outlier of a flat line.
  if (options.screenOutliers && mrBar > 0) {
    const kept = ranges.filter((r) => r < options.rules.screeningConstant * mrBar);
    screenedOut = ranges.length - kept.length;
    mrBar = mean(kept);
  }
  const reach = options.rules.limitConstant * mrBar;
  const nearReach = options.rules.closeFraction * reach;
  return {
    baselinePoints: baseline.length,
    mean: centre,
    movingRangeMean: mrBar,
    screenedOut,
    lower: centre - reach,
    upper: centre + reach,
    nearLower: centre - nearReach,
    nearUpper: centre + nearReach,
  };
}
