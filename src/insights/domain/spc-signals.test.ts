import { describe, expect, it } from 'vitest';
import { closeToLimitFlags, detectSignals, outsideLimitFlags, shiftFlags, trendFlags } from './spc-signals.ts';
import type { SignalLimits } from './spc-signals.ts';
import { SPC_PRESETS } from './spc-rules.ts';

const MDC = SPC_PRESETS.making_data_count;
// Mean 0, limits ±3, "close" beyond ±2: round numbers so each case reads at a glance.
const LIMITS: SignalLimits = { mean: 0, lower: -3, upper: 3, nearLower: -2, nearUpper: 2 };
const WIDE: SignalLimits = { mean: 0, lower: -100, upper: 100, nearLower: -66, nearUpper: 66 };
const rulesOf = (values: number[], limits = LIMITS) => detectSignals(values, limits, MDC).map((s) => s.rule);

describe('rule 1, outside the limits', () => {
  it('is strict: a point exactly on a limit is not outside', () => {
    expect(outsideLimitFlags([3, -3, 3.0001, -3.0001], LIMITS)).toEqual([null, null, 'high', 'low']);
  });
  it('raises nothing when a one-point segment has no limits', () => {
    expect(outsideLimitFlags([5], { mean: 5, lower: null, upper: null, nearLower: null, nearUpper: null })).toEqual([
      null,
    ]);
  });
});

describe('rule 2, a trend of 7', () => {
  it('flags all seven points of a strictly rising run, even across the mean', () => {
    expect(trendFlags([-3, -2, -1, 0, 1, 2, 3], 7)).toEqual(Array(7).fill('high'));
  });
  it('needs seven: six rising points are not a trend', () => {
    expect(trendFlags([1, 2, 3, 4, 5, 6], 7)).toEqual(Array(6).fill(null));
  });
  it('is broken by a tie (NHSRplotthedots test: ptd_seven_point_trend(c(1:3, 3:6)) is all 0)', () => {
    expect(trendFlags([1, 2, 3, 3, 4, 5, 6], 7)).toEqual(Array(7).fill(null));
  });
  it('flags a falling run as low (NHSRplotthedots test: 7:1)', () => {
    expect(trendFlags([7, 6, 5, 4, 3, 2, 1], 7)).toEqual(Array(7).fill('low'));
  });
  it('finds the run inside other points (NHSRplotthedots test: c(2, 1:7, 3))', () => {
    expect(trendFlags([2, 1, 2, 3, 4, 5, 6, 7, 3], 7)).toEqual([null, ...Array(7).fill('high'), null]);
  });
  it('gives the peak of a rise then fall to the earlier run', () => {
    const flags = trendFlags([1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1], 7);
    expect(flags).toEqual([...Array(7).fill('high'), ...Array(6).fill('low')]);
  });
  it('takes precedence over a shift on the same points', () => {
    expect(rulesOf([1, 2, 3, 4, 5, 6, 7].map((v) => v / 10))).toEqual(Array(7).fill('trend'));
  });
});

describe('rule 3, two of three close to a limit', () => {
  it('flags only the close points, not the third', () => {
    expect(closeToLimitFlags([2.5, 0.5, 2.5], LIMITS, 3, 2)).toEqual(['high', null, 'high']);
  });
  it('needs all three on one side of the mean', () => {
    expect(closeToLimitFlags([2.5, -0.5, 2.5], LIMITS, 3, 2)).toEqual([null, null, null]);
  });
  it('treats a point on the mean as on neither side', () => {
    expect(closeToLimitFlags([2.5, 0, 2.5], LIMITS, 3, 2)).toEqual([null, null, null]);
  });
  it('does not count a point beyond the limit as close; that point is rule 1', () => {
    expect(rulesOf([2.5, 3.5, 1])).toEqual([null, 'outside_limits', null]);
    expect(rulesOf([2.5, 2.5, 3.5])).toEqual(['two_of_three', 'two_of_three', 'outside_limits']);
  });
  it('counts a point exactly on the near limit as not close', () => {
    expect(closeToLimitFlags([2, 2.5, 1], LIMITS, 3, 2)).toEqual([null, null, null]);
  });
  it('is low below the mean', () => {
    expect(closeToLimitFlags([-2.5, -1, -2.9], LIMITS, 3, 2)).toEqual(['low', null, 'low']);
  });
  it('ignores two close points on opposite sides of the mean', () => {
    expect(closeToLimitFlags([1, -1, 2.5, -2.5], LIMITS, 3, 2)).toEqual([null, null, null, null]);
  });
});

describe('rule 4, a shift of 7', () => {
  it('flags all seven points on one side', () => {
    expect(shiftFlags(Array(7).fill(0.5), 0, 7)).toEqual(Array(7).fill('high'));
  });
  it('needs seven (NHSRplotthedots test: rep(1, 6) and c(rep(1, 6), -1) are all 0)', () => {
    expect(shiftFlags(Array(6).fill(1), 0, 7)).toEqual(Array(6).fill(null));
    expect(shiftFlags([...Array(6).fill(1), -1], 0, 7)).toEqual(Array(7).fill(null));
  });
  it('flags every point of a longer run (NHSRplotthedots test: c(rep(1, 8), -1) and c(rep(-1, 8), 1))', () => {
    expect(shiftFlags([...Array(8).fill(1), -1], 0, 7)).toEqual([...Array(8).fill('high'), null]);
    expect(shiftFlags([...Array(8).fill(-1), 1], 0, 7)).toEqual([...Array(8).fill('low'), null]);
  });
  it('is broken by a point exactly on the mean', () => {
    expect(shiftFlags([1, 1, 1, 0, 1, 1, 1, 1], 0, 7)).toEqual(Array(8).fill(null));
  });
  it('ranks below the other rules', () => {
    // Seven above the mean; the fifth is beyond the upper limit, the last two close to it.
    expect(rulesOf([1, 0.5, 1, 0.5, 4, 2.5, 2.6])).toEqual([
      'shift',
      'shift',
      'shift',
      'shift',
      'outside_limits',
      'two_of_three',
      'two_of_three',
    ]);
  });
});

describe('precedence', () => {
  it('gives a point in both a trend and two-of-three the trend', () => {
    const values = [-1, -0.5, 0, 0.5, 1, 2.2, 2.4];
    expect(rulesOf(values)).toEqual(Array(7).fill('trend'));
  });
  it('reports common cause for unremarkable data', () => {
    expect(rulesOf([1, -1, 1, -1], WIDE)).toEqual([null, null, null, null]);
  });
});
