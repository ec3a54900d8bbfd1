// Social prescribing outcome scales: ONS4 personal wellbeing bands and SWEMWBS raw → metric conversion.
// Source: /work/shared/reference/measurement.md (SWEMWBS table unverified against the owner's copy).

export const ONS4_ITEMS = ['life_satisfaction', 'worthwhile', 'happiness', 'anxiety'] as const;
export type Ons4Item = (typeof ONS4_ITEMS)[number];
export type Ons4Band = 'very_low' | 'low' | 'medium' | 'high' | 'very_high';

/** Lowest score of each band. Anxiety runs the other way: a high score is bad. */
const ONS4_BANDS = {
  positive: [
    { band: 'low', from: 0 },
    { band: 'medium', from: 5 },
    { band: 'high', from: 7 },
    { band: 'very_high', from: 9 },
  ],
  anxiety: [
    { band: 'very_low', from: 0 },
    { band: 'low', from: 2 },
    { band: 'medium', from: 4 },
    { band: 'high', from: 6 },
  ],
} as const satisfies Record<string, readonly { band: Ons4Band; from: number }[]>;

export function ons4Band(item: Ons4Item, score: number): Ons4Band {
  if (!Number.isInteger(score) || score < 0 || score > 10)
    throw new RangeError(`ONS4 scores are whole numbers 0–10, not ${score}`);
  const bands = item === 'anxiety' ? ONS4_BANDS.anxiety : ONS4_BANDS.positive;
  return bands.findLast((b) => score >= b.from)!.band;
}

/** SWEMWBS raw total (7–35) → metric score. */
export const SWEMWBS_METRIC = {
  7: 7.0,
  8: 9.51,
  9: 11.25,
  10: 12.4,
  11: 13.33,
  12: 14.08,
  13: 14.75,
  14: 15.32,
  15: 15.84,
  16: 16.36,
  17: 16.88,
  18: 17.43,
  19: 17.98,
  20: 18.59,
  21: 19.25,
  22: 19.98,
  23: 20.73,
  24: 21.54,
  25: 22.35,
  26: 23.21,
  27: 24.11,
  28: 25.03,
  29: 26.02,
  30: 27.03,
  31: 28.13,
  32: 29.31,
  33: 30.7,
  34: 32.55,
  35: 35.0,
} as const satisfies Record<number, number>;

/** A change of about this many metric points in one person is meaningful. */
export const SWEMWBS_MEANINGFUL_CHANGE = 3;

/** Raw total of the seven items, each 1–5. */
export function swemwbsRaw(items: readonly number[]): number {
  if (items.length !== 7 || items.some((v) => !Number.isInteger(v) || v < 1 || v > 5)) {
    throw new RangeError('SWEMWBS has seven items, each scored 1–5');
  }
  return items.reduce((s, v) => s + v, 0);
}

export function swemwbsMetric(raw: number): number {
  const metric = (SWEMWBS_METRIC as Record<number, number>)[raw];
  if (metric === undefined) throw new RangeError(`SWEMWBS raw totals are whole numbers 7–35, not ${raw}`);
  return metric;
}

export type WellbeingChange = 'improved' | 'worsened' | 'no_meaningful_change';

/** Metric change between two raw totals, and whether it clears the meaningful-change threshold. */
export function swemwbsChange(
  beforeRaw: number,
  afterRaw: number,
): { before: number; after: number; change: number; verdict: WellbeingChange } {
  const before = swemwbsMetric(beforeRaw);
  const after = swemwbsMetric(afterRaw);
  const change = Math.round((after - before) * 100) / 100;
  const verdict =
    change >= SWEMWBS_MEANINGFUL_CHANGE
      ? 'improved'
      : change <= -SWEMWBS_MEANINGFUL_CHANGE
        ? 'worsened'
        : 'no_meaningful_change';
  return { before, after, change, verdict };
}
