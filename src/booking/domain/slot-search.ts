// Per-request tables for slot ranking: everything that depends only on the site or the clinician is decided
// once per search (permission, step-free, travel, role, language), so the per-slot work is a few array reads.
import type { AppointmentMode, ClinicalRole, LanguageCode } from '../../shared/domain/vocabulary.ts';
import type { BookingOrganisation, PatientSharing } from './booking-permission.ts';
import { checkOrganisation } from './booking-permission.ts';
import type { CandidateIndex, RankingSite } from './slot-index.ts';
import { bookerBitOf, languageBitOf, modeBitOf, roleIndexOf } from './slot-index.ts';
import type { LatLon, TravelMode, TravelTimes } from './travel.ts';
import { estimateTravel } from './travel.ts';
import type { LondonClock } from './london-clock.ts';

export type TimeOfDay = 'morning' | 'afternoon' | 'evening';

export interface SlotNeed {
  earliest: Date;
  latest: Date; // only slots lying wholly inside [earliest, latest] qualify (GP Connect search semantics)
  modes: readonly AppointmentMode[];
  roles: 'any_clinician' | readonly ClinicalRole[];
  /** A need for a protected service may use slots tagged for it; untagged needs never take protected slots. */
  serviceTag?: string | null;
}

export interface SlotPreferences {
  mode?: AppointmentMode | null;
  timeOfDay?: TimeOfDay | null;
  /** Prefer the patient's usual clinician (default true when the patient has one). */
  preferUsualClinician?: boolean;
  language?: LanguageCode | null;
  stepFreeRequired?: boolean; // hard filter on in-person slots
  maxTravelMinutes?: number | null; // hard filter on in-person slots, by travelMode
  travelMode?: TravelMode;
}

export interface RankingPatient extends PatientSharing {
  home: LatLon | null;
  usualClinicianId: string | null;
}

export interface RankingRequest {
  now: Date;
  patient: RankingPatient;
  /** The capacities the requester may book in (e.g. a navigator at practice A: own_practice for A and pcn
   *  for A's PCN); a slot qualifies when any one of them may book it. */
  bookers: readonly BookingOrganisation[];
  /** Practices that signed with each delivering organisation, keyed by hub id (hub slots) or PCN id. */
  sharingAgreements: ReadonlyMap<string, ReadonlySet<string>>;
  need: SlotNeed;
  preferences: SlotPreferences;
  /** Routed travel times per site; sites missing here are estimated from the patient's home. */
  travelBySite?: ReadonlyMap<string, TravelTimes>;
  limit?: number;
  /** Show at most one option per clinician per day, so the list offers real choice (default true). */
  onePerClinicianDay?: boolean;
}

/** Soft-preference weights: the score is their sum; earliness scales linearly across the need window. */
export const RANKING_WEIGHTS = {
  earliness: 40,
  usualClinician: 30,
  language: 20,
  preferredMode: 15,
  timeOfDay: 10,
  travel: 10,
  ownPractice: 5,
} as const satisfies Record<string, number>;

/** Travel counted as "no travel" for the score when it reaches this many minutes and no maximum is given. */
const DEFAULT_TRAVEL_SCALE_MINUTES = 60;
const EVENING_FROM = 17 * 60;
const AFTERNOON_FROM = 12 * 60;
const TRAVELLING_MODES = modeBitOf('in_person');
const OWN_PRACTICE_BIT = bookerBitOf('own_practice');
const EMPTY_AGREEMENT: ReadonlySet<string> = new Set();

export interface SearchContext {
  nowMs: number;
  nowDay: number;
  windowStartMs: number;
  windowEndMs: number;
  modeMask: number;
  needTag: number; // -2 = the need's tag is unknown to the index, -1 = no tag
  usualIdx: number;
  preferredModeBit: number;
  timeOfDay: TimeOfDay | null;
  clinicianOk: Uint8Array;
  clinicianScore: Float64Array;
  /** Booker bits permitted per site, already 0 where step-free or travel rules out an in-person visit. */
  siteBookersTravelling: Uint8Array;
  siteBookersRemote: Uint8Array;
  siteScoreTravelling: Float64Array;
  siteScoreRemote: Float64Array;
  siteTravelMinutes: Int32Array; // -1 = unknown
  travelMode: TravelMode;
}

export function prepareSearch(index: CandidateIndex, request: RankingRequest, clock: LondonClock): SearchContext {
  const { need, preferences: prefs, patient } = request;
  const nowMs = request.now.getTime();
  const usualIdx =
    patient.usualClinicianId !== null && prefs.preferUsualClinician !== false
      ? (index.clinicianIndexById.get(patient.usualClinicianId) ?? -1)
      : -1;
  const tag = need.serviceTag ?? null;
  const context: SearchContext = {
    nowMs,
    nowDay: clock.londonDayNumber(nowMs),
    windowStartMs: Math.max(need.earliest.getTime(), nowMs + 1),
    windowEndMs: need.latest.getTime(),
    modeMask: need.modes.reduce((bits, mode) => bits | modeBitOf(mode), 0),
    needTag: tag === null ? -1 : (index.serviceTags.get(tag) ?? -2),
    usualIdx,
    preferredModeBit: prefs.mode ? modeBitOf(prefs.mode) : 0,
    timeOfDay: prefs.timeOfDay ?? null,
    ...clinicianTables(index, need, prefs, usualIdx),
    ...siteTables(index, request),
    travelMode: prefs.travelMode ?? 'walk',
  };
  return context;
}

