import { describe, expect, it } from 'vitest';
import { analyseSpc } from './spc.ts';
import type { SpcInputPoint } from './spc.ts';
import { SPC_PRESETS, QICHARTS2_LIMIT_CONSTANT } from './spc-rules.ts';
import { addDays } from '../../shared/domain/london-time.ts';

/** Daily points from 2027-01-01. */
function series(values: number[], start = '2027-01-01'): SpcInputPoint[] {
  return values.map((value, i) => ({ date: addDays(start, i), value }));
}
// Twelve points alternating around 10: mean 10, mR̄ 2, limits 10 ± 5.32, close beyond 10 ± 3.5467.
const STABLE = [9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11];

describe('analyseSpc: limits', () => {
  it('puts limits at mean ± 2.66 mR̄ (worked example: 1,3,2,4,3 → mean 2.6, mR̄ 1.5)', () => {
    const [segment] = analyseSpc(series([1, 3, 2, 4, 3])).segments;
    expect(segment!.mean).toBeCloseTo(2.6, 12);
    expect(segment!.movingRangeMean).toBeCloseTo(1.5, 12);
    expect(segment!.upper).toBeCloseTo(2.6 + 2.66 * 1.5, 12);
    expect(segment!.lower).toBeCloseTo(2.6 - 2.66 * 1.5, 12);
    expect(segment!.nearUpper).toBeCloseTo(2.6 + (2 / 3) * 2.66 * 1.5, 12);
  });
  it('does not screen moving ranges by default (the Excel tool)', () => {
    const spike = [10, 12, 10, 12, 40, 12, 10, 12, 10];
    expect(analyseSpc(series(spike)).segments[0]!.movingRangeMean).toBeCloseTo(68 / 8, 12);
  });
  it('screens moving ranges ≥ 3.267 mR̄ once when asked (NHSRplotthedots default)', () => {
    const spike = [10, 12, 10, 12, 40, 12, 10, 12, 10];
    const [segment] = analyseSpc(series(spike), { screenOutliers: true }).segments;
    expect(segment!.screenedOut).toBe(2); // the two 28s; 3.267 × 8.5 = 27.8
    expect(segment!.movingRangeMean).toBe(2);
    expect(analyseSpc(series(spike), { screenOutliers: true }).points[4]!.rule).toBe('outside_limits');
  });
  it('computes limits from the baseline only when baselinePoints is set', () => {
    const values = [...STABLE, 20, 20, 20];
    const fixed = analyseSpc(series(values), { baselinePoints: 12 });
    expect(fixed.segments[0]!.mean).toBe(10);
    expect(fixed.points.slice(12).map((p) => p.rule)).toEqual(['outside_limits', 'outside_limits', 'outside_limits']);
  });
  it('uses the qicharts2 constant when that preset is chosen', () => {
    const mdc = analyseSpc(series(STABLE)).segments[0]!;
    const qic = analyseSpc(series(STABLE), { rules: SPC_PRESETS.qicharts2_limits }).segments[0]!;
    expect(qic.upper! - qic.mean).toBeCloseTo((mdc.upper! - mdc.mean) * (QICHARTS2_LIMIT_CONSTANT / 2.66), 12);
    expect(QICHARTS2_LIMIT_CONSTANT).toBeCloseTo(2.6596, 4);
  });
});

describe('analyseSpc: point types and icons', () => {
  const shiftUp = [...STABLE, 12, 12, 12, 12, 12, 12, 12];
  it('types a high shift as improvement when higher is better', () => {
    const result = analyseSpc(series(shiftUp), { improvement: 'increase', baselinePoints: 12 });
    expect(result.points.slice(12).map((p) => [p.rule, p.type])).toEqual(Array(7).fill(['shift', 'improvement']));
    expect(result.variation).toBe('special_cause_improving_high');
  });
  it('types a high shift as concern when lower is better', () => {
    const result = analyseSpc(series(shiftUp), { improvement: 'decrease', baselinePoints: 12 });
    expect(result.points.at(-1)!.type).toBe('concern');
    expect(result.variation).toBe('special_cause_concerning_high');
  });
  it('types a neutral measure neutral, high or low', () => {
    const result = analyseSpc(series([...STABLE, 8, 8, 8, 8, 8, 8, 8]), { baselinePoints: 12 });
    expect(result.points.at(-1)!.type).toBe('neutral');
    expect(result.variation).toBe('special_cause_neutral_low');
  });
  it('types a falling trend by its direction, not by its side of the mean', () => {
    // Falls from above the mean to below it; lower is better, so the trend is improvement throughout.
    const result = analyseSpc(series([...STABLE, 13, 12, 11, 10, 9, 8, 7]), {
      improvement: 'decrease',
      baselinePoints: 12,
    });
    expect(result.points.slice(12).map((p) => p.rule)).toEqual(Array(7).fill('trend'));
    expect(result.points.slice(12).every((p) => p.type === 'improvement')).toBe(true);
    expect(result.variation).toBe('special_cause_improving_low');
  });
  it('takes the variation icon from the latest point only', () => {
    const result = analyseSpc(series([...STABLE, 30, 10]), { improvement: 'increase', baselinePoints: 12 });
    expect(result.points[12]!.type).toBe('improvement');
    expect(result.variation).toBe('common_cause');
  });
  it('flags a 5-point trend with the trend_5 preset but not the default', () => {
    const values = [...STABLE, 9.5, 10, 10.5, 11, 11.5];
    expect(analyseSpc(series(values), { baselinePoints: 12 }).points.at(-1)!.rule).toBeNull();
    expect(analyseSpc(series(values), { baselinePoints: 12, rules: SPC_PRESETS.trend_5 }).points.at(-1)!.rule).toBe(
      'trend',
    );
  });
});

