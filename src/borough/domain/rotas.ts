// Clinicians' weekly session templates (what the booking engine expands into slots) and their leave.
// Practice shape: same-day sessions released at 08:00 on the day, pre-bookable ones four weeks ahead;
// hubs cover the configured extended-access hours.
import type { AppointmentMode, Booker, SlotType, StaffRole } from '../../shared/domain/vocabulary.ts';
import { addDays, weekdayOfDate, type LocalDate } from '../../shared/domain/london-time.ts';
import type { ReleaseRule, RotaException, SessionTemplate } from '../../booking/domain/rota.ts';
import { hubSessionTemplates, type HubClinicianRota } from '../../booking/domain/hub-hours.ts';
import type { BoroughParameters } from './borough-parameters.ts';
import type { BoroughStructure, StaffMember } from './borough-structure.ts';
import { createRandom, type Random } from './random.ts';

interface RoleRota {
  sessionsPerWeek: readonly [number, number];
  slotMinutes: number;
  /** Weights for in_person, telephone, video, home_visit sessions. */
  modes: readonly [number, number, number, number];
  sameDayShare: number;
  serviceTag: string | null;
}

const ROLE_ROTAS: Readonly<Partial<Record<StaffRole, RoleRota>>> = {
  gp: { sessionsPerWeek: [5, 8], slotMinutes: 15, modes: [66, 28, 6, 0], sameDayShare: 0.5, serviceTag: null },
  nurse: { sessionsPerWeek: [6, 9], slotMinutes: 20, modes: [90, 10, 0, 0], sameDayShare: 0.15, serviceTag: 'long_term_condition_review' },
  hca: { sessionsPerWeek: [6, 9], slotMinutes: 15, modes: [100, 0, 0, 0], sameDayShare: 0.1, serviceTag: null },
  pharmacist: { sessionsPerWeek: [4, 7], slotMinutes: 20, modes: [40, 55, 5, 0], sameDayShare: 0.2, serviceTag: 'medication_review' },
  physio: { sessionsPerWeek: [5, 8], slotMinutes: 30, modes: [85, 15, 0, 0], sameDayShare: 0.2, serviceTag: null },
  paramedic: { sessionsPerWeek: [4, 6], slotMinutes: 30, modes: [40, 10, 0, 50], sameDayShare: 0.8, serviceTag: null },
  link_worker: { sessionsPerWeek: [5, 8], slotMinutes: 45, modes: [50, 45, 5, 0], sameDayShare: 0, serviceTag: 'social_prescribing' },
  care_coordinator: { sessionsPerWeek: [4, 6], slotMinutes: 30, modes: [30, 70, 0, 0], sameDayShare: 0, serviceTag: null },
  mental_health_practitioner: { sessionsPerWeek: [4, 7], slotMinutes: 30, modes: [60, 35, 5, 0], sameDayShare: 0.3, serviceTag: null },
  health_wellbeing_coach: { sessionsPerWeek: [3, 5], slotMinutes: 30, modes: [50, 50, 0, 0], sameDayShare: 0, serviceTag: null },
};

const MODES: readonly AppointmentMode[] = ['in_person', 'telephone', 'video', 'home_visit'];
const SESSIONS = [
  { start: '08:30', end: '12:00' },
  { start: '14:00', end: '18:00' },
] as const;
const SAME_DAY_RELEASE: ReleaseRule = { kind: 'same_day_at', time: '08:00' };
const PRE_BOOKABLE_RELEASE: ReleaseRule = { kind: 'days_before_at', days: 28, time: '00:00' };
const HUB_RELEASE: ReleaseRule = { kind: 'days_before_at', days: 14, time: '00:00' };

export interface Rotas {
  templates: SessionTemplate[];
  exceptions: RotaException[];
}

export function generateRotas(parameters: BoroughParameters, structure: BoroughStructure, seed: number, anchorDate: LocalDate): Rotas {
  const random = createRandom(seed, 'rotas');
  const validFrom = addDays(anchorDate, -400);
  const templates: SessionTemplate[] = [];
  for (const member of structure.staff) {
    const rota = ROLE_ROTAS[member.role];
    if (!rota || member.hubId) continue;
    templates.push(...practiceTemplates(random, member, rota, validFrom));
  }
  templates.push(...hubTemplates(parameters, structure, validFrom));
  return { templates, exceptions: leave(random, structure, anchorDate, parameters.slotWeeks) };
}

