// Search for a patient: the domain ranks the in-memory index (free, released, future slots the actor may
// book for this patient), then the few results are checked against the database, so a slot booked a moment
// ago (here or by another process) is never offered.
import type { Actor } from '../trust/domain/actor.ts';
import { invalidInput } from '../shared/errors.ts';
import { londonIso } from '../shared/domain/london-time.ts';
import type { AppointmentMode, ClinicalRole } from '../shared/domain/vocabulary.ts';
import { APPOINTMENT_MODES, CLINICAL_ROLES, LANGUAGES } from '../shared/domain/vocabulary.ts';
import type { RankingResult, WaitSummary } from './domain/slot-ranking.ts';
import type { CandidateSlot } from './domain/slot-index.ts';
import { rankSlots } from './domain/slot-ranking.ts';
import type { SlotPreferences } from './domain/slot-search.ts';
import { bookersFor } from './domain/booking-actor.ts';
import { estimateTravel } from './domain/travel.ts';
import type { TravelMode } from './domain/travel.ts';
import type { RankingReason } from './domain/ranking-reasons.ts';
import { slotsNoLongerFree } from './booking.repository.ts';
import type { BookingPatient } from './booking.repository.ts';
import type { BookingDeps } from './booking-deps.ts';
import { requirePatient } from './booking-deps.ts';
import type { IndexSnapshot } from './slot-index-cache.ts';
import type { ClinicianView, OrganisationView } from './appointment-view.ts';
import { clinicianView } from './appointment-view.ts';
import { organisationOf } from './reference-data.ts';

export interface SearchInput {
  patientId: number;
  need?: { earliest?: string | null; latest?: string | null; modes?: readonly AppointmentMode[] | null; roles?: readonly ClinicalRole[] | 'any_clinician' | null; serviceTag?: string | null };
  preferences?: SlotPreferences & { limit?: number };
}

export interface SlotOption {
  slotId: number;
  start: string;
  end: string;
  mode: AppointmentMode;
  slotType: string;
  site: { id: string; name: string; postcode: string; stepFree: boolean };
  clinician: ClinicianView;
  organisation: OrganisationView;
  travelMinutes: Record<TravelMode, number> | null;
  reasons: RankingReason[];
  score: number;
}

export interface WaitView {
  clinician: ClinicianView;
  /** The first slot the patient could book with this clinician (or at all), even beyond the need window. */
  firstSlot: SlotOption | null;
  expectedWaitDays: number | null;
  waitMinutes: number | null;
}

export interface SearchResult {
  patientId: number;
  window: { earliest: string; latest: string };
  eligibleCount: number;
  options: SlotOption[];
  usualClinician: WaitView | null;
  firstAvailable: WaitView | null;
}

const DAY_MS = 86_400_000;
export const DEFAULT_SEARCH_DAYS = 14;
export const MAX_SEARCH_DAYS = 70;
const DEFAULT_MODES: AppointmentMode[] = ['in_person', 'telephone', 'video'];
const VERIFY_ATTEMPTS = 3;

export async function searchSlots(deps: BookingDeps, actor: Actor, input: SearchInput): Promise<SearchResult> {
  const now = deps.clock.now();
  const need = parseNeed(input.need ?? {}, now);
  const patient = await requirePatient(deps.db, input.patientId);
  await deps.patientAccess.assert(deps.db, actor, patient.id, { action: 'booking.search', resourceType: 'Slot' });
  const preferences = { ...defaultPreferences(patient), ...(input.preferences ?? {}) };
  for (let attempt = 1; ; attempt++) {
    const snapshot = await deps.index.current();
    const result = rankSlots(snapshot.index, {
      now, need, preferences, limit: Math.min(Math.max(preferences.limit ?? 10, 1), 50),
      patient: { practiceId: patient.practiceId, pcnId: patient.pcnId, optedOutOfSharing: patient.optedOutOfSharing, home: patient.home, usualClinicianId: patient.usualClinicianId },
      bookers: bookersFor(actor, patient), sharingAgreements: snapshot.reference.sharingAgreements,
    }, deps.londonClock);
    const shown = [...result.options.map((o) => o.slot.slotId), result.firstAvailable?.slotId, result.usualClinician?.slotId];
    const gone = await slotsNoLongerFree(deps.db, [...new Set(shown.filter((id): id is string => id !== undefined))].map(Number));
    if (gone.length === 0 || attempt === VERIFY_ATTEMPTS) {
      const stale = new Set(gone.map(String));
      return present(snapshot, patient, result, need, stale);
    }
    deps.index.markUnavailable(gone);
  }
}

