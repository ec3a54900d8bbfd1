// Continuity of care indices (UPC, COC, SECON, MMCI per patient; SLICC and own-patient ratio per named GP).
// Definitions: /work/shared/reference/measurement.md (Bice & Boxerman for COC; St Leonard's for SLICC).
import type { LocalDate } from '../../shared/domain/london-time.ts';
import type { AppointmentMode, AppointmentStatus, ClinicalRole } from '../../shared/domain/vocabulary.ts';

export interface Visit {
  patientId: string;
  date: LocalDate;
  clinicianId: string;
}

export interface ContinuityIndices {
  patientId: string;
  visits: number;
  clinicians: number;
  upc: number | null;
  coc: number | null;
  secon: number | null;
  mmci: number | null;
}

/** Which contacts count: attended GP appointments in any mode (a phone call with your own GP is continuity too).
 *  Other roles have their own continuity, measured separately if at all. */
export const CONTINUITY_SCOPE = {
  roles: ['gp'],
  modes: ['in_person', 'telephone', 'video', 'home_visit'],
  statuses: ['attended'],
} as const satisfies {
  roles: readonly ClinicalRole[];
  modes: readonly AppointmentMode[];
  statuses: readonly AppointmentStatus[];
};

export function countsForContinuity(contact: {
  role: ClinicalRole;
  mode: AppointmentMode;
  status: AppointmentStatus;
}): boolean {
  const scope: { roles: readonly string[]; modes: readonly string[]; statuses: readonly string[] } = CONTINUITY_SCOPE;
  return (
    scope.roles.includes(contact.role) && scope.modes.includes(contact.mode) && scope.statuses.includes(contact.status)
  );
}

/** Indices for one patient's visits given as the clinician seen at each, in date order.
 *  Below `minVisits` (default 2; some studies use 3) the indices are not meaningful and come back null. */
export function continuityOfSequence(
  clinicians: readonly string[],
  minVisits = 2,
): Omit<ContinuityIndices, 'patientId'> {
  const n = clinicians.length;
  const counts = new Map<string, number>();
  for (const c of clinicians) counts.set(c, (counts.get(c) ?? 0) + 1);
  const m = counts.size;
  if (n < Math.max(2, minVisits)) return { visits: n, clinicians: m, upc: null, coc: null, secon: null, mmci: null };
  let sumSquares = 0;
  for (const k of counts.values()) sumSquares += k * k;
  let sameAsPrevious = 0;
  for (let i = 1; i < n; i++) if (clinicians[i] === clinicians[i - 1]) sameAsPrevious++;
  return {
    visits: n,
    clinicians: m,
    upc: Math.max(...counts.values()) / n,
    coc: (sumSquares - n) / (n * (n - 1)),
    secon: sameAsPrevious / (n - 1),
    mmci: (1 - m / (n + 0.1)) / (1 - 1 / (n + 0.1)),
  };
}

function byDate<T extends { date: LocalDate }>(a: T, b: T): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

/** Per-patient indices, patients in id order. Visits are ordered by date; same-day visits keep input order. */
export function continuityByPatient(visits: readonly Visit[], minVisits = 2): ContinuityIndices[] {
  const byPatient = new Map<string, Visit[]>();
  for (const v of visits) {
    const list = byPatient.get(v.patientId) ?? [];
    list.push(v);
    byPatient.set(v.patientId, list);
  }
  return [...byPatient.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((patientId) => {
      const sequence = byPatient
        .get(patientId)!
        .sort(byDate)
        .map((v) => v.clinicianId);
      return { patientId, ...continuityOfSequence(sequence, minVisits) };
    });
}

/** A GP appointment with the patient's named (usual) GP at the time; null if the patient has none. */
export interface GpAppointment extends Visit {
  namedGpId: string | null;
}

export interface SliccRow {
  namedGpId: string;
  /** YYYY-MM */
  month: string;
  withNamedGp: number;
  gpAppointments: number;
  /** Percentage of the list's GP appointments that were with their named GP; includes single-visit patients. */
  slicc: number;
}

/** St Leonard's Index of Continuity of Care, per named GP's list per month. Patients with no named GP are left out. */
export function sliccByMonth(appointments: readonly GpAppointment[]): SliccRow[] {
  const cells = new Map<string, SliccRow>();
  for (const a of appointments) {
    if (a.namedGpId === null) continue;
    const month = a.date.slice(0, 7);
    const key = `${a.namedGpId}\u0000${month}`;
    const row = cells.get(key) ?? { namedGpId: a.namedGpId, month, withNamedGp: 0, gpAppointments: 0, slicc: 0 };
    row.gpAppointments++;
    if (a.clinicianId === a.namedGpId) row.withNamedGp++;
    cells.set(key, row);
  }
  return [...cells.values()]
    .map((row) => ({ ...row, slicc: (100 * row.withNamedGp) / row.gpAppointments }))
    .sort((a, b) =>
      a.namedGpId < b.namedGpId
        ? -1
        : a.namedGpId > b.namedGpId
          ? 1
          : a.month < b.month
            ? -1
            : a.month > b.month
              ? 1
              : 0,
    );
}

export interface OwnPatientRatioRow {
  clinicianId: string;
  ownListAppointments: number;
  appointments: number;
  ratio: number;
}

/** Of each GP's appointments, the share with patients on their own named list. */
export function ownPatientRatio(appointments: readonly GpAppointment[]): OwnPatientRatioRow[] {
  const rows = new Map<string, OwnPatientRatioRow>();
  for (const a of appointments) {
    const row = rows.get(a.clinicianId) ?? {
      clinicianId: a.clinicianId,
      ownListAppointments: 0,
      appointments: 0,
      ratio: 0,
    };
    row.appointments++;
    if (a.namedGpId === a.clinicianId) row.ownListAppointments++;
    rows.set(a.clinicianId, row);
  }
  return [...rows.values()]
    .map((row) => ({ ...row, ratio: row.ownListAppointments / row.appointments }))
    .sort((a, b) => (a.clinicianId < b.clinicianId ? -1 : a.clinicianId > b.clinicianId ? 1 : 0));
}