function clinicianTables(index: CandidateIndex, need: SlotNeed, prefs: SlotPreferences, usualIdx: number) {
  const roleOk = need.roles === 'any_clinician' ? null : new Set(need.roles.map(roleIndexOf));
  const languageBit = prefs.language ? languageBitOf(prefs.language) : 0;
  const count = index.clinicians.length;
  const clinicianOk = new Uint8Array(count);
  const clinicianScore = new Float64Array(count);
  for (let c = 0; c < count; c++) {
    clinicianOk[c] = roleOk === null || roleOk.has(index.clinicianRoleIdx[c]!) ? 1 : 0;
    let score = c === usualIdx ? RANKING_WEIGHTS.usualClinician : 0;
    if (languageBit !== 0 && (index.clinicianLanguageBits[c]! & languageBit) !== 0) score += RANKING_WEIGHTS.language;
    clinicianScore[c] = score;
  }
  return { clinicianOk, clinicianScore };
}

function siteTables(index: CandidateIndex, request: RankingRequest) {
  const { preferences: prefs, patient } = request;
  const travelMode = prefs.travelMode ?? 'walk';
  const maxTravel = prefs.maxTravelMinutes ?? null;
  const travelScale = maxTravel ?? DEFAULT_TRAVEL_SCALE_MINUTES;
  const count = index.sites.length;
  const tables = {
    siteBookersTravelling: new Uint8Array(count),
    siteBookersRemote: new Uint8Array(count),
    siteScoreTravelling: new Float64Array(count),
    siteScoreRemote: new Float64Array(count),
    siteTravelMinutes: new Int32Array(count).fill(-1),
  };
  index.sites.forEach((site, s) => {
    const agreement = request.sharingAgreements.get(agreementKey(site)) ?? EMPTY_AGREEMENT;
    const permitted = request.bookers.reduce(
      (bits, booker) => (checkOrganisation(site, booker, patient, agreement) === null ? bits | bookerBitOf(booker.kind) : bits),
      0,
    );
    const travel = travelMinutes(site, patient.home, request.travelBySite, travelMode);
    const ownPractice = site.practiceId === patient.practiceId ? RANKING_WEIGHTS.ownPractice : 0;
    tables.siteTravelMinutes[s] = travel ?? -1;
    tables.siteBookersRemote[s] = permitted;
    const canVisit = (!prefs.stepFreeRequired || site.stepFree) && (maxTravel === null || travel === null || travel <= maxTravel);
    tables.siteBookersTravelling[s] = canVisit ? permitted : 0;
    const travelScore = travel === null ? 0.5 : 1 - Math.min(travel, travelScale) / travelScale;
    tables.siteScoreTravelling[s] = ownPractice + RANKING_WEIGHTS.travel * travelScore;
    tables.siteScoreRemote[s] = ownPractice + RANKING_WEIGHTS.travel * 0.5; // neutral: no journey, but no visit either
  });
  return tables;
}

/** Which sharing agreement governs a site: the hub's own, or the PCN's for practice sites. */
export function agreementKey(site: RankingSite): string {
  return site.hubId ?? site.pcnId;
}

function travelMinutes(
  site: RankingSite,
  home: LatLon | null,
  routed: ReadonlyMap<string, TravelTimes> | undefined,
  mode: TravelMode,
): number | null {
  const known = routed?.get(site.siteId);
  if (known) return known.minutes[mode];
  if (home === null || site.location === null) return null;
  return estimateTravel(home, site.location).minutes[mode];
}

/** Every hard filter for position `i`, except the upper end of the need window (callers bound that). */
export function isEligible(ctx: SearchContext, index: CandidateIndex, i: number): boolean {
  const modeBit = index.modeBit[i]!;
  if ((modeBit & ctx.modeMask) === 0) return false;
  if (index.startMs[i]! < ctx.windowStartMs || index.releaseMs[i]! > ctx.nowMs) return false;
  if (ctx.clinicianOk[index.clinicianIdx[i]!] === 0) return false;
  const site = index.siteIdx[i]!;
  const siteBookers = (modeBit & TRAVELLING_MODES) !== 0 ? ctx.siteBookersTravelling[site]! : ctx.siteBookersRemote[site]!;
  let bookers = index.bookableBits[i]! & siteBookers;
  if (bookers === 0) return false;
  const tag = index.serviceTagIdx[i]!;
  if (tag !== -1 && tag !== ctx.needTag) return false;
  if (ctx.nowMs < index.embargoMs[i]!) bookers &= OWN_PRACTICE_BIT; // GP Connect embargo binds all but the owner
  if (bookers === 0) return false;
  const window = index.maxDaysAhead[i]!;
  return window < 0 || index.londonDay[i]! - ctx.nowDay <= window;
}

export function scoreOf(ctx: SearchContext, index: CandidateIndex, i: number): number {
  const span = ctx.windowEndMs - ctx.windowStartMs;
  const lateness = span > 0 ? (index.startMs[i]! - ctx.windowStartMs) / span : 0;
  const modeBit = index.modeBit[i]!;
  const site = index.siteIdx[i]!;
  let score = RANKING_WEIGHTS.earliness * (1 - Math.min(1, Math.max(0, lateness)));
  score += (modeBit & TRAVELLING_MODES) !== 0 ? ctx.siteScoreTravelling[site]! : ctx.siteScoreRemote[site]!;
  score += ctx.clinicianScore[index.clinicianIdx[i]!]!;
  if (modeBit === ctx.preferredModeBit) score += RANKING_WEIGHTS.preferredMode;
  if (ctx.timeOfDay !== null && timeOfDayOf(index.londonMinute[i]!) === ctx.timeOfDay) score += RANKING_WEIGHTS.timeOfDay;
  return score;
}

export function timeOfDayOf(minuteOfDay: number): TimeOfDay {
  if (minuteOfDay >= EVENING_FROM) return 'evening';
  return minuteOfDay >= AFTERNOON_FROM ? 'afternoon' : 'morning';
}
