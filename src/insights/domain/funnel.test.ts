import { describe, expect, it } from 'vitest';
import { funnelLimits, funnelPlot } from './funnel.ts';

describe('funnelLimits', () => {
  it('is p0 ± z·√(p0(1−p0)/n): p0 = 0.2, n = 100 → SE 0.04', () => {
    const limits = funnelLimits(0.2, 100);
    expect(limits.lower95).toBeCloseTo(0.2 - 1.959964 * 0.04, 6);
    expect(limits.upper95).toBeCloseTo(0.2 + 1.959964 * 0.04, 6);
    expect(limits.lower998).toBeCloseTo(0.2 - 3.090232 * 0.04, 6);
    expect(limits.upper998).toBeCloseTo(0.2 + 3.090232 * 0.04, 6);
  });
  it('narrows as the denominator grows and stays within 0…1', () => {
    expect(funnelLimits(0.2, 400).upper95 - 0.2).toBeCloseTo((funnelLimits(0.2, 100).upper95 - 0.2) / 2, 12);
    expect(funnelLimits(0.02, 10).lower998).toBe(0);
  });
});

describe('funnelPlot', () => {
  it('compares practices with the pooled proportion', () => {
    const { target, units } = funnelPlot([
      { id: 'A', numerator: 20, denominator: 100 },
      { id: 'B', numerator: 45, denominator: 100 },
      { id: 'C', numerator: 135, denominator: 800 },
      { id: 'D', numerator: 0, denominator: 0 },
    ]);
    expect(target).toBe(200 / 1000);
    expect(units.map((u) => [u.id, u.position])).toEqual([
      ['A', 'within'],
      ['B', 'above_998'], // 0.45 > 0.2 + 3.09 × 0.04 = 0.324
      ['C', 'below_95'], // 0.169 < 0.2 − 1.96 × 0.01414 = 0.1723, but > 0.2 − 3.09 × 0.01414 = 0.1563
    ]);
  });
  it('uses a given target instead', () => {
    expect(funnelPlot([{ id: 'A', numerator: 20, denominator: 100 }], 0.3).units[0]!.position).toBe('below_95');
  });
});
