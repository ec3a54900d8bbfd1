import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyseSpc } from './spc.ts';
import type { SpcInputPoint } from './spc.ts';
import { closeToLimit, trendFlags } from './spc-signals.ts';
import { SPC_PRESETS } from './spc-rules.ts';
import { addDays } from '../../shared/domain/london-time.ts';

const values = fc.array(
  fc.integer({ min: -50, max: 50 }).map((v) => v / 2),
  { minLength: 2, maxLength: 60 },
);
const direction = fc.constantFrom('increase', 'decrease', 'neutral' as const);
const asSeries = (vs: number[]): SpcInputPoint[] => vs.map((value, i) => ({ date: addDays('2027-01-01', i), value }));

describe('SPC invariants (fast-check)', () => {
  it('places the limits symmetrically about the mean, the near limits inside them', () => {
    fc.assert(
      fc.property(values, fc.boolean(), (vs, screen) => {
        for (const s of analyseSpc(asSeries(vs), { screenOutliers: screen }).segments) {
          expect(s.upper! - s.mean).toBeCloseTo(s.mean - s.lower!, 9);
          expect(s.nearUpper!).toBeLessThanOrEqual(s.upper!);
          expect(s.nearLower!).toBeGreaterThanOrEqual(s.lower!);
        }
      }),
    );
  });

  it('gives every point beyond a limit rule 1, and a later rule only when no earlier rule applies', () => {
    fc.assert(
      fc.property(values, (vs) => {
        const result = analyseSpc(asSeries(vs));
        const trend = trendFlags(vs, SPC_PRESETS.making_data_count.trendLength);
        result.points.forEach((p, i) => {
          const outside = p.value > p.upper! || p.value < p.lower!;
          expect(p.rule === 'outside_limits').toBe(outside);
          if (p.rule === 'two_of_three') expect(closeToLimit(p.value, p)).toBe(true);
          if (p.rule === 'two_of_three' || p.rule === 'shift') expect(trend[i]).toBeNull();
          if (p.rule === 'shift') expect(p.value).not.toBe(p.mean);
        });
      }),
    );
  });

  it('types each point from its signal side and the improvement direction', () => {
    fc.assert(
      fc.property(values, direction, (vs, improvement) => {
        for (const p of analyseSpc(asSeries(vs), { improvement }).points) {
          if (p.rule === null) expect(p.type).toBe('common_cause');
          else if (improvement === 'neutral') expect(p.type).toBe('neutral');
          else expect(p.type).toBe((p.side === 'high') === (improvement === 'increase') ? 'improvement' : 'concern');
        }
      }),
    );
  });

  it('reads the same after adding a constant: limits move, signals do not', () => {
    fc.assert(
      fc.property(values, fc.integer({ min: -1000, max: 1000 }), (vs, shift) => {
        const a = analyseSpc(asSeries(vs));
        const b = analyseSpc(asSeries(vs.map((v) => v + shift)));
        expect(b.points.map((p) => p.rule)).toEqual(a.points.map((p) => p.rule));
      }),
    );
  });

  it('analyses a rebased series exactly as its segments analysed apart (runs never span segments)', () => {
    fc.assert(
      fc.property(values, values, (before, after) => {
        const whole = analyseSpc(asSeries([...before, ...after]), {
          rebaseDates: [addDays('2027-01-01', before.length)],
        });
        const first = analyseSpc(asSeries(before));
        const second = analyseSpc(asSeries([...before, ...after]).slice(before.length));
        const strip = (ps: typeof whole.points) => ps.map(({ segment: _segment, ...rest }) => rest);
        expect(strip(whole.points)).toEqual(strip([...first.points, ...second.points]));
      }),
    );
  });
});
