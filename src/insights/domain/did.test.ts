import { describe, expect, it } from 'vitest';
import { differenceInDifferences } from './did.ts';
import type { PanelObservation } from './did.ts';
import { studentTQuantile } from './student-t.ts';

describe('studentTQuantile', () => {
  it('matches published t tables (qt in R)', () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706205, 5);
    expect(studentTQuantile(0.975, 3)).toBeCloseTo(3.182446, 5);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228139, 5);
    expect(studentTQuantile(0.995, 30)).toBeCloseTo(2.749996, 5);
    expect(studentTQuantile(0.975, 1e7)).toBeCloseTo(1.959964, 5);
    expect(studentTQuantile(0.025, 3)).toBeCloseTo(-3.182446, 5);
  });
});

/** Two periods; treated practices T1, T2 rise by 3 and 5, comparison C1, C2 by 1 each. */
const HAND: PanelObservation[] = [
  ['T1', 10, 13, true],
  ['T2', 20, 25, true],
  ['C1', 10, 11, false],
  ['C2', 30, 31, false],
].flatMap(([unit, pre, post, treated]) => [
  { unit: unit as string, period: 1, outcome: pre as number, treated: treated as boolean },
  { unit: unit as string, period: 2, outcome: post as number, treated: treated as boolean },
]);

describe('differenceInDifferences', () => {
  it('reproduces a hand-computed 2 × 2 example', () => {
    // δ = mean treated change − mean comparison change = (3 + 5)/2 − (1 + 1)/2 = 3.
    // Residuals (first differences): T1 −1, T2 +1, C 0 → in levels ±0.5; D̃ = ±0.25 on all 8 rows, ΣD̃² = 0.5.
    // Cluster scores ΣD̃ê: T1 −0.25, T2 +0.25, C 0 → meat 0.125; Var₀ = 0.125 / 0.5² = 0.5.
    // c = G/(G−1)·(N−1)/(N−K) = 4/3 · 7/6 = 14/9 → Var = 7/9, SE = 0.8819; t(3, 0.975) = 3.182446.
    const result = differenceInDifferences(HAND, { treatmentStart: 2 });
    expect(result.estimate).toBeCloseTo(3, 10);
    expect(result.standardError).toBeCloseTo(Math.sqrt(7 / 9), 10);
    expect(result.lower).toBeCloseTo(3 - 3.182446305284263 * Math.sqrt(7 / 9), 6);
    expect(result.upper).toBeCloseTo(3 + 3.182446305284263 * Math.sqrt(7 / 9), 6);
    expect(result).toMatchObject({ degreesOfFreedom: 3, units: 4, treatedUnits: 2, periods: 2, observations: 8 });
  });

  it('gives the same estimate whatever the order of the rows', () => {
    expect(differenceInDifferences([...HAND].reverse(), { treatmentStart: 2 }).estimate).toBeCloseTo(3, 10);
  });

  it('refuses panels it cannot estimate from', () => {
    expect(() =>
      differenceInDifferences(
        HAND.filter((o) => o.treated),
        { treatmentStart: 2 },
      ),
    ).toThrow(/treated and comparison/);
    expect(() => differenceInDifferences(HAND, { treatmentStart: 1 })).toThrow(/before and after/);
    expect(() =>
      differenceInDifferences([...HAND, { unit: 'T1', period: 3, outcome: 1, treated: false }], { treatmentStart: 2 }),
    ).toThrow(/both treated/);
  });

  /** Deterministic normal draws (mulberry32 + Box–Muller) so the simulations are reproducible. */
  function normals(seed: number) {
    let a = seed >>> 0;
    const uniform = () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  }

  /** 30 practices (12 treated) × 12 months, hub from month 7, practice and month effects, noise correlated within practice. */
  function simulate(seed: number, effect: number, drop = 0): PanelObservation[] {
    const z = normals(seed);
    const months = Array.from({ length: 12 }, (_, t) => 2 * Math.sin(t) + 0.3 * t);
    const panel: PanelObservation[] = [];
    for (let u = 0; u < 30; u++) {
      const treated = u < 12;
      const level = 50 + 10 * z() + (treated ? 5 : 0); // treated practices start higher: DiD must not care
      let ar = 0;
      months.forEach((m, t) => {
        ar = 0.5 * ar + 2 * z();
        if (drop > 0 && (u * 12 + t) % drop === 0) return; // unbalanced panel
        panel.push({
          unit: `P${u}`,
          period: t + 1,
          outcome: level + m + ar + (treated && t + 1 >= 7 ? effect : 0),
          treated,
        });
      });
    }
    return panel;
  }

  it('recovers a known effect of −4 from a simulated panel, balanced or not', () => {
    for (const drop of [0, 7]) {
      const result = differenceInDifferences(simulate(20270101, -4, drop), { treatmentStart: 7 });
      expect(result.lower).toBeLessThan(-4);
      expect(result.upper).toBeGreaterThan(-4);
      expect(Math.abs(result.estimate + 4)).toBeLessThan(1);
    }
  });

  it('covers the true effect in about 95% of 400 simulated panels', () => {
    let covered = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const r = differenceInDifferences(simulate(seed, 2.5), { treatmentStart: 7 });
      if (r.lower <= 2.5 && 2.5 <= r.upper) covered++;
    }
    expect(covered / 400).toBeGreaterThan(0.91);
    expect(covered / 400).toBeLessThan(0.985);
  });
});
