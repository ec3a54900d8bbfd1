// Difference-in-differences on panel data (units × periods), e.g. practices before and after a hub opened.
// Two-way fixed effects: y_it = α_i + γ_t + δ·D_it + ε_it, D_it = treated_i × (t ≥ start). δ is estimated by
// Frisch–Waugh–Lovell (residualise y and D on both sets of effects by alternating demeaning, which is exact
// for balanced panels and converges for unbalanced ones), with a cluster-robust (by unit) standard error:
//   Var(δ) = c · Σ_g (Σ_{i∈g} D̃_i ê_i)² / (Σ D̃²)²,  c = G/(G−1) · (N−1)/(N−K),
// K = T (δ plus T−1 period contrasts; unit effects are nested in the clusters so are not counted), and a
// t(G−1) critical value, which matters with the few practices a borough has.
import { studentTQuantile } from './student-t.ts';

export interface PanelObservation {
  unit: string;
  period: number;
  outcome: number;
  /** Whether the unit is ever treated (the same for all of a unit's rows). */
  treated: boolean;
}

export interface DidOptions {
  /** First treated period. */
  treatmentStart: number;
  /** Default 0.95. */
  confidence?: number;
}

export interface DidEstimate {
  estimate: number;
  standardError: number;
  lower: number;
  upper: number;
  confidence: number;
  degreesOfFreedom: number;
  units: number;
  treatedUnits: number;
  periods: number;
  observations: number;
}

function validate(panel: readonly PanelObservation[], start: number): { treatedUnits: number; units: number } {
  const treatedByUnit = new Map<string, boolean>();
  for (const o of panel) {
    if (!Number.isFinite(o.outcome) || !Number.isFinite(o.period))
      throw new RangeError(`unit ${o.unit}: outcome and period must be finite`);
    const known = treatedByUnit.get(o.unit);
    if (known !== undefined && known !== o.treated)
      throw new RangeError(`unit ${o.unit} is marked both treated and untreated`);
    treatedByUnit.set(o.unit, o.treated);
  }
  const treatedUnits = [...treatedByUnit.values()].filter(Boolean).length;
  if (treatedUnits === 0 || treatedUnits === treatedByUnit.size)
    throw new RangeError('need both treated and comparison units');
  if (!panel.some((o) => o.period < start) || !panel.some((o) => o.period >= start)) {
    throw new RangeError('need periods both before and after the treatment start');
  }
  return { treatedUnits, units: treatedByUnit.size };
}

/** Subtract group means over `keys` in place. */
function demeanBy(values: number[], keys: readonly (string | number)[]): number {
  const sums = new Map<string | number, { sum: number; n: number }>();
  keys.forEach((k, i) => {
    const s = sums.get(k) ?? { sum: 0, n: 0 };
    s.sum += values[i]!;
    s.n++;
    sums.set(k, s);
  });
  let largest = 0;
  keys.forEach((k, i) => {
    const s = sums.get(k)!;
    const m = s.sum / s.n;
    largest = Math.max(largest, Math.abs(m));
    values[i]! -= m;
  });
  return largest;
}

/** Residuals of `values` on unit and period effects (method of alternating projections). */
function residualise(values: readonly number[], units: readonly string[], periods: readonly number[]): number[] {
  const r = [...values];
  const scale = Math.max(1, ...values.map(Math.abs));
  for (let i = 0; i < 10_000; i++) {
    const moved = demeanBy(r, units) + demeanBy(r, periods);
    if (moved < 1e-13 * scale) break;
  }
  return r;
}

export function differenceInDifferences(panel: readonly PanelObservation[], options: DidOptions): DidEstimate {
  const confidence = options.confidence ?? 0.95;
  const { treatedUnits, units } = validate(panel, options.treatmentStart);
  const unitKeys = panel.map((o) => o.unit);
  const periodKeys = panel.map((o) => o.period);
  const y = residualise(
    panel.map((o) => o.outcome),
    unitKeys,
    periodKeys,
  );
  const d = residualise(
    panel.map((o) => (o.treated && o.period >= options.treatmentStart ? 1 : 0)),
    unitKeys,
    periodKeys,
  );
  const sdd = d.reduce((s, v) => s + v * v, 0);
  if (sdd < 1e-12) throw new RangeError('treatment is collinear with the fixed effects: nothing to estimate');
  const estimate = d.reduce((s, v, i) => s + v * y[i]!, 0) / sdd;
  const scores = new Map<string, number>();
  panel.forEach((o, i) => scores.set(o.unit, (scores.get(o.unit) ?? 0) + d[i]! * (y[i]! - estimate * d[i]!)));
  const meat = [...scores.values()].reduce((s, v) => s + v * v, 0);
  const n = panel.length;
  const periods = new Set(periodKeys).size;
  const g = units;
  const correction = (g / (g - 1)) * ((n - 1) / (n - periods));
  const standardError = Math.sqrt((correction * meat) / (sdd * sdd));
  const t = studentTQuantile(1 - (1 - confidence) / 2, g - 1);
  return {
    estimate,
    standardError,
    lower: estimate - t * standardError,
    upper: estimate + t * standardError,
    confidence,
    degreesOfFreedom: g - 1,
    units,
    treatedUnits,
    periods,
    observations: n,
  };
}
