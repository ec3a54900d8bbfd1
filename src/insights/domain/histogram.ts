// Distributions held as counts per whole value (days, hours): the database sums them for any level and
// period, and medians come out exactly as stats.ts's quantile() would give on the listed values.
import { gpadBookingLeadBand } from '../../shared/domain/vocabulary.ts';

export interface HistogramBin {
  value: number;
  count: number;
}

/** Bins merged by value, ascending, empty bins dropped. */
export function mergeHistograms(...histograms: (readonly HistogramBin[])[]): HistogramBin[] {
  const counts = new Map<number, number>();
  for (const bins of histograms) for (const b of bins) counts.set(b.value, (counts.get(b.value) ?? 0) + b.count);
  return [...counts.entries()]
    .filter(([, count]) => count > 0)
    .sort((a, b) => a[0] - b[0])
    .map(([value, count]) => ({ value, count }));
}

/** The value at 0-based position `index` of the sorted values the histogram stands for. */
function valueAt(sorted: readonly HistogramBin[], index: number): number {
  let seen = 0;
  for (const b of sorted) {
    seen += b.count;
    if (index < seen) return b.value;
  }
  throw new RangeError('position beyond the histogram');
}

/** Quantile by linear interpolation between order statistics (R type 7, as stats.quantile); null when empty. */
export function quantileOfHistogram(bins: readonly HistogramBin[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError('quantile p must be between 0 and 1');
  if (bins.some((b) => !Number.isInteger(b.count) || b.count < 0)) throw new RangeError('counts must be whole numbers ≥ 0');
  const sorted = mergeHistograms(bins);
  const n = sorted.reduce((s, b) => s + b.count, 0);
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const low = valueAt(sorted, lo);
  const high = valueAt(sorted, Math.min(lo + 1, n - 1));
  return low + (h - lo) * (high - low);
}

export function medianOfHistogram(bins: readonly HistogramBin[]): number | null {
  return quantileOfHistogram(bins, 0.5);
}

export interface HistogramSummary {
  n: number;
  median: number | null;
  q1: number | null;
  q3: number | null;
  mean: number | null;
}

export function summariseHistogram(bins: readonly HistogramBin[]): HistogramSummary {
  const n = bins.reduce((s, b) => s + b.count, 0);
  const total = bins.reduce((s, b) => s + b.value * b.count, 0);
  return {
    n,
    median: medianOfHistogram(bins),
    q1: quantileOfHistogram(bins, 0.25),
    q3: quantileOfHistogram(bins, 0.75),
    mean: n === 0 ? null : total / n,
  };
}

/** GPAD's "time between booking and appointment" bands, in their published order. */
export const GPAD_LEAD_BANDS = [
  'Same Day', '1 Day', '2 to 7 Days', '8 to 14 Days', '15 to 21 Days', '22 to 28 Days', 'More than 28 Days',
] as const;

/** Counts per GPAD band, every band present (zero when empty). */
export function gpadBands(bins: readonly HistogramBin[]): { band: string; count: number }[] {
  const counts = new Map<string, number>(GPAD_LEAD_BANDS.map((b) => [b, 0]));
  for (const b of bins) {
    const band = gpadBookingLeadBand(b.value);
    counts.set(band, (counts.get(band) ?? 0) + b.count);
  }
  return GPAD_LEAD_BANDS.map((band) => ({ band, count: counts.get(band)! }));
}
