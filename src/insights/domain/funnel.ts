// Funnel plots for comparing practices on a proportion (Spiegelhalter 2005): the target is the pooled
// proportion unless given; limits use the normal approximation p0 ± z·√(p0(1−p0)/n), clamped to [0, 1].
// (Exact binomial limits and over-dispersion adjustment are not modelled.)

/** Two-sided 95% and 99.8% normal quantiles. */
export const FUNNEL_Z = { p95: 1.959963984540054, p998: 3.090232306167813 } as const;

export interface FunnelLimits {
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

export type FunnelPosition = 'above_998' | 'above_95' | 'within' | 'below_95' | 'below_998';

export interface FunnelUnitInput {
  id: string;
  numerator: number;
  denominator: number;
}

export interface FunnelUnit extends FunnelUnitInput, FunnelLimits {
  proportion: number;
  position: FunnelPosition;
}

const clamp = (v: number) => Math.min(1, Math.max(0, v));

export function funnelLimits(target: number, denominator: number): FunnelLimits {
  if (!(target >= 0 && target <= 1) || !(denominator > 0))
    throw new RangeError('need 0 ≤ target ≤ 1 and a positive denominator');
  const se = Math.sqrt((target * (1 - target)) / denominator);
  return {
    lower95: clamp(target - FUNNEL_Z.p95 * se),
    upper95: clamp(target + FUNNEL_Z.p95 * se),
    lower998: clamp(target - FUNNEL_Z.p998 * se),
    upper998: clamp(target + FUNNEL_Z.p998 * se),
  };
}

/** Where each unit falls; strictly beyond a limit counts as outside it. Units with no denominator are left out. */
export function funnelPlot(
  units: readonly FunnelUnitInput[],
  target?: number,
): { target: number | null; units: FunnelUnit[] } {
  const usable = units.filter((u) => u.denominator > 0);
  if (usable.length === 0) return { target: target ?? null, units: [] };
  for (const u of usable)
    if (!(u.numerator >= 0 && u.numerator <= u.denominator))
      throw new RangeError(`${u.id}: numerator must be 0…denominator`);
  const pooled = usable.reduce((s, u) => s + u.numerator, 0) / usable.reduce((s, u) => s + u.denominator, 0);
  const p0 = target ?? pooled;
  return {
    target: p0,
    units: usable.map((u) => {
      const proportion = u.numerator / u.denominator;
      const limits = funnelLimits(p0, u.denominator);
      const position: FunnelPosition =
        proportion > limits.upper998
          ? 'above_998'
          : proportion > limits.upper95
            ? 'above_95'
            : proportion < limits.lower998
              ? 'below_998'
              : proportion < limits.lower95
                ? 'below_95'
                : 'within';
      return { ...u, proportion, ...limits, position };
    }),
  };
}
