// Small descriptive statistics the dashboards share: rates with their denominators, medians and spreads.

export interface Rate {
  count: number;
  denominator: number;
  /** Per `per` of the denominator; null when the denominator is zero. */
  rate: number | null;
  per: number;
}

export function ratePer(count: number, denominator: number, per: number): Rate {
  if (!(count >= 0 && denominator >= 0 && per > 0))
    throw new RangeError('counts and denominators must be non-negative');
  return { count, denominator, rate: denominator === 0 ? null : (count / denominator) * per, per };
}

/** The NHS's usual unit for population rates. */
export function ratePer1000(count: number, denominator: number): Rate {
  return ratePer(count, denominator, 1000);
}

function sorted(values: readonly number[]): number[] {
  if (values.some((v) => !Number.isFinite(v))) throw new RangeError('values must be finite numbers');
  return [...values].sort((a, b) => a - b);
}

/** Quantile by linear interpolation between order statistics (R's default, type 7); null for no values. */
export function quantile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError('quantile p must be between 0 and 1');
  const xs = sorted(values);
  if (xs.length === 0) return null;
  const h = (xs.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, xs.length - 1);
  return xs[lo]! + (h - lo) * (xs[hi]! - xs[lo]!);
}

export function median(values: readonly number[]): number | null {
  return quantile(values, 0.5);
}

export interface Distribution {
  n: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  mean: number;
}

/** Five-number summary and mean, for box plots and tables; null for no values. */
export function distribution(values: readonly number[]): Distribution | null {
  const xs = sorted(values);
  if (xs.length === 0) return null;
  return {
    n: xs.length,
    min: xs[0]!,
    q1: quantile(xs, 0.25)!,
    median: quantile(xs, 0.5)!,
    q3: quantile(xs, 0.75)!,
    max: xs[xs.length - 1]!,
    mean: xs.reduce((s, v) => s + v, 0) / xs.length,
  };
}

export interface Bin {
  from: number;
  to: number;
  count: number;
}

/** Counts in [edge[i], edge[i+1]) bins, the last bin closed; values outside the edges are not counted. */
export function histogram(values: readonly number[], edges: readonly number[]): Bin[] {
  if (edges.length < 2 || edges.some((e, i) => i > 0 && e <= edges[i - 1]!))
    throw new RangeError('edges must be increasing');
  const bins = edges.slice(1).map((to, i) => ({ from: edges[i]!, to, count: 0 }));
  for (const v of sorted(values)) {
    const bin = bins.find((b, i) => v >= b.from && (v < b.to || (i === bins.length - 1 && v === b.to)));
    if (bin) bin.count++;
  }
  return bins;
}
