// Published expected outputs from NHSRplotthedots (github.com/nhs-r-community/NHSRplotthedots, tests/testthat),
// reproduced by our SPC. The ae_all series are NHSRdatasets::ae_attendances summed by month, decoded from the
// serialised data frames in tests/testthat/_snaps/integration_tests.md (inputs and expected outputs alike).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseSpc } from './domain/spc.ts';
import type { SpcInputPoint } from './domain/spc.ts';
import { parseSpcCsv } from './domain/spc-csv.ts';
import { SPC_PRESETS } from './domain/spc-rules.ts';
import { addDays } from '../shared/domain/london-time.ts';

function fixture(name: string): SpcInputPoint[] {
  const parsed = parseSpcCsv(readFileSync(new URL(`../../test/fixtures/insights/${name}`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.points;
}

/** Relative agreement to 12 significant figures: R's mean() accumulates in long double, so the last bit can differ. */
function expectClose(actual: number | null, expected: number): void {
  expect(Math.abs((actual ?? Number.NaN) - expected) / Math.abs(expected)).toBeLessThan(1e-12);
}

const TYPE_LETTER = { common_cause: 'c', improvement: 'I', concern: 'C', neutral: 'N' } as const;

describe('NHSRplotthedots integration_tests.md: "ae_all attendances spc returns expected values"', () => {
  it('matches the mean and limits (screen_outliers = TRUE, the package default) and finds only common cause', () => {
    const result = analyseSpc(fixture('nhsrplotthedots-ae-all-attendances.csv'), {
      improvement: 'increase',
      screenOutliers: true,
    });
    expectClose(result.segments[0]!.mean, 2000538.9444444445);
    expectClose(result.segments[0]!.lower, 1731844.3644444444);
    expectClose(result.segments[0]!.upper, 2269233.5244444446);
    expect(result.points.every((p) => p.type === 'common_cause')).toBe(true);
  });
});

describe('NHSRplotthedots integration_tests.md: "ae_all attendances spc with rebase returns expected values"', () => {
  it("matches both segments' means and limits with a rebase at 2017-04-01", () => {
    const result = analyseSpc(fixture('nhsrplotthedots-ae-all-attendances.csv'), {
      improvement: 'increase',
      screenOutliers: true,
      rebaseDates: ['2017-04-01'],
    });
    const [first, second] = result.segments;
    expect([first!.points, second!.points]).toEqual([12, 24]);
    expectClose(first!.mean, 1946858.4166666667);
    expectClose(first!.lower, 1639947.374848485);
    expectClose(first!.upper, 2253769.4584848485);
    expectClose(second!.mean, 2027379.2083333333);
    expectClose(second!.lower, 1772921.0639855072);
    expectClose(second!.upper, 2281837.3526811595);
    expect(result.points.every((p) => p.type === 'common_cause')).toBe(true);
  });
});

describe('NHSRplotthedots integration_tests.md: "ae_all performance spc returns expected values"', () => {
  const performance = () => fixture('nhsrplotthedots-ae-all-performance.csv');
  const options = { improvement: 'increase', screenOutliers: true, baselinePoints: 12 } as const;

  it('matches the limits fixed after 12 points', () => {
    const [segment] = analyseSpc(performance(), options).segments;
    expectClose(segment!.mean, 0.8908915564349236);
    expectClose(segment!.lower, 0.8614049789074258);
    expectClose(segment!.upper, 0.9203781339624213);
  });

  it('matches all 36 point types (special_cause_improvement / _concern / common_cause)', () => {
    const types = analyseSpc(performance(), options)
      .points.map((p) => TYPE_LETTER[p.type])
      .join('');
    expect(types).toBe('cccccccccCcIIIIIIIIcCCCCcccccCCCCCCC');
  });

  it('names the rule behind each signal (our addition; the package reports only a flag)', () => {
    const rules = analyseSpc(performance(), options).points.map((p) => p.rule);
    expect(rules[9]).toBe('outside_limits'); // 2017-01
    expect(rules.slice(11, 19)).toEqual(Array(8).fill('shift')); // 2017-03 … 2017-10, eight above the mean
    expect(rules.slice(29, 36)).toEqual([
      'shift',
      'shift',
      'shift',
      'shift',
      'outside_limits',
      'outside_limits',
      'shift',
    ]);
  });

  it('puts a 5-point fall under trend, below rule 1, with the trend_5 preset', () => {
    const rules = analyseSpc(performance(), { ...options, rules: SPC_PRESETS.trend_5 }).points.map((p) => p.rule);
    // 2018-10 … 2019-02 fall five times in a row; the last two are also beyond the lower limit.
    expect(rules.slice(30, 35)).toEqual(['trend', 'trend', 'trend', 'outside_limits', 'outside_limits']);
  });

  it('ends concerning low, as the last point is a low concern', () => {
    expect(analyseSpc(performance(), options).variation).toBe('special_cause_concerning_low');
  });
});

// set.seed(123); rnorm(20), as printed by R (8 decimal places), dated 2020-01-02 onwards (test-ptd_spc.R).
const RNORM_SEED_123 = [
  -0.56047565, -0.23017749, 1.55870831, 0.07050839, 0.12928774, 1.71506499, 0.46091621, -1.26506123, -0.68685285,
  -0.44566197, 1.2240818, 0.35981383, 0.40077145, 0.11068272, -0.55584113, 1.78691314, 0.49785048, -1.96661716,
  0.7013559, -0.47279141,
];
const rnormSeries = (values = RNORM_SEED_123) => values.map((value, i) => ({ date: addDays('2020-01-02', i), value }));

describe('NHSRplotthedots _snaps/ptd_spc.md and _snaps/ptd_spc_standard.md (set.seed(123) rnorm(20))', () => {
  it('summary: mean 0.142, lpl -3.01, upl 3.29, all 20 common cause', () => {
    const result = analyseSpc(rnormSeries(), { improvement: 'increase', screenOutliers: true });
    const [s] = result.segments;
    expect([s!.mean.toPrecision(3), s!.lower!.toPrecision(3), s!.upper!.toPrecision(3)]).toEqual([
      '0.142',
      '-3.01',
      '3.29',
    ]);
    expect(result.points.filter((p) => p.type === 'common_cause')).toHaveLength(20);
  });

  it('facets of 10 (as separate segments): 0.0746/-2.60/2.75 and 0.209/-3.28/3.70', () => {
    const result = analyseSpc(rnormSeries(), {
      improvement: 'increase',
      screenOutliers: true,
      rebaseDates: ['2020-01-12'],
    });
    const summary = result.segments.map((s) => [
      s.mean.toPrecision(3),
      s.lower!.toPrecision(3),
      s.upper!.toPrecision(3),
    ]);
    expect(summary).toEqual([
      ['0.0746', '-2.60', '2.75'],
      ['0.209', '-3.28', '3.70'],
    ]);
  });

  it('test-ptd_spc_standard.R "it returns expected values": screening changes the limits and narrows them', () => {
    const spiked = [...RNORM_SEED_123];
    spiked[14] = 10; // data$y[15] <- 10
    const r1 = analyseSpc(rnormSeries(), { screenOutliers: true }).segments[0]!;
    const r2 = analyseSpc(rnormSeries(spiked), { screenOutliers: true }).segments[0]!;
    const r3 = analyseSpc(rnormSeries(spiked), { screenOutliers: false }).segments[0]!;
    expect(new Set([r1.lower, r2.lower, r3.lower]).size).toBe(3);
    expect(new Set([r1.upper, r2.upper, r3.upper]).size).toBe(3);
    expect(r3.upper! - r3.lower!).toBeGreaterThan(r2.upper! - r2.lower!);
  });
});

describe('NHSRplotthedots test-ptd_spc_standard.R: "only reports special cause for 2 of 3 points close to limits when they are on the same side of the mean"', () => {
  it('leaves two close points on opposite sides as common cause', () => {
    const values = Array.from({ length: 16 }, (_, i): number => (i % 2 === 0 ? 1 : -1));
    values[14] = 5.5;
    values[15] = -5.5;
    const result = analyseSpc(
      values.map((value, i) => ({ date: addDays('2020-01-02', i), value })),
      {
        improvement: 'increase',
        screenOutliers: true,
      },
    );
    const [s] = result.segments;
    // Both points really are close to a limit, so the rule, not the limits, is what keeps them common cause.
    expect(5.5).toBeGreaterThan(s!.nearUpper!);
    expect(5.5).toBeLessThanOrEqual(s!.upper!);
    expect(result.points.slice(-2).map((p) => p.type)).toEqual(['common_cause', 'common_cause']);
  });
});
