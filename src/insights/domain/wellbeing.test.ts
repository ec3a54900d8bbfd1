import { describe, expect, it } from 'vitest';
import { ons4Band, swemwbsChange, swemwbsMetric, swemwbsRaw } from './wellbeing.ts';

describe('ONS4 bands', () => {
  it('bands life satisfaction, worthwhile and happiness 0–4 low, 5–6 medium, 7–8 high, 9–10 very high', () => {
    expect([0, 4, 5, 6, 7, 8, 9, 10].map((s) => ons4Band('happiness', s))).toEqual([
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'very_high',
      'very_high',
    ]);
    expect(ons4Band('worthwhile', 7)).toBe('high');
  });
  it('bands anxiety the other way: 0–1 very low, 2–3 low, 4–5 medium, 6–10 high', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((s) => ons4Band('anxiety', s))).toEqual([
      'very_low',
      'very_low',
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
    ]);
  });
  it('rejects scores outside 0–10 or not whole', () => {
    expect(() => ons4Band('anxiety', 11)).toThrow(RangeError);
    expect(() => ons4Band('happiness', 6.5)).toThrow(RangeError);
  });
});

describe('SWEMWBS', () => {
  it('converts raw to metric with the published table, ends and middle', () => {
    expect([7, 8, 21, 28, 34, 35].map(swemwbsMetric)).toEqual([7, 9.51, 19.25, 25.03, 32.55, 35]);
  });
  it('sums seven items scored 1–5', () => {
    expect(swemwbsRaw([3, 3, 3, 3, 3, 3, 3])).toBe(21);
    expect(() => swemwbsRaw([3, 3, 3])).toThrow(RangeError);
    expect(() => swemwbsRaw([0, 3, 3, 3, 3, 3, 3])).toThrow(RangeError);
    expect(() => swemwbsMetric(36)).toThrow(RangeError);
  });
  it('calls a change of 3 metric points or more meaningful', () => {
    expect(swemwbsChange(21, 25)).toEqual({ before: 19.25, after: 22.35, change: 3.1, verdict: 'improved' });
    expect(swemwbsChange(21, 24)).toMatchObject({ change: 2.29, verdict: 'no_meaningful_change' });
    expect(swemwbsChange(30, 26).verdict).toBe('worsened');
  });
});