describe('analyseSpc: assurance', () => {
  // Limits 10 ± 5.32 → [4.68, 15.32].
  const cases = [
    ['increase', 16, 'consistently_fail'],
    ['increase', 4, 'consistently_pass'],
    ['increase', 12, 'hit_and_miss'],
    ['decrease', 16, 'consistently_pass'],
    ['decrease', 4, 'consistently_fail'],
    ['decrease', 10, 'hit_and_miss'],
    ['neutral', 16, 'none'],
  ] as const;
  for (const [improvement, target, expected] of cases) {
    it(`is ${expected} for target ${target} when ${improvement} is better`, () => {
      expect(analyseSpc(series(STABLE), { improvement, target }).assurance).toBe(expected);
    });
  }
  it('is none without a target', () => {
    expect(analyseSpc(series(STABLE), { improvement: 'increase' }).assurance).toBe('none');
  });
  it('is hit and miss for a target exactly on a limit (comparisons are strict)', () => {
    const upper = analyseSpc(series(STABLE)).segments[0]!.upper!;
    expect(analyseSpc(series(STABLE), { improvement: 'increase', target: upper }).assurance).toBe('hit_and_miss');
  });
  it('uses the latest segment after a rebase', () => {
    const values = [...STABLE, ...STABLE.map((v) => v + 100)];
    const result = analyseSpc(series(values), { improvement: 'increase', target: 50, rebaseDates: ['2027-01-13'] });
    expect(result.assurance).toBe('consistently_pass');
  });
});

describe('analyseSpc: rebasing and warnings', () => {
  it('gives each segment its own mean and limits', () => {
    const values = [...STABLE, ...STABLE.map((v) => v * 2)];
    const result = analyseSpc(series(values), { rebaseDates: ['2027-01-13'] });
    expect(result.segments.map((s) => [s.startDate, s.points, s.mean])).toEqual([
      ['2027-01-01', 12, 10],
      ['2027-01-13', 12, 20],
    ]);
    expect(result.points[12]!.segment).toBe(1);
    expect(result.points.every((p) => p.rule === null)).toBe(true);
  });
  it('never lets a run span segments', () => {
    // Four high points end segment one and four start segment two: eight in a row, but never seven in one segment.
    const values = [5, 15, 5, 15, 5, 15, 5, 15, 12, 12, 12, 12, 12, 12, 12, 12, 8, 8, 8, 8];
    const joined = analyseSpc(series(values));
    expect(joined.points.slice(8, 16).every((p) => p.rule === 'shift')).toBe(true);
    const rebased = analyseSpc(series(values), { rebaseDates: ['2027-01-13'] });
    expect(rebased.points.filter((p) => p.rule === 'shift')).toEqual([]);
  });
  it('starts a segment at the first point on or after a rebase date between points', () => {
    const monthly = STABLE.map((value, i) => ({ date: `2027-${String(i + 1).padStart(2, '0')}-01`, value }));
    expect(analyseSpc(monthly, { rebaseDates: ['2027-06-15'] }).segments.map((s) => s.startDate)).toEqual([
      '2027-01-01',
      '2027-07-01',
    ]);
  });
  it('warns of trial limits below 12 points, and the threshold is a parameter', () => {
    expect(analyseSpc(series(STABLE.slice(0, 11))).warnings.map((w) => w.code)).toEqual(['trial_limits']);
    expect(analyseSpc(series(STABLE)).warnings).toEqual([]);
    const strict = { ...SPC_PRESETS.making_data_count, trialLimitPoints: 20 };
    expect(analyseSpc(series(STABLE), { rules: strict }).segments[0]!.trialLimits).toBe(true);
  });
  it('warns per short segment after a rebase', () => {
    const result = analyseSpc(series([...STABLE, 1, 2, 3]), { rebaseDates: ['2027-01-13'] });
    expect(result.warnings).toMatchObject([{ code: 'trial_limits', segment: 1 }]);
  });
  it('warns about a rebase date that changes nothing', () => {
    expect(analyseSpc(series(STABLE), { rebaseDates: ['2026-01-01'] }).warnings.map((w) => w.code)).toEqual([
      'rebase_outside_series',
    ]);
  });
  it('charts a single point without limits or signals', () => {
    const result = analyseSpc(series([5]));
    expect(result.points[0]).toMatchObject({ mean: 5, lower: null, upper: null, rule: null, type: 'common_cause' });
    expect(result.warnings.map((w) => w.code)).toEqual(['no_limits']);
  });
  it('returns an empty chart for no points', () => {
    expect(analyseSpc([])).toMatchObject({ points: [], segments: [], variation: 'common_cause', assurance: 'none' });
  });
  it('charts a flat line with zero-width limits and no signals', () => {
    const result = analyseSpc(series(Array(15).fill(4)), { screenOutliers: true });
    expect(result.points.every((p) => p.lower === 4 && p.upper === 4 && p.rule === null)).toBe(true);
  });
  it('sorts points by date', () => {
    const result = analyseSpc([
      { date: '2027-01-02', value: 2 },
      { date: '2027-01-01', value: 1 },
    ]);
    expect(result.points.map((p) => p.value)).toEqual([1, 2]);
  });
  it('warns about repeated dates', () => {
    const result = analyseSpc([
      { date: '2027-01-01', value: 1 },
      { date: '2027-01-01', value: 2 },
    ]);
    expect(result.warnings.map((w) => w.code)).toContain('duplicate_date');
  });
  it('rejects non-finite values and a bad baseline', () => {
    expect(() => analyseSpc(series([1, Number.NaN]))).toThrow(RangeError);
    expect(() => analyseSpc(series([1, 2]), { baselinePoints: 0 })).toThrow(RangeError);
  });
});
