// Slots and appointments: 12 months of history (so measurement has data from day one) and the coming
// weeks' capacity, part of it already booked. Appointments follow borough.md: ~5.5 a patient a year,
// 45% with a GP, Monday peaks, the national mode mix, DNAs rising with the wait, continuity that is
// higher for older people and those with long-term conditions.
import type { AppointmentMode, BookingChannel, NationalCategory, StaffRole } from '../../shared/domain/vocabulary.ts';
import { addDays, type LocalDate } from '../../shared/domain/london-time.ts';
import { expandRota, type ExpandedSlot } from '../../booking/domain/rota.ts';
import { createLondonClock, dateOfDayNumber, dayNumberOfDate, isoWeekdayOfDate } from '../../booking/domain/london-clock.ts';
import type { BoroughParameters } from './borough-parameters.ts';
import type { BoroughStructure, StaffMember } from './borough-structure.ts';
import type { PatientSummary } from './patients.ts';
import type { Rotas } from './rotas.ts';
import { createRandom, type Random } from './random.ts';

export interface SlotRow {
  id: number; templateId: string; staffId: string; siteId: string; practiceId: string | null; hubId: string | null;
  start: Date; end: Date; mode: AppointmentMode; slotType: string; bookableBy: readonly string[]; serviceTag: string | null;
  releaseAt: Date; status: 'free' | 'booked';
}