function parseNeed(need: NonNullable<SearchInput['need']>, now: Date) {
  const earliest = need.earliest ? parseInstant(need.earliest, 'need.earliest') : now;
  const latest = need.latest ? parseInstant(need.latest, 'need.latest') : new Date(Math.max(now.getTime(), earliest.getTime()) + DEFAULT_SEARCH_DAYS * DAY_MS);
  if (latest.getTime() <= earliest.getTime()) throw invalidInput('need.latest', 'must be after need.earliest');
  if (latest.getTime() - Math.max(now.getTime(), earliest.getTime()) > MAX_SEARCH_DAYS * DAY_MS) {
    throw invalidInput('need.latest', `must be within ${MAX_SEARCH_DAYS} days`);
  }
  const modes = need.modes?.length ? need.modes : DEFAULT_MODES;
  if (modes.some((m) => !APPOINTMENT_MODES.includes(m))) throw invalidInput('need.modes', 'contains an unknown mode');
  const roles = !need.roles || need.roles === 'any_clinician' || need.roles.length === 0 ? ('any_clinician' as const) : need.roles;
  if (roles !== 'any_clinician' && roles.some((r) => !CLINICAL_ROLES.includes(r))) throw invalidInput('need.roles', 'contains an unknown role');
  return { earliest, latest, modes, roles, serviceTag: need.serviceTag ?? null };
}

function parseInstant(value: string, field: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(value)) throw invalidInput(field, 'must be an ISO 8601 date and time');
  return date;
}

// A patient whose main language is not English is offered clinicians who speak it first (a soft preference).
function defaultPreferences(patient: BookingPatient): SlotPreferences {
  const language = LANGUAGES.find((l) => l.code === patient.mainLanguage && l.code !== 'en')?.code ?? null;
  return { language, preferUsualClinician: true };
}

function present(snapshot: IndexSnapshot, patient: BookingPatient, result: RankingResult, need: { earliest: Date; latest: Date }, stale: ReadonlySet<string>): SearchResult {
  const { reference } = snapshot;
  const optionOf = (slot: CandidateSlot, reasons: RankingReason[], score: number): SlotOption => {
    const site = reference.sites.get(slot.siteId)!;
    return {
      slotId: Number(slot.slotId), start: londonIso(slot.start), end: londonIso(slot.end), mode: slot.mode, slotType: slot.slotType,
      site: { id: site.siteId, name: site.name, postcode: site.postcode, stepFree: site.stepFree },
      clinician: clinicianView(reference.staff.get(slot.clinicianId), slot.clinicianId),
      organisation: organisationOf(reference, site),
      travelMinutes: patient.home && site.location ? estimateTravel(patient.home, site.location).minutes : null,
      reasons, score,
    };
  };
  const options = result.options.filter((o) => !stale.has(o.slot.slotId)).map((o) => optionOf(o.slot, o.reasons, o.score));
  const wait = (summary: WaitSummary | null, clinicianId: string, reason: RankingReason): WaitView => {
    const position = summary && !stale.has(summary.slotId) ? snapshot.positionOf.get(summary.slotId) : undefined;
    const slot = position === undefined ? undefined : snapshot.index.slots[position];
    const ranked = slot ? options.find((o) => o.slotId === Number(slot.slotId)) : undefined;
    return {
      clinician: clinicianView(reference.staff.get(clinicianId), clinicianId),
      firstSlot: ranked ?? (slot ? optionOf(slot, [reason], 0) : null),
      expectedWaitDays: slot ? summary!.waitDays : null,
      waitMinutes: slot ? summary!.waitMinutes : null,
    };
  };
  const usualId = patient.usualClinicianId;
  const usualName = usualId ? (reference.staff.get(usualId)?.displayName ?? 'your usual clinician') : '';
  return {
    patientId: patient.id,
    window: { earliest: londonIso(need.earliest), latest: londonIso(need.latest) },
    eligibleCount: result.eligibleCount,
    options,
    usualClinician: usualId ? wait(result.usualClinician, usualId, { code: 'usual_clinician', text: `With ${usualName} who knows you` }) : null,
    firstAvailable: result.firstAvailable ? wait(result.firstAvailable, result.firstAvailable.clinicianId, { code: 'earliest', text: 'Earliest available' }) : null,
  };
}
