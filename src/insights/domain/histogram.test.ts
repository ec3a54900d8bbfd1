import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gpadBands, medianOfHistogram, mergeHistograms, quantileOfHistogram, summariseHistogram } from './histogram.ts';
import { quantile } from './stats.ts';

describe('histograms of whole values', () => {
  it('gives the median stats.quantile would give on the listed values (even count averages the middle two)', () => {
    expect(medianOfHistogram([{ value: 0, count: 2 }, { value: 3, count: 2 }])).toBe(1.5);
    expect(medianOfHistogram([{ value: 5, count: 1 }])).toBe(5);
    expect(medianOfHistogram([])).toBeNull();
  });

  it('agrees with quantile() on any list (property)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), (values, p) => {
      const bins = mergeHistograms(values.map((v) => ({ value: v, count: 1 })));
      expect(quantileOfHistogram(bins, p)).toBeCloseTo(quantile(values, p)!, 9);
    }));
  });

  it('merges bins by value and drops empty ones', () => {
    expect(mergeHistograms([{ value: 2, count: 1 }, { value: 0, count: 0 }], [{ value: 2, count: 3 }, { value: 1, count: 1 }]))
      .toEqual([{ value: 1, count: 1 }, { value: 2, count: 4 }]);
  });

  it('folds days into the GPAD bands at their edges (1, 7/8, 28/29)', () => {
    const bands = gpadBands([0, 1, 2, 7, 8, 14, 15, 21, 22, 28, 29].map((value) => ({ value, count: 1 })));
    expect(bands.map((b) => b.count)).toEqual([1, 1, 2, 2, 2, 2, 1]);
  });

  it('summarises with quartiles and a mean', () => {
    expect(summariseHistogram([{ value: 1, count: 1 }, { value: 2, count: 1 }, { value: 3, count: 1 }, { value: 10, count: 1 }]))
      .toEqual({ n: 4, median: 2.5, q1: 1.75, q3: 4.75, mean: 4 });
  });
});