export interface AppointmentRow {
  id: number; slotId: number | null; patientId: number; practiceId: string; deliveredByPracticeId: string | null;
  deliveredByHubId: string | null; staffId: string; hcpRole: StaffRole; siteId: string; start: Date; end: Date;
  mode: AppointmentMode; status: 'booked' | 'attended' | 'dna' | 'cancelled' | 'unknown'; nationalCategory: NationalCategory;
  serviceSetting: 'General Practice' | 'Extended Access Provision'; bookingChannel: BookingChannel; bookedByOrg: string;
  bookedAt: Date; actualStart: Date | null; actualEnd: Date | null; cancelledAt: Date | null; cancellationReason: string | null;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Relative demand by ISO weekday: Monday is the busiest day. */
const WEEKDAY_DEMAND = [0, 1.3, 1.05, 1.0, 1.0, 0.95, 0, 0];
/** Role mix of practice appointments other than GP (shares of the non-GP part). */
const OTHER_ROLES: readonly (readonly [StaffRole, number])[] = [
  ['nurse', 36], ['hca', 24], ['pharmacist', 14], ['physio', 6], ['paramedic', 4], ['care_coordinator', 5],
  ['link_worker', 4], ['mental_health_practitioner', 4], ['health_wellbeing_coach', 3],
];
const SLOT_MINUTES: Partial<Record<StaffRole, number>> = { gp: 15, nurse: 20, hca: 15, pharmacist: 20, physio: 30, paramedic: 30, link_worker: 45 };
/** Booking lead time in days: [upper bound, weight, DNA probability]. */
const LEAD_TIMES: readonly (readonly [number, number, number])[] = [
  [0, 42, 0.02], [1, 8, 0.03], [7, 20, 0.05], [14, 13, 0.065], [21, 7, 0.075], [28, 5, 0.085], [42, 5, 0.1],
];
/** Chance a slot in the coming weeks is already booked, by days ahead. */
const FUTURE_BOOKED: readonly (readonly [number, number])[] = [[0, 0.85], [2, 0.75], [7, 0.55], [14, 0.35], [28, 0.15], [Infinity, 0.05]];
const CHANNELS: readonly (readonly [BookingChannel, number])[] = [['navigator', 64], ['patient_online', 26], ['clinician', 8], ['nhs111', 2]];
// Weight lists built once: the history draws from them ~1.6 million times.
const CHANNEL_WEIGHTS = CHANNELS.map(([, w]) => w);
const OTHER_ROLE_WEIGHTS = OTHER_ROLES.map(([, w]) => w);
const LEAD_TIME_WEIGHTS = LEAD_TIMES.map(([, w]) => w);

export interface Activity {
  slots: SlotRow[];
  /** Appointments that hold a slot (hub history and bookings already made for the coming weeks); their slots are marked booked. */
  slotAppointments: AppointmentRow[];
  /** Twelve months of practice appointments, produced lazily (ids follow the slot appointments) so the loader streams them. */
  history(): Generator<AppointmentRow>;
}

export function generateActivity(parameters: BoroughParameters, structure: BoroughStructure, rotas: Rotas, summary: PatientSummary,
  seed: number, anchorDate: LocalDate, bankHolidays: ReadonlySet<LocalDate>): Activity {
  const siteOwner = new Map(structure.sites.map((s) => [s.id, s]));
  const staffById = new Map(structure.staff.map((s) => [s.id, s]));
  const hubTemplates = rotas.templates.filter((t) => t.slotType === 'hub');
  const hubTemplateIds = new Set(hubTemplates.map((t) => t.id));
  const pastHub = expandRota(hubTemplates, [], { from: addDays(anchorDate, -365), to: addDays(anchorDate, -1) }, bankHolidays);
  const future = expandRota(rotas.templates, rotas.exceptions, { from: anchorDate, to: addDays(anchorDate, parameters.slotWeeks * 7 - 1) }, bankHolidays);
  const slots: SlotRow[] = [...pastHub, ...future].map((s, i) => toSlotRow(s, i + 1, siteOwner));
  const anchorMs = dayNumberOfDate(anchorDate) * DAY_MS; // midnight UTC of the anchor date; London midnight is within an hour
  const context = new ActivityContext(parameters, structure, summary, seed, anchorDate, bankHolidays, staffById);
  const slotAppointments: AppointmentRow[] = [];
  const book = (random: Random, slot: SlotRow, patientId: number, isPast: boolean) => {
    slot.status = 'booked';
    slotAppointments.push(context.slotAppointment(random, slotAppointments.length + 1, slot, patientId, isPast, staffById.get(slot.staffId)!.role));
  };
  // Bookings scale with demand: in a small test borough the clinics' fixed minimum staffing would
  // otherwise be filled by a handful of patients.
  const weeklyDemand = (summary.count * parameters.appointmentsPerPatientYear) / 52;
  const practiceSlotsPerWeek = future.filter((s) => !hubTemplateIds.has(s.templateId)).length / parameters.slotWeeks;
  const hubSlotsPerWeek = Math.max(1, pastHub.length / 52);
  const practiceFill = Math.min(1, weeklyDemand / Math.max(1, practiceSlotsPerWeek));
  const hubFill = Math.min(1, (weeklyDemand * parameters.hubShareOfAppointments) / hubSlotsPerWeek / 0.75);
  const hubRandom = createRandom(seed, 'hub-bookings');
  const practiceRandom = createRandom(seed, 'practice-bookings');
  for (const slot of slots) {
    const isPast = slot.start.getTime() < anchorMs;
    if (slot.hubId) {
      const weekday = isoWeekdayOfDate(dateOfDayNumber(Math.floor(slot.start.getTime() / DAY_MS)));
      const chance = hubFill * (isPast ? (parameters.hubUtilisation[weekday - 1] ?? 0.7) : futureBookedChance(slot, anchorMs));
      if (!hubRandom.chance(chance)) continue;
      const patientId = context.hubPatient(hubRandom, slot.hubId);
      if (patientId !== null) book(hubRandom, slot, patientId, isPast);
    } else if (practiceRandom.chance(practiceFill * futureBookedChance(slot, anchorMs))) {
      book(practiceRandom, slot, context.practicePatient(practiceRandom, slot.practiceId!), false);
    }
  }
  const firstHistoryId = slotAppointments.length + 1;
  return {
    slots,
    slotAppointments,
    *history() {
      let id = firstHistoryId;
      for (let patientIndex = 0; patientIndex < summary.count; patientIndex++) {
        for (const appointment of context.history(patientIndex)) {
          appointment.id = id++;
          yield appointment;
        }
      }
    },
  };
}

function futureBookedChance(slot: SlotRow, anchorMs: number): number {
  if (slot.releaseAt.getTime() > anchorMs) return 0; // not yet released: nobody could have booked it
  const daysAhead = Math.floor((slot.start.getTime() - anchorMs) / DAY_MS);
  return FUTURE_BOOKED.find(([upTo]) => daysAhead <= upTo)![1];
}

function toSlotRow(s: ExpandedSlot, id: number, sites: Map<string, { practiceId: string | null; hubId: string | null }>): SlotRow {
  const site = sites.get(s.siteId)!;
  return {
    id, templateId: s.templateId, staffId: s.staffId, siteId: s.siteId, practiceId: site.practiceId, hubId: site.hubId,
    start: s.start, end: s.end, mode: s.mode, slotType: s.slotType, bookableBy: s.bookableBy, serviceTag: s.serviceTag,
    releaseAt: s.releaseAt, status: 'free',
  };
}

class ActivityContext {
  private readonly clock = createLondonClock();
  private readonly practiceFirstId: number[] = [];
  private readonly staffByPracticeRole = new Map<string, StaffMember[]>();
  private readonly pastDays: number[] = [];
  private readonly pastDayWeights: number[] = [];
  private readonly ratePerRelativeRisk: number;
  private readonly hubPractices = new Map<string, number[]>();
  readonly parameters: BoroughParameters;
  readonly structure: BoroughStructure;
  readonly summary: PatientSummary;
  readonly seed: number;
  readonly staffById: Map<string, StaffMember>;

