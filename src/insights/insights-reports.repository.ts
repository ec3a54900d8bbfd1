// Reads behind the report views: appointment breakdowns, continuity, named-GP continuity, triage,
// inequalities and the GPAD extract (the one read of raw appointments, by month, for an export).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { addDays } from '../shared/domain/london-time.ts';
import type { DateWindow } from './domain/periods.ts';
import type { GpadSourceRow } from './domain/gpad.ts';
import type { CubeScope } from './insights.repository.ts';

export const BREAKDOWNS = ['mode', 'hcp_role', 'status', 'national_category', 'service_setting'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

function scopeFilter(scope: CubeScope) {
  return 'practiceIds' in scope ? sql`hub_id IS NULL AND practice_id = ANY(${[...scope.practiceIds]})` : sql`hub_id = ANY(${[...scope.hubIds]})`;
}

/** Counts per fragment and category (cancelled appointments only under status). */
export async function breakdownFragments(db: Kysely<Database>, scope: CubeScope, by: Breakdown, window: DateWindow) {
  const { rows } = await sql<{ week_start: string; month: string; category: string; appointments: number }>`
    SELECT week_start, month, ${sql.ref(by)} AS category, sum(appointments)::int AS appointments FROM insights_appointment_cube
    WHERE ${scopeFilter(scope)} AND week_start >= ${addDays(window.from, -6)} AND week_start <= ${window.to}
      ${by === 'status' ? sql`` : sql`AND status <> 'cancelled'`}
    GROUP BY 1, 2, 3`.execute(db);
  return rows;
}

export interface ContinuityStats {
  patients: number;
  singleVisitPatients: number;
  indices: Record<'upc' | 'coc' | 'secon' | 'mmci', { mean: number | null; median: number | null; q1: number | null; q3: number | null }>;
}

/** Per-patient indices summarised for a set of practices (patients with at least two GP contacts). */
export async function continuityStats(db: Kysely<Database>, practiceIds: readonly string[]): Promise<ContinuityStats> {
  const stat = (c: string) => sql.raw(`avg(${c}), percentile_cont(0.5) WITHIN GROUP (ORDER BY ${c}), percentile_cont(0.25) WITHIN GROUP (ORDER BY ${c}), percentile_cont(0.75) WITHIN GROUP (ORDER BY ${c})`);
  const { rows } = await sql<Record<string, number | null>>`
    SELECT count(*) FILTER (WHERE visits >= 2)::int AS patients, count(*) FILTER (WHERE visits = 1)::int AS single,
      ${stat('upc')}, ${stat('coc')}, ${stat('secon')}, ${stat('mmci')}
    FROM insights_continuity WHERE practice_id = ANY(${[...practiceIds]})`.execute(db);
  const values = Object.values(rows[0] ?? {}) as (number | null)[];
  const index = (k: number) => ({ mean: values[2 + 4 * k] ?? null, median: values[3 + 4 * k] ?? null, q1: values[4 + 4 * k] ?? null, q3: values[5 + 4 * k] ?? null });
  return { patients: values[0] ?? 0, singleVisitPatients: values[1] ?? 0, indices: { upc: index(0), coc: index(1), secon: index(2), mmci: index(3) } };
}

export interface NamedGpRow {
  staffId: string;
  name: string;
  practiceId: string;
  /** SLICC: the named GP's list's GP contacts that were with them, of all their list's GP contacts. */
  listWithNamedGp: number;
  listGpContacts: number;
  /** Own-patient ratio: this GP's contacts with their own list, of all their contacts. */
  ownListContacts: number;
  contacts: number;
}

export async function namedGpRows(db: Kysely<Database>, practiceIds: readonly string[], window: DateWindow): Promise<NamedGpRow[]> {
  const { rows } = await sql<{ staff_id: string; name: string; practice_id: string; list_with: number; list_all: number; own: number; contacts: number }>`
    WITH n AS (SELECT * FROM insights_named_gp WHERE practice_id = ANY(${[...practiceIds]}) AND month BETWEEN ${window.from.slice(0, 8) + '01'} AND ${window.to}),
    gps AS (SELECT id, concat_ws(' ', title, given_name, family_name) AS name, practice_id FROM staff WHERE role = 'gp')
    SELECT g.id AS staff_id, g.name, g.practice_id,
      coalesce((SELECT sum(appointments) FROM n WHERE n.named_gp_id = g.id AND n.staff_id = g.id), 0)::int AS list_with,
      coalesce((SELECT sum(appointments) FROM n WHERE n.named_gp_id = g.id), 0)::int AS list_all,
      coalesce((SELECT sum(appointments) FROM n WHERE n.staff_id = g.id AND n.named_gp_id = g.id), 0)::int AS own,
      coalesce((SELECT sum(appointments) FROM n WHERE n.staff_id = g.id), 0)::int AS contacts
    FROM gps g WHERE g.practice_id = ANY(${[...practiceIds]}) ORDER BY g.practice_id, g.id`.execute(db);
  return rows.filter((r) => r.list_all > 0 || r.contacts > 0).map((r) => ({
    staffId: r.staff_id, name: r.name, practiceId: r.practice_id, listWithNamedGp: r.list_with, listGpContacts: r.list_all, ownListContacts: r.own, contacts: r.contacts,
  }));
}

export async function triageMatrix(db: Kysely<Database>, practiceIds: readonly string[], window: DateWindow) {
  const { rows } = await sql<{ disposition: string; final_disposition: string; overridden: boolean; requests: number }>`
    SELECT disposition, final_disposition, overridden, sum(requests)::int AS requests FROM insights_request_cube
    WHERE practice_id = ANY(${[...practiceIds]}) AND week_start >= ${window.from} AND week_start <= ${window.to} GROUP BY 1, 2, 3`.execute(db);
  return rows;
}

export async function contactHistogram(db: Kysely<Database>, practiceIds: readonly string[], window: DateWindow) {
  const { rows } = await sql<{ hours: number; requests: number }>`
    SELECT hours, sum(requests)::int AS requests FROM insights_contact_histogram
    WHERE practice_id = ANY(${[...practiceIds]}) AND week_start >= ${window.from} AND week_start <= ${window.to} GROUP BY 1 ORDER BY 1`.execute(db);
  return rows.map((r) => ({ value: r.hours, count: r.requests }));
}

export interface EquityRow {
  value: string;
  patients: number;
  appointments: number;
  attended: number;
  dna: number;
  faceToFace: number;
  gp: number;
  continuityPatients: number;
  upcSum: number;
  ae: number;
}

export async function equityRows(db: Kysely<Database>, practiceIds: readonly string[], dimension: string): Promise<EquityRow[]> {
  const { rows } = await sql<{ value: string; patients: number; appointments: number; attended: number; dna: number; face_to_face: number; gp: number;
    continuity_patients: number; upc_sum: number; ae: number }>`
    SELECT value, sum(patients)::int AS patients, sum(appointments)::int AS appointments, sum(attended)::int AS attended, sum(dna)::int AS dna,
      sum(face_to_face)::int AS face_to_face, sum(gp)::int AS gp, sum(continuity_patients)::int AS continuity_patients, sum(upc_sum) AS upc_sum, sum(ae)::int AS ae
    FROM insights_equity WHERE practice_id = ANY(${[...practiceIds]}) AND dimension IN (${dimension}, 'all') GROUP BY 1`.execute(db);
  return rows.map((r) => ({ value: r.value, patients: r.patients, appointments: r.appointments, attended: r.attended, dna: r.dna, faceToFace: r.face_to_face,
    gp: r.gp, continuityPatients: r.continuity_patients, upcSum: r.upc_sum, ae: r.ae }));
}

/** Appointments by month and every GPAD field, from the raw table (an export, read on request). */
export async function gpadRows(db: Kysely<Database>, scope: CubeScope, from: Date, to: Date): Promise<GpadSourceRow[]> {
  const london = (c: string) => sql.raw(`(${c} AT TIME ZONE 'Europe/London')`);
  const filter = 'practiceIds' in scope ? sql`practice_id = ANY(${[...scope.practiceIds]})` : sql`delivered_by_hub_id = ANY(${[...scope.hubIds]})`;
  const { rows } = await sql<{ month: string; practice_id: string; service_setting: string; national_category: string; status: string; hcp_role: string; mode: string; lead: number; n: number }>`
    SELECT date_trunc('month', ${london('start_at')})::date AS month, practice_id, service_setting, national_category, status, hcp_role, mode,
      least(29, greatest(0, ${london('start_at')}::date - ${london('booked_at')}::date)) AS lead, count(*)::int AS n
    FROM appointment WHERE ${filter} AND start_at >= ${from} AND start_at < ${to} AND status <> 'cancelled'
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`.execute(db);
  return rows.map((r) => ({ month: r.month, practiceId: r.practice_id, serviceSetting: r.service_setting, nationalCategory: r.national_category, status: r.status,
    hcpRole: r.hcp_role, mode: r.mode, leadDays: r.lead, appointments: r.n }));
}
