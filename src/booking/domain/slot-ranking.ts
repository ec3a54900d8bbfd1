// Slot ranking: hard filters (mode, window, role, permission, step-free, travel) then a soft-preference
// score, keeping only the top K. Ties break on start time then slot id (the index order), so the same
// inputs always give the same list. Also reports the wait for the usual clinician against first available.
import type { CandidateIndex, CandidateSlot, RankingClinician, RankingSite } from './slot-index.ts';
import { lowerBound } from './slot-index.ts';
import type { RankingRequest, SearchContext } from './slot-search.ts';
import { isEligible, prepareSearch, scoreOf, timeOfDayOf } from './slot-search.ts';
import type { RankingReason } from './ranking-reasons.ts';
import { reasonsFor } from './ranking-reasons.ts';
import type { LondonClock } from './london-clock.ts';
import { createLondonClock } from './london-clock.ts';

export interface RankedOption {
  slot: CandidateSlot;
  site: RankingSite;
  clinician: RankingClinician;
  score: number;
  travelMinutes: number | null; // for in-person slots, by the requested travel mode
  reasons: RankingReason[];
}

export interface WaitSummary {
  slotId: string;
  start: Date;
  clinicianId: string;
  waitMinutes: number;
  /** London calendar days from today (0 = today). */
  waitDays: number;
}

export interface RankingResult {
  options: RankedOption[];
  /** How many slots passed every hard filter inside the need window. */
  eligibleCount: number;
  firstAvailable: WaitSummary | null;
  /** The usual clinician's first eligible slot, even beyond the need window (so the UI can show the wait). */
  usualClinician: WaitSummary | null;
}

export const DEFAULT_RANKING_LIMIT = 10;

export function rankSlots(index: CandidateIndex, request: RankingRequest, clock: LondonClock = createLondonClock()): RankingResult {
  const ctx = prepareSearch(index, request, clock);
  const limit = Math.max(1, request.limit ?? DEFAULT_RANKING_LIMIT);
  const top = new TopK(limit);
  const lo = lowerBound(index.startMs, ctx.windowStartMs);
  const hi = lowerBound(index.startMs, ctx.windowEndMs, lo);
  const groups = request.onePerClinicianDay === false || lo >= hi ? null : new ClinicianDayBest(index, lo, hi);
  let eligibleCount = 0;
  let first = -1;
  for (let i = lo; i < hi; i++) {
    if (index.endMs[i]! > ctx.windowEndMs || !isEligible(ctx, index, i)) continue;
    eligibleCount++;
    if (first < 0) first = i;
    const score = scoreOf(ctx, index, i);
    if (groups) groups.offer(i, score);
    else top.offer(i, score);
  }
  groups?.drainInto(top);
  return {
    options: top.positions().map((position, k) => option(index, ctx, request, position, top.scoreAt(k), first)),
    eligibleCount,
    firstAvailable: first < 0 ? null : waitSummary(index, ctx, first),
    usualClinician: usualClinicianWait(index, ctx, request),
  };
}

function usualClinicianWait(index: CandidateIndex, ctx: SearchContext, request: RankingRequest): WaitSummary | null {
  const usualId = request.patient.usualClinicianId;
  const clinician = usualId === null ? undefined : index.clinicianIndexById.get(usualId);
  if (clinician === undefined) return null;
  const positions = index.positionsByClinician[clinician]!;
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index.startMs[positions[mid]!]! < ctx.windowStartMs) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < positions.length; k++) {
    if (isEligible(ctx, index, positions[k]!)) return waitSummary(index, ctx, positions[k]!);
  }
  return null;
}

function waitSummary(index: CandidateIndex, ctx: SearchContext, position: number): WaitSummary {
  const slot = index.slots[position]!;
  return {
    slotId: slot.slotId,
    start: slot.start,
    clinicianId: slot.clinicianId,
    waitMinutes: Math.round((index.startMs[position]! - ctx.nowMs) / 60_000),
    waitDays: index.londonDay[position]! - ctx.nowDay,
  };
}

