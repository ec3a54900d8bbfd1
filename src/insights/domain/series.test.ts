import { describe, expect, it } from 'vitest';
import { fragmentOfDay, fragmentRange, metricSeries, rollUp, windowTotals } from './series.ts';
import type { Fragment } from './series.ts';

const window = { from: '2026-06-01', to: '2026-07-05' };
const stocks = { population: 5000, hubPopulation: 20000 };

describe('series from fragments', () => {
  it('splits a week that straddles two months into two fragments that sum to the week', () => {
    expect(fragmentOfDay('2026-06-30')).toEqual({ weekStart: '2026-06-29', month: '2026-06-01' });
    expect(fragmentOfDay('2026-07-01')).toEqual({ weekStart: '2026-06-29', month: '2026-07-01' });
    expect(fragmentRange({ weekStart: '2026-06-29', month: '2026-07-01' })).toEqual({ from: '2026-07-01', to: '2026-07-05' });
    const fragments: Fragment[] = [
      { weekStart: '2026-06-29', month: '2026-06-01', totals: { appointments: 30, attended: 20, dna: 2 } },
      { weekStart: '2026-06-29', month: '2026-07-01', totals: { appointments: 50, attended: 40, dna: 8 } },
    ];
    const weeks = rollUp(fragments, 'week', window, stocks);
    expect(weeks.map((w) => w.start)).toEqual(['2026-06-01', '2026-06-08', '2026-06-15', '2026-06-22', '2026-06-29']);
    expect(weeks.at(-1)!.totals).toMatchObject({ appointments: 80, attended: 60, dna: 10, population: 5000 });
    const months = rollUp(fragments, 'month', window, stocks);
    expect(months.map((m) => m.start)).toEqual(['2026-06-01']);
    expect(months[0]!.totals.appointments).toBe(30);
  });

  it('suppresses a point when any count behind it is 1–7, and keeps zero and 8 visible', () => {
    const fragments: Fragment[] = [
      { weekStart: '2026-06-01', month: '2026-06-01', totals: { attended: 100, dna: 7 } },
      { weekStart: '2026-06-08', month: '2026-06-01', totals: { attended: 100, dna: 8 } },
      { weekStart: '2026-06-15', month: '2026-06-01', totals: { attended: 100, dna: 0 } },
    ];
    const points = metricSeries('dna_rate', rollUp(fragments, 'week', window, stocks));
    expect(points[0]).toMatchObject({ value: '*', basis: ['*', 107], suppressed: true });
    expect(points[1]!.value).toBeCloseTo(800 / 108, 10);
    expect(points[2]).toMatchObject({ value: 0, suppressed: false });
    expect(points[3]).toMatchObject({ value: null, suppressed: false });
  });

  it('computes medians from the merged histograms and rates from the population stock', () => {
    const fragments: Fragment[] = [
      { weekStart: '2026-06-01', month: '2026-06-01', totals: { appointments: 10 }, bookingLeadDays: [{ value: 0, count: 6 }, { value: 4, count: 4 }] },
      { weekStart: '2026-06-01', month: '2026-06-01', bookingLeadDays: [{ value: 4, count: 5 }] },
    ];
    const row = windowTotals(fragments, window, stocks);
    expect(row.histograms.bookingLeadDays).toEqual([{ value: 0, count: 6 }, { value: 4, count: 9 }]);
    const [week] = rollUp(fragments, 'week', window, stocks);
    expect(metricSeries('median_days_to_appointment', [week!])[0]!.value).toBe(4);
    expect(metricSeries('appointments_per_1000', [week!])[0]!.value).toBe(2);
  });
});
