// A columnar, start-ordered index of free candidate slots, built once and searched many times: the search
// touches only typed arrays and small per-request tables, so a borough's 8 weeks rank in milliseconds.
import type { AppointmentMode, Booker, ClinicalRole, LanguageCode, SlotType } from '../../shared/domain/vocabulary.ts';
import { APPOINTMENT_MODES, BOOKERS, CLINICAL_ROLES, LANGUAGES } from '../../shared/domain/vocabulary.ts';
import type { SlotOwner } from './booking-permission.ts';
import type { LatLon } from './travel.ts';
import type { LondonClock } from './london-clock.ts';
import { createLondonClock } from './london-clock.ts';

export interface RankingSite extends SlotOwner {
  siteId: string;
  name: string; // e.g. "Bow hub", "Roman Road Surgery"
  kind: 'practice' | 'hub';
  stepFree: boolean;
  location: LatLon | null;
}

export interface RankingClinician {
  clinicianId: string;
  displayName: string; // e.g. "Dr Rahman", "Nurse Ali"
  role: ClinicalRole;
  languages: readonly LanguageCode[];
}

/** A free slot as the booking service reads it. */
export interface CandidateSlot {
  slotId: string;
  clinicianId: string;
  siteId: string;
  start: Date;
  end: Date;
  mode: AppointmentMode;
  slotType: SlotType;
  bookableBy: readonly Booker[];
  releaseAt: Date;
  serviceTag: string | null;
  embargoUntil?: Date | null;
  maxDaysAhead?: number | null;
}

export interface CandidateIndex {
  readonly size: number;
  readonly slots: readonly CandidateSlot[]; // ordered by start, then slotId
  readonly startMs: Float64Array;
  readonly endMs: Float64Array;
  readonly releaseMs: Float64Array;
  readonly embargoMs: Float64Array; // 0 = no embargo
  readonly maxDaysAhead: Int32Array; // -1 = no booking window
  readonly siteIdx: Int32Array;
  readonly clinicianIdx: Int32Array;
  readonly modeBit: Uint8Array;
  readonly bookableBits: Uint8Array;
  readonly serviceTagIdx: Int32Array; // -1 = not protected
  readonly londonDay: Int32Array; // days since epoch of the London date
  readonly londonMinute: Int16Array; // minutes since London midnight of the start
  readonly sites: readonly RankingSite[];
  readonly clinicians: readonly RankingClinician[];
  readonly clinicianRoleIdx: Uint8Array;
  readonly clinicianLanguageBits: Uint32Array;
  readonly positionsByClinician: readonly Int32Array[]; // ascending positions per clinician
  readonly siteIndexById: ReadonlyMap<string, number>;
  readonly clinicianIndexById: ReadonlyMap<string, number>;
  readonly serviceTags: ReadonlyMap<string, number>;
}

export const modeBitOf = (mode: AppointmentMode): number => 1 << APPOINTMENT_MODES.indexOf(mode);
export const bookerBitOf = (booker: Booker): number => 1 << BOOKERS.indexOf(booker);
export const roleIndexOf = (role: ClinicalRole): number => CLINICAL_ROLES.indexOf(role);
export const languageBitOf = (language: LanguageCode): number => 1 << LANGUAGES.findIndex((l) => l.code === language);