  constructor(parameters: BoroughParameters, structure: BoroughStructure, summary: PatientSummary, seed: number, anchorDate: LocalDate,
    bankHolidays: ReadonlySet<LocalDate>, staffById: Map<string, StaffMember>) {
    this.parameters = parameters;
    this.structure = structure;
    this.summary = summary;
    this.seed = seed;
    this.staffById = staffById;
    let first = 1;
    for (const p of structure.practices) {
      this.practiceFirstId.push(first);
      first += p.listSize;
    }
    for (const member of structure.staff) {
      if (member.hubId) continue;
      const practiceIds = member.practiceId ? [member.practiceId] : structure.practices.filter((p) => p.pcnId === member.pcnId).map((p) => p.id);
      for (const practiceId of practiceIds) {
        const key = `${practiceId}:${member.role}`;
        this.staffByPracticeRole.set(key, [...(this.staffByPracticeRole.get(key) ?? []), member]);
      }
    }
    const anchorDay = dayNumberOfDate(anchorDate);
    for (let day = anchorDay - 365; day < anchorDay; day++) {
      const date = dateOfDayNumber(day);
      this.pastDays.push(day);
      this.pastDayWeights.push(bankHolidays.has(date) ? 0 : WEEKDAY_DEMAND[isoWeekdayOfDate(date)]!);
    }
    for (const hub of structure.hubs) {
      const signed = new Set(structure.sharingAgreements.filter((a) => a.hubId === hub.id).map((a) => a.practiceId));
      this.hubPractices.set(hub.id, structure.practices.flatMap((p, i) => (signed.has(p.id) ? [i] : [])));
    }
    let totalRisk = 0;
    for (let i = 0; i < summary.count; i++) totalRisk += relativeRisk(summary, i);
    const practiceShare = 1 - parameters.hubShareOfAppointments;
    this.ratePerRelativeRisk = (parameters.appointmentsPerPatientYear * practiceShare * summary.count) / totalRisk;
  }

  practicePatient(random: Random, practiceId: string): number {
    const index = this.structure.practices.findIndex((p) => p.id === practiceId);
    return this.practiceFirstId[index]! + random.int(0, this.structure.practices[index]!.listSize - 1);
  }

  /** A patient of a practice that signed the hub's agreement and has not opted out, or null. */
  hubPatient(random: Random, hubId: string): number | null {
    const practices = this.hubPractices.get(hubId) ?? [];
    for (let attempt = 0; attempt < 5 && practices.length; attempt++) {
      const practiceIndex = random.pick(practices);
      const id = this.practiceFirstId[practiceIndex]! + random.int(0, this.structure.practices[practiceIndex]!.listSize - 1);
      if (!this.summary.optedOutOfSharing[id - 1]) return id;
    }
    return null;
  }

