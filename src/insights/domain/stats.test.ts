import { describe, expect, it } from 'vitest';
import { distribution, histogram, median, quantile, ratePer, ratePer1000 } from './stats.ts';

describe('rates', () => {
  it('gives a rate per 1,000 with its count and denominator', () => {
    expect(ratePer1000(45, 12000)).toEqual({ count: 45, denominator: 12000, rate: 3.75, per: 1000 });
  });
  it('returns no rate for an empty denominator and rejects negatives', () => {
    expect(ratePer(3, 0, 100).rate).toBeNull();
    expect(() => ratePer1000(-1, 10)).toThrow(RangeError);
  });
});

describe('median and quantiles (R type 7)', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
  it('matches R: quantile(c(1, 2, 3, 4, 10), c(0.25, 0.9)) = 2, 7.6', () => {
    expect(quantile([1, 2, 3, 4, 10], 0.25)).toBe(2);
    expect(quantile([1, 2, 3, 4, 10], 0.9)).toBeCloseTo(7.6, 12);
  });
  it('summarises a distribution', () => {
    expect(distribution([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({
      n: 8,
      min: 2,
      q1: 4,
      median: 4.5,
      q3: 5.5,
      max: 9,
      mean: 5,
    });
    expect(distribution([])).toBeNull();
  });
  it('counts values into half-open bins, the last closed', () => {
    expect(histogram([0, 1, 1.5, 2, 3, 4], [0, 1, 2, 3])).toEqual([
      { from: 0, to: 1, count: 1 },
      { from: 1, to: 2, count: 2 },
      { from: 2, to: 3, count: 2 },
    ]);
  });
});