function practiceTemplates(random: Random, member: StaffMember, rota: RoleRota, validFrom: LocalDate): SessionTemplate[] {
  // Choose this clinician's half-day sessions across Monday–Friday (index = day * 2 + session).
  const count = random.int(rota.sessionsPerWeek[0], rota.sessionsPerWeek[1]);
  const chosen = random.shuffle(Array.from({ length: 10 }, (_, i) => i)).slice(0, count).sort((a, b) => a - b);
  return chosen.map((index, n) => {
    const weekday = Math.floor(index / 2) + 1;
    const session = SESSIONS[index % 2]!;
    const sameDay = random.chance(rota.sameDayShare);
    const mode = MODES[random.weightedIndex(rota.modes)]!;
    const slotType: SlotType = sameDay ? 'same_day' : rota.serviceTag && n === 0 ? 'protected' : 'pre_bookable';
    const bookableBy: Booker[] = sameDay ? ['own_practice', ...(random.chance(0.3) ? (['nhs111'] as const) : [])] : ['own_practice', 'pcn'];
    return {
      id: `${member.id}-T${n + 1}`,
      staffId: member.id,
      siteId: member.siteIds[index % member.siteIds.length]!,
      weekdays: [weekday],
      start: session.start,
      end: session.end,
      slotMinutes: rota.slotMinutes,
      mode,
      slotType,
      bookableBy,
      serviceTag: slotType === 'protected' ? rota.serviceTag : null,
      release: sameDay ? SAME_DAY_RELEASE : PRE_BOOKABLE_RELEASE,
      validFrom,
      validTo: null,
      runsOnBankHolidays: false,
    };
  });
}

function hubTemplates(parameters: BoroughParameters, structure: BoroughStructure, validFrom: LocalDate): SessionTemplate[] {
  const templates: SessionTemplate[] = [];
  for (const hub of structure.hubs) {
    const clinicians = structure.staff.filter((s) => s.hubId === hub.id && s.role !== 'hub_coordinator');
    const gps = clinicians.filter((s) => s.role === 'gp');
    const others = clinicians.filter((s) => s.role !== 'gp');
    // Weekday evenings: two GPs alternate and one other clinician works every evening; weekends: everyone.
    const rotas: HubClinicianRota[] = [
      ...gps.map((gp, i): HubClinicianRota => ({
        staffId: gp.id, siteId: hub.siteId, slotMinutes: 15, mode: i === 2 ? 'telephone' : 'in_person', validFrom,
        weekdays: i === 0 ? [1, 3, 5, 6, 7] : i === 1 ? [2, 4, 6, 7] : [6, 7],
      })),
      ...others.map((member, i): HubClinicianRota => ({
        staffId: member.id, siteId: hub.siteId, slotMinutes: 20, mode: member.role === 'pharmacist' ? 'telephone' : 'in_person', validFrom,
        weekdays: i === 0 ? [1, 2, 3, 4, 5, 6, 7] : [6, 7],
      })),
    ];
    templates.push(...hubSessionTemplates(parameters.hubHours, rotas, { release: HUB_RELEASE }));
  }
  return templates;
}

/** About a third of clinicians take a week's leave somewhere in the bookable weeks. */
function leave(random: Random, structure: BoroughStructure, anchorDate: LocalDate, weeks: number): RotaException[] {
  const firstMonday = addDays(anchorDate, (8 - weekdayOfDate(anchorDate)) % 7);
  return structure.staff
    .filter((s) => ROLE_ROTAS[s.role] && random.chance(0.3))
    .map((s) => {
      const from = addDays(firstMonday, 7 * random.int(0, Math.max(0, weeks - 2)));
      return { staffId: s.id, siteId: null, from, to: addDays(from, 4), reason: 'leave' as const };
    });
}