  slotAppointment(random: Random, id: number, slot: SlotRow, patientId: number, isPast: boolean, role: StaffRole): AppointmentRow {
    const practiceId = this.structure.practices[this.summary.practiceIndex[patientId - 1]!]!.id;
    const leadDays = isPast ? random.int(0, 14) : 0;
    const bookedAt = new Date(Math.min(slot.start.getTime() - leadDays * DAY_MS - random.int(30, 600) * MINUTE_MS, slot.start.getTime() - 30 * MINUTE_MS));
    const outcome = isPast ? (random.chance(0.04) ? 'dna' : 'attended') : 'booked';
    return {
      id, slotId: slot.id, patientId, practiceId, deliveredByPracticeId: slot.practiceId, deliveredByHubId: slot.hubId,
      staffId: slot.staffId, hcpRole: role, siteId: slot.siteId, start: slot.start, end: slot.end, mode: slot.mode, status: outcome,
      nationalCategory: nationalCategory(role, slot.mode, leadDays === 0),
      serviceSetting: slot.hubId ? 'Extended Access Provision' : 'General Practice',
      bookingChannel: slot.hubId ? 'hub' : CHANNELS[random.weightedIndex(CHANNEL_WEIGHTS)]![0],
      bookedByOrg: slot.hubId ?? practiceId, bookedAt,
      actualStart: outcome === 'attended' ? new Date(slot.start.getTime() + random.int(0, 15) * MINUTE_MS) : null,
      actualEnd: outcome === 'attended' ? slot.end : null, cancelledAt: null, cancellationReason: null,
    };
  }

  *history(patientIndex: number): Generator<AppointmentRow> {
    const random = createRandom(this.seed, `history:${patientIndex}`);
    const count = random.poisson(this.ratePerRelativeRisk * relativeRisk(this.summary, patientIndex));
    if (count === 0) return;
    const practice = this.structure.practices[this.summary.practiceIndex[patientIndex]!]!;
    const age = this.summary.age[patientIndex]!;
    const complex = age >= 65 || this.summary.conditionCount[patientIndex]! >= 2;
    const continuity = 0.3 + (complex ? 0.25 : 0) + (age >= 75 ? 0.1 : 0);
    const usual = this.structure.staff[this.summary.usualClinicianIndex[patientIndex]!];
    const housebound = this.summary.housebound[patientIndex] === 1;
    const days = Array.from({ length: count }, () => this.pastDays[random.weightedIndex(this.pastDayWeights)]!).sort((a, b) => a - b);
    for (const day of days) {
      const role: StaffRole = random.chance(this.parameters.gpShareOfAppointments / (1 - this.parameters.hubShareOfAppointments))
        ? 'gp' : OTHER_ROLES[random.weightedIndex(OTHER_ROLE_WEIGHTS)]![0];
      const pool = this.staffByPracticeRole.get(`${practice.id}:${role}`) ?? this.staffByPracticeRole.get(`${practice.id}:nurse`)!;
      const clinician = role === 'gp' && usual && random.chance(continuity) ? usual : random.pick(pool);
      yield this.historicAppointment(random, patientIndex + 1, practice.id, day, clinician, housebound);
    }
  }

