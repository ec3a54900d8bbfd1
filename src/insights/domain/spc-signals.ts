// The Making Data Count special-cause rules, applied to one segment (runs never span a rebase).
import type { SpcRule, SpcRuleSet } from './spc-rules.ts';
import { SPC_RULES } from './spc-rules.ts';

/** Which way a signal points: above the mean (or rising), below (or falling). */
export type Side = 'high' | 'low';

export interface SignalLimits {
  mean: number;
  lower: number | null;
  upper: number | null;
  nearLower: number | null;
  nearUpper: number | null;
}

export interface PointSignal {
  rule: SpcRule | null;
  side: Side | null;
}

type Flags = (Side | null)[];

function sideOfMean(value: number, centre: number): Side | null {
  if (value > centre) return 'high';
  if (value < centre) return 'low';
  return null;
}

/** Strictly outside the process limits. */
export function outsideLimitFlags(values: readonly number[], limits: SignalLimits): Flags {
  const { lower, upper } = limits;
  return values.map((v) => (upper !== null && v > upper ? 'high' : lower !== null && v < lower ? 'low' : null));
}

/** Beyond the near limits but not beyond the limits. */
export function closeToLimit(value: number, limits: SignalLimits): boolean {
  const { lower, upper, nearLower, nearUpper } = limits;
  if (lower === null || upper === null || nearLower === null || nearUpper === null) return false;
  return (value > nearUpper && value <= upper) || (value < nearLower && value >= lower);
}

/** Runs of `length`+ points each strictly above (below) the one before; a tie ends the run. All run points
 *  are flagged with the run's direction; a point ending one run and starting the next keeps the earlier run's. */
export function trendFlags(values: readonly number[], length: number): Flags {
  const runs: { start: number; end: number; side: Side }[] = [];
  for (const side of ['high', 'low'] as const) {
    let start = 0;
    for (let i = 1; i <= values.length; i++) {
      const continues =
        i < values.length && (side === 'high' ? values[i]! > values[i - 1]! : values[i]! < values[i - 1]!);
      if (continues) continue;
      if (i - start >= length) runs.push({ start, end: i - 1, side });
      start = i;
    }
  }
  runs.sort((a, b) => a.start - b.start);
  const flags: Flags = values.map(() => null);
  for (const run of runs) for (let i = run.start; i <= run.end; i++) flags[i] ??= run.side;
  return flags;
}

/** In any window of `window` consecutive points all on one side of the mean, if at least `count` are close to a
 *  limit, those close points are flagged (the others are not). */
export function closeToLimitFlags(
  values: readonly number[],
  limits: SignalLimits,
  window: number,
  count: number,
): Flags {
  const flags: Flags = values.map(() => null);
  const close = values.map((v) => closeToLimit(v, limits));
  for (let start = 0; start + window <= values.length; start++) {
    const indices = Array.from({ length: window }, (_, k) => start + k);
    const side = sideOfMean(values[start]!, limits.mean);
    if (side === null || !indices.every((i) => sideOfMean(values[i]!, limits.mean) === side)) continue;
    if (indices.filter((i) => close[i]).length < count) continue;
    for (const i of indices) if (close[i]) flags[i] = side;
  }
  return flags;
}

/** Runs of `length`+ consecutive points on one side of the mean; a point exactly on the mean ends a run. */
export function shiftFlags(values: readonly number[], centre: number, length: number): Flags {
  const flags: Flags = values.map(() => null);
  let start = 0;
  for (let i = 1; i <= values.length; i++) {
    const side = sideOfMean(values[start]!, centre);
    if (i < values.length && side !== null && sideOfMean(values[i]!, centre) === side) continue;
    if (side !== null && i - start >= length) for (let k = start; k < i; k++) flags[k] = side;
    start = i;
  }
  return flags;
}

/** Every rule's verdict for each point, the first rule in precedence order winning. */
export function detectSignals(values: readonly number[], limits: SignalLimits, rules: SpcRuleSet): PointSignal[] {
  const byRule: Record<SpcRule, Flags> = {
    outside_limits: outsideLimitFlags(values, limits),
    trend: trendFlags(values, rules.trendLength),
    two_of_three: closeToLimitFlags(values, limits, rules.closeWindow, rules.closeCount),
    shift: shiftFlags(values, limits.mean, rules.shiftLength),
  };
  return values.map((_, i) => {
    for (const rule of SPC_RULES) {
      const side = byRule[rule][i];
      if (side) return { rule, side };
    }
    return { rule: null, side: null };
  });
}