/** Orders and columnises candidates. Throws on a slot whose site or clinician is not listed. */
export function buildCandidateIndex(
  candidates: readonly CandidateSlot[],
  sites: readonly RankingSite[],
  clinicians: readonly RankingClinician[],
  clock: LondonClock = createLondonClock(),
): CandidateIndex {
  const siteIndexById = new Map(sites.map((s, i) => [s.siteId, i]));
  const clinicianIndexById = new Map(clinicians.map((c, i) => [c.clinicianId, i]));
  const slots = sortByStartThenId(candidates);
  const n = slots.length;
  const columns = {
    startMs: new Float64Array(n),
    endMs: new Float64Array(n),
    releaseMs: new Float64Array(n),
    embargoMs: new Float64Array(n),
    maxDaysAhead: new Int32Array(n),
    siteIdx: new Int32Array(n),
    clinicianIdx: new Int32Array(n),
    modeBit: new Uint8Array(n),
    bookableBits: new Uint8Array(n),
    serviceTagIdx: new Int32Array(n),
    londonDay: new Int32Array(n),
    londonMinute: new Int16Array(n),
  };
  const serviceTags = new Map<string, number>();
  const perClinician: number[][] = clinicians.map(() => []);
  for (let i = 0; i < n; i++) {
    const slot = slots[i]!;
    const site = siteIndexById.get(slot.siteId);
    const clinician = clinicianIndexById.get(slot.clinicianId);
    if (site === undefined) throw new RangeError(`slot ${slot.slotId}: unknown site ${slot.siteId}`);
    if (clinician === undefined) throw new RangeError(`slot ${slot.slotId}: unknown clinician ${slot.clinicianId}`);
    const startMs = slot.start.getTime();
    columns.startMs[i] = startMs;
    columns.endMs[i] = slot.end.getTime();
    columns.releaseMs[i] = slot.releaseAt.getTime();
    columns.embargoMs[i] = slot.embargoUntil?.getTime() ?? 0;
    columns.maxDaysAhead[i] = slot.maxDaysAhead ?? -1;
    columns.siteIdx[i] = site;
    columns.clinicianIdx[i] = clinician;
    columns.modeBit[i] = modeBitOf(slot.mode);
    columns.bookableBits[i] = slot.bookableBy.reduce((bits, b) => bits | bookerBitOf(b), 0);
    columns.serviceTagIdx[i] = slot.serviceTag === null ? -1 : internTag(serviceTags, slot.serviceTag);
    columns.londonDay[i] = clock.londonDayNumber(startMs);
    columns.londonMinute[i] = clock.londonMinuteOfDay(startMs);
    perClinician[clinician]!.push(i);
  }
  return {
    size: n,
    slots,
    ...columns,
    sites,
    clinicians,
    clinicianRoleIdx: Uint8Array.from(clinicians, (c) => roleIndexOf(c.role)),
    clinicianLanguageBits: Uint32Array.from(clinicians, (c) => c.languages.reduce((bits, l) => bits | languageBitOf(l), 0)),
    positionsByClinician: perClinician.map((positions) => Int32Array.from(positions)),
    siteIndexById,
    clinicianIndexById,
    serviceTags,
  };
}

// Sorting a permutation over a typed column avoids a Date read per comparison (300k slots: ~3× faster).
function sortByStartThenId(candidates: readonly CandidateSlot[]): CandidateSlot[] {
  const starts = Float64Array.from(candidates, (c) => c.start.getTime());
  const order = Array.from(candidates, (_, i) => i);
  order.sort((a, b) => {
    const byStart = starts[a]! - starts[b]!;
    if (byStart !== 0) return byStart;
    const idA = candidates[a]!.slotId;
    const idB = candidates[b]!.slotId;
    return idA < idB ? -1 : idA > idB ? 1 : 0;
  });
  return order.map((i) => candidates[i]!);
}

function internTag(tags: Map<string, number>, tag: string): number {
  let index = tags.get(tag);
  if (index === undefined) {
    index = tags.size;
    tags.set(tag, index);
  }
  return index;
}

/** First position in `sorted` (ascending) whose value is ≥ `value`. */
export function lowerBound(sorted: Float64Array, value: number, from = 0, to = sorted.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Takes a position out of every later search without a rebuild (a booked or held slot): a slot that is
 *  never released is never eligible. The booking service rebuilds the index to bring freed slots back. */
export function withdrawPosition(index: CandidateIndex, position: number): void {
  index.releaseMs[position] = Number.POSITIVE_INFINITY;
}

/** Undoes withdrawPosition when the slot is free again (a cancellation), without a rebuild. */
export function restorePosition(index: CandidateIndex, position: number): void {
  index.releaseMs[position] = index.slots[position]!.releaseAt.getTime();
}