  private historicAppointment(random: Random, patientId: number, practiceId: string, day: number, clinician: StaffMember, housebound: boolean): AppointmentRow {
    const minutes = SLOT_MINUTES[clinician.role] ?? 30;
    const morning = random.chance(0.62);
    const sessionStart = morning ? 8 * 60 + 30 : 14 * 60;
    const slotsInSession = Math.floor((morning ? 210 : 240) / minutes);
    const startMinute = sessionStart + minutes * Math.min(slotsInSession - 1, Math.floor(random.next() ** (morning ? 1.4 : 1) * slotsInSession));
    const date = dateOfDayNumber(day);
    const start = new Date(this.clock.wallClockMs(date, startMinute));
    const end = new Date(this.clock.wallClockMs(date, startMinute + minutes));
    const mode = historicMode(random, this.parameters, clinician.role, housebound);
    const leadIndex = random.weightedIndex(LEAD_TIME_WEIGHTS);
    const [upTo, , dnaChance] = LEAD_TIMES[leadIndex]!;
    const lowerBound = leadIndex === 0 ? 0 : LEAD_TIMES[leadIndex - 1]![0] + 1;
    const leadDays = random.int(lowerBound, upTo);
    const bookedAt = leadDays === 0
      ? new Date(Math.min(start.getTime() - 20 * MINUTE_MS, this.clock.wallClockMs(date, 8 * 60 + random.int(0, 90))))
      : new Date(start.getTime() - leadDays * DAY_MS - random.int(0, 480) * MINUTE_MS);
    const r = random.next();
    const status: AppointmentRow['status'] = r < 0.06 ? 'cancelled' : r < 0.064 ? 'unknown' : random.chance(dnaChance * (this.parameters.dnaRate / 0.045)) ? 'dna' : 'attended';
    return {
      id: 0, slotId: null, patientId, practiceId, deliveredByPracticeId: practiceId, deliveredByHubId: null,
      staffId: clinician.id, hcpRole: clinician.role, siteId: clinician.siteIds[0]!, start, end, mode, status,
      nationalCategory: nationalCategory(clinician.role, mode, leadDays === 0),
      serviceSetting: 'General Practice',
      bookingChannel: CHANNELS[random.weightedIndex(CHANNEL_WEIGHTS)]![0],
      bookedByOrg: practiceId, bookedAt,
      actualStart: status === 'attended' ? new Date(start.getTime() + random.int(0, 20) * MINUTE_MS) : null,
      actualEnd: status === 'attended' ? new Date(end.getTime() + random.int(0, 10) * MINUTE_MS) : null,
      cancelledAt: status === 'cancelled' ? new Date(Math.max(bookedAt.getTime(), start.getTime() - random.int(60, 4 * 24 * 60) * MINUTE_MS)) : null,
      cancellationReason: status === 'cancelled' ? random.pick(['Patient cancelled', 'No longer needed', 'Clinician unavailable', 'Rebooked']) : null,
    };
  }
}

/** Relative appointment rate: the very young and old, long-term conditions and frailty consult more. */
function relativeRisk(summary: PatientSummary, i: number): number {
  const age = summary.age[i]!;
  const ageFactor = age < 5 ? 1.3 : age < 16 ? 0.6 : age < 40 ? 0.75 : age < 65 ? 1.0 : age < 80 ? 1.6 : 2.0;
  return ageFactor * (1 + 0.3 * summary.conditionCount[i]!) * (1 + 0.04 * summary.frailtyDeficitCount[i]!);
}

function historicMode(random: Random, parameters: BoroughParameters, role: StaffRole, housebound: boolean): AppointmentMode {
  if (housebound && random.chance(0.5)) return 'home_visit';
  if (role === 'hca') return 'in_person';
  const { in_person, telephone, video, home_visit } = parameters.modeMix;
  const telephoneBias = role === 'link_worker' || role === 'care_coordinator' || role === 'pharmacist' ? 1.6 : 1;
  const weights = [in_person, telephone * telephoneBias, video, home_visit * (role === 'paramedic' ? 20 : 0.5)];
  return (['in_person', 'telephone', 'video', 'home_visit'] as const)[random.weightedIndex(weights)]!;
}

function nationalCategory(role: StaffRole, mode: AppointmentMode, sameDay: boolean): NationalCategory {
  if (mode === 'home_visit') return 'Home Visit';
  switch (role) {
    case 'gp':
    case 'paramedic':
      return sameDay ? 'General Consultation Acute' : 'General Consultation Routine';
    case 'nurse':
      return 'Planned Clinics';
    case 'hca':
      return 'Planned Clinical Procedure';
    case 'pharmacist':
      return 'Structured Medication Review';
    case 'link_worker':
    case 'health_wellbeing_coach':
      return 'Social Prescribing Service';
    case 'care_coordinator':
    case 'physio':
    case 'mental_health_practitioner':
      return 'Patient contact as part of a clinical pathway';
    default:
      return 'General Consultation Routine';
  }
}
