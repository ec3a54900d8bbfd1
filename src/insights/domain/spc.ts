// Statistical process control, the NHS way: an XmR chart with Making Data Count's rules, icons and rebasing.
// Pure: takes the series and options, returns every point's limits and verdict.
import type { LocalDate } from '../../shared/domain/london-time.ts';
import { processLimits } from './spc-limits.ts';
import type { ProcessLimits } from './spc-limits.ts';
import { DEFAULT_SPC_RULES } from './spc-rules.ts';
import type { ImprovementDirection, SpcRule, SpcRuleSet } from './spc-rules.ts';
import { detectSignals } from './spc-signals.ts';
import type { Side } from './spc-signals.ts';
import { assuranceIcon, pointType, variationIcon } from './spc-icons.ts';
import type { AssuranceIcon, PointType, VariationIcon } from './spc-icons.ts';

export interface SpcInputPoint {
  date: LocalDate;
  value: number;
}

export interface SpcOptions {
  /** Default neutral. */
  improvement?: ImprovementDirection;
  target?: number | null;
  /** Each date starts a new segment at the first point on or after it. */
  rebaseDates?: readonly LocalDate[];
  /** Default false, as the Making Data Count Excel tool. */
  screenOutliers?: boolean;
  /** Compute each segment's limits from its first n points only (NHSRplotthedots' fix_after_n_points). */
  baselinePoints?: number;
  rules?: SpcRuleSet;
}

export interface SpcPoint {
  date: LocalDate;
  value: number;
  segment: number;
  mean: number;
  lower: number | null;
  upper: number | null;
  nearLower: number | null;
  nearUpper: number | null;
  rule: SpcRule | null;
  type: PointType;
  /** Direction of the signal (side of the mean, or of a trend); null for common cause. */
  side: Side | null;
}

export interface SpcSegment extends ProcessLimits {
  index: number;
  startDate: LocalDate;
  endDate: LocalDate;
  points: number;
  trialLimits: boolean;
}

export type SpcWarningCode = 'trial_limits' | 'no_limits' | 'rebase_outside_series' | 'duplicate_date';

export interface SpcWarning {
  code: SpcWarningCode;
  message: string;
  segment?: number;
}

export interface SpcResult {
  rules: string;
  improvement: ImprovementDirection;
  target: number | null;
  points: SpcPoint[];
  segments: SpcSegment[];
  variation: VariationIcon;
  assurance: AssuranceIcon;
  warnings: SpcWarning[];
}

function checkOptions(series: readonly SpcInputPoint[], options: SpcOptions, rules: SpcRuleSet): void {
  for (const p of series)
    if (!Number.isFinite(p.value)) throw new RangeError(`SPC value on ${p.date} is not a finite number`);
  const { baselinePoints } = options;
  if (baselinePoints !== undefined && !(Number.isInteger(baselinePoints) && baselinePoints >= 1)) {
    throw new RangeError('baselinePoints must be a positive integer');
  }
  for (const n of [rules.trendLength, rules.shiftLength, rules.closeWindow, rules.closeCount]) {
    if (!(Number.isInteger(n) && n >= 1))
      throw new RangeError(`rule set ${rules.name}: run lengths must be positive integers`);
  }
}

/** Split date-ordered points into segments at the rebase dates. */
function segmentStarts(
  series: readonly SpcInputPoint[],
  rebaseDates: readonly LocalDate[],
  warnings: SpcWarning[],
): number[] {
  const starts = new Set<number>([0]);
  for (const date of [...rebaseDates].sort()) {
    const index = series.findIndex((p) => p.date >= date);
    if (index <= 0) {
      warnings.push({
        code: 'rebase_outside_series',
        message: `rebase date ${date} is not after the first point, so it changes nothing`,
      });
      continue;
    }
    starts.add(index);
  }
  return [...starts].sort((a, b) => a - b);
}

function duplicateDateWarnings(series: readonly SpcInputPoint[]): SpcWarning[] {
  const warnings: SpcWarning[] = [];
  for (let i = 1; i < series.length; i++) {
    if (series[i]!.date === series[i - 1]!.date) {
      warnings.push({
        code: 'duplicate_date',
        message: `more than one value for ${series[i]!.date}: charted in input order`,
      });
    }
  }
  return warnings;
}

function analyseSegment(
  slice: readonly SpcInputPoint[],
  index: number,
  options: SpcOptions,
  rules: SpcRuleSet,
  improvement: ImprovementDirection,
): { segment: SpcSegment; points: SpcPoint[] } {
  const values = slice.map((p) => p.value);
  const baseline = values.slice(0, options.baselinePoints ?? values.length);
  const limits = processLimits(baseline, { rules, screenOutliers: options.screenOutliers ?? false });
  const signals = detectSignals(values, limits, rules);
  const points = slice.map((p, i): SpcPoint => {
    const { rule, side } = signals[i]!;
    const { mean, lower, upper, nearLower, nearUpper } = limits;
    return {
      date: p.date,
      value: p.value,
      segment: index,
      mean,
      lower,
      upper,
      nearLower,
      nearUpper,
      rule,
      type: pointType(side, improvement),
      side,
    };
  });
  const segment: SpcSegment = {
    index,
    startDate: slice[0]!.date,
    endDate: slice[slice.length - 1]!.date,
    points: slice.length,
    trialLimits: limits.baselinePoints < rules.trialLimitPoints,
    ...limits,
  };
  return { segment, points };
}

function segmentWarnings(segment: SpcSegment, rules: SpcRuleSet): SpcWarning[] {
  if (segment.movingRangeMean === null) {
    return [
      {
        code: 'no_limits',
        segment: segment.index,
        message: `segment from ${segment.startDate} has one point: no limits, no signals`,
      },
    ];
  }
  if (!segment.trialLimits) return [];
  return [
    {
      code: 'trial_limits',
      segment: segment.index,
      message: `limits for the segment from ${segment.startDate} come from ${segment.baselinePoints} points (fewer than ${rules.trialLimitPoints}): treat them as trial limits`,
    },
  ];
}

/** Analyse a series: points are charted in date order (stable for equal dates). */
export function analyseSpc(input: readonly SpcInputPoint[], options: SpcOptions = {}): SpcResult {
  const rules = options.rules ?? DEFAULT_SPC_RULES;
  const improvement = options.improvement ?? 'neutral';
  const target = options.target ?? null;
  checkOptions(input, options, rules);
  const series = [...input].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const warnings = duplicateDateWarnings(series);
  if (series.length === 0) {
    return {
      rules: rules.name,
      improvement,
      target,
      points: [],
      segments: [],
      variation: 'common_cause',
      assurance: 'none',
      warnings,
    };
  }
  const starts = segmentStarts(series, options.rebaseDates ?? [], warnings);
  const points: SpcPoint[] = [];
  const segments: SpcSegment[] = [];
  starts.forEach((start, index) => {
    const analysed = analyseSegment(
      series.slice(start, starts[index + 1] ?? series.length),
      index,
      options,
      rules,
      improvement,
    );
    points.push(...analysed.points);
    segments.push(analysed.segment);
    warnings.push(...segmentWarnings(analysed.segment, rules));
  });
  return {
    rules: rules.name,
    improvement,
    target,
    points,
    segments,
    variation: variationIcon(points[points.length - 1], improvement),
    assurance: assuranceIcon(target, segments[segments.length - 1], improvement),
    warnings,
  };
}