function option(
  index: CandidateIndex,
  ctx: SearchContext,
  request: RankingRequest,
  position: number,
  score: number,
  first: number,
): RankedOption {
  const slot = index.slots[position]!;
  const siteIdx = index.siteIdx[position]!;
  const site = index.sites[siteIdx]!;
  const clinician = index.clinicians[index.clinicianIdx[position]!]!;
  const travel = ctx.siteTravelMinutes[siteIdx]!;
  const travelMinutes = slot.mode === 'in_person' && travel >= 0 ? travel : null;
  const prefs = request.preferences;
  const reasons = reasonsFor({
    slot,
    site,
    clinician,
    timeOfDay: timeOfDayOf(index.londonMinute[position]!),
    isEarliest: index.startMs[position] === index.startMs[first],
    isUsualClinician: clinician.clinicianId === request.patient.usualClinicianId,
    isOwnPractice: site.practiceId === request.patient.practiceId,
    travelMinutes,
    travelMode: ctx.travelMode,
    preferredMode: prefs.mode ?? null,
    preferredTimeOfDay: prefs.timeOfDay ?? null,
    language: prefs.language ?? null,
    stepFreeRequired: prefs.stepFreeRequired ?? false,
  });
  return { slot, site, clinician, score: Math.round(score * 1000) / 1000, travelMinutes, reasons };
}

/** A bounded best-first list; K is small (≈10), so insertion into a sorted array beats a heap. */
class TopK {
  readonly #positions: Int32Array;
  readonly #scores: Float64Array;
  #count = 0;

  constructor(limit: number) {
    this.#positions = new Int32Array(limit);
    this.#scores = new Float64Array(limit);
  }

  offer(position: number, score: number): void {
    const limit = this.#positions.length;
    if (this.#count === limit && !beats(score, position, this.#scores[limit - 1]!, this.#positions[limit - 1]!)) return;
    let k = Math.min(this.#count, limit - 1);
    while (k > 0 && beats(score, position, this.#scores[k - 1]!, this.#positions[k - 1]!)) {
      this.#scores[k] = this.#scores[k - 1]!;
      this.#positions[k] = this.#positions[k - 1]!;
      k--;
    }
    this.#scores[k] = score;
    this.#positions[k] = position;
    if (this.#count < limit) this.#count++;
  }

  positions(): number[] {
    return Array.from(this.#positions.subarray(0, this.#count));
  }

  scoreAt(k: number): number {
    return this.#scores[k]!;
  }
}

function beats(score: number, position: number, otherScore: number, otherPosition: number): boolean {
  return score > otherScore || (score === otherScore && position < otherPosition);
}

/** The best slot per clinician per London day, in a flat table (days in window × clinicians). */
class ClinicianDayBest {
  readonly #best: Int32Array;
  readonly #scores: Float64Array;
  readonly #index: CandidateIndex;
  readonly #firstDay: number;
  readonly #clinicianCount: number;

  constructor(index: CandidateIndex, lo: number, hi: number) {
    this.#index = index;
    this.#firstDay = index.londonDay[lo]!;
    this.#clinicianCount = index.clinicians.length;
    const days = index.londonDay[hi - 1]! - this.#firstDay + 1;
    this.#best = new Int32Array(days * this.#clinicianCount).fill(-1);
    this.#scores = new Float64Array(days * this.#clinicianCount);
  }

  offer(position: number, score: number): void {
    const cell = (this.#index.londonDay[position]! - this.#firstDay) * this.#clinicianCount + this.#index.clinicianIdx[position]!;
    const current = this.#best[cell]!;
    if (current < 0 || beats(score, position, this.#scores[cell]!, current)) {
      this.#best[cell] = position;
      this.#scores[cell] = score;
    }
  }

  drainInto(top: TopK): void {
    for (let cell = 0; cell < this.#best.length; cell++) {
      const position = this.#best[cell]!;
      if (position >= 0) top.offer(position, this.#scores[cell]!);
    }
  }
}
