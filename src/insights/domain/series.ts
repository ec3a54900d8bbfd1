// From summary fragments (the part of an ISO week inside one month) to weekly or monthly series of any
// measure, with small-number suppression applied point by point. Pure: the repository supplies fragments.
import type { LocalDate } from '../../shared/domain/london-time.ts';
import { addDays } from '../../shared/domain/london-time.ts';
import { EMPTY_TOTALS, METRICS } from './metrics.ts';
import type { MetricId, PeriodHistograms, PeriodTotals } from './metrics.ts';
import { completePeriods, monthStartOf, periodEnd, weekStartOf } from './periods.ts';
import type { DateWindow, Period } from './periods.ts';
import { mergeHistograms } from './histogram.ts';
import type { HistogramBin } from './histogram.ts';
import { isSmallCount, SUPPRESSED } from './suppression.ts';
import type { Suppressed } from './suppression.ts';

export interface Fragment {
  /** The practice or hub the counts belong to, when read apart (see the repository's byOwner). */
  owner?: string;
  weekStart: LocalDate;
  month: LocalDate;
  totals?: Partial<PeriodTotals>;
  bookingLeadDays?: readonly HistogramBin[];
  requestToContactHours?: readonly HistogramBin[];
}

/** Per-day counts become fragments by the day's week and month. */
export function fragmentOfDay(day: LocalDate): { weekStart: LocalDate; month: LocalDate } {
  return { weekStart: weekStartOf(day), month: monthStartOf(day) };
}

// A year has about 64 distinct fragments; remembering their ranges keeps date arithmetic out of hot loops.
const ranges = new Map<string, DateWindow>();

/** The days a fragment covers. */
export function fragmentRange(f: { weekStart: LocalDate; month: LocalDate }): DateWindow {
  const key = `${f.weekStart}|${f.month}`;
  let range = ranges.get(key);
  if (!range) {
    const weekEnd = addDays(f.weekStart, 6);
    const monthEnd = periodEnd('month', f.month);
    range = { from: f.weekStart > f.month ? f.weekStart : f.month, to: weekEnd < monthEnd ? weekEnd : monthEnd };
    ranges.set(key, range);
  }
  return range;
}

export interface PeriodRow {
  start: LocalDate;
  end: LocalDate;
  totals: PeriodTotals;
  histograms: PeriodHistograms;
}

function addPartial(into: PeriodTotals, part: Partial<PeriodTotals> | undefined): void {
  if (!part) return;
  for (const [key, value] of Object.entries(part) as [keyof PeriodTotals, number][]) into[key] += value;
}

/** Sums fragments into the complete periods of the window; stocks (population) are set, not summed. */
export function rollUp(
  fragments: readonly Fragment[],
  period: Period,
  window: DateWindow,
  stocks: { population: number; hubPopulation: number },
): PeriodRow[] {
  const rows = new Map<LocalDate, { totals: PeriodTotals; lead: HistogramBin[][]; contact: HistogramBin[][] }>();
  for (const start of completePeriods(period, window)) {
    rows.set(start, { totals: { ...EMPTY_TOTALS, ...stocks }, lead: [], contact: [] });
  }
  for (const f of fragments) {
    const row = rows.get(period === 'week' ? f.weekStart : f.month);
    if (!row) continue;
    addPartial(row.totals, f.totals);
    if (f.bookingLeadDays) row.lead.push([...f.bookingLeadDays]);
    if (f.requestToContactHours) row.contact.push([...f.requestToContactHours]);
  }
  return [...rows.entries()].map(([start, row]) => ({
    start,
    end: periodEnd(period, start),
    totals: row.totals,
    histograms: { bookingLeadDays: mergeHistograms(...row.lead), requestToContactHours: mergeHistograms(...row.contact) },
  }));
}

/** Everything in the window, as one period (for comparisons across units): fragments wholly inside it. */
export function windowTotals(fragments: readonly Fragment[], window: DateWindow, stocks: { population: number; hubPopulation: number }): PeriodRow {
  const inside = fragments.filter((f) => {
    const r = fragmentRange(f);
    return r.from >= window.from && r.to <= window.to;
  });
  const totals: PeriodTotals = { ...EMPTY_TOTALS, ...stocks };
  for (const f of inside) addPartial(totals, f.totals);
  return {
    start: window.from,
    end: window.to,
    totals,
    histograms: {
      bookingLeadDays: mergeHistograms(...inside.map((f) => f.bookingLeadDays ?? [])),
      requestToContactHours: mergeHistograms(...inside.map((f) => f.requestToContactHours ?? [])),
    },
  };
}

export interface SeriesPoint {
  start: LocalDate;
  end: LocalDate;
  /** Null when the measure has no value for the period (e.g. nothing offered). */
  value: number | null | Suppressed;
  /** The counts behind the value, suppressed the same way. */
  basis: (number | Suppressed)[];
  suppressed: boolean;
}

/** A measure's value per period; any basis count 1–7 hides the value and that count. */
export function metricSeries(metric: MetricId, rows: readonly PeriodRow[]): SeriesPoint[] {
  const definition = METRICS[metric];
  return rows.map((row) => {
    const { value, basis } = definition.compute(row.totals, row.histograms);
    const suppressed = basis.some((n) => isSmallCount(n));
    return {
      start: row.start,
      end: row.end,
      value: suppressed ? SUPPRESSED : value,
      basis: basis.map((n) => (isSmallCount(n) ? SUPPRESSED : n)),
      suppressed,
    };
  });
}

/** The raw values of a series for SPC (suppressed points are charted from their true value, then hidden). */
export function rawMetricValues(metric: MetricId, rows: readonly PeriodRow[]): (number | null)[] {
  return rows.map((row) => METRICS[metric].compute(row.totals, row.histograms).value);
}
