// Reads the insights summaries as fragments (see domain/series.ts) for a set of practices or hubs.
// Every query here touches the small summary tables only, never the raw appointments.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { addDays, type LocalDate } from '../shared/domain/london-time.ts';
import type { Fragment } from './domain/series.ts';
import { fragmentOfDay } from './domain/series.ts';
import type { DateWindow } from './domain/periods.ts';
import type { OrgStructure } from './domain/insights-access.ts';

export interface Org extends OrgStructure {
  practices: { id: string; name: string; pcnId: string; localityId: string }[];
  pcns: { id: string; name: string; localityId: string }[];
  hubs: { id: string; name: string; localityId: string }[];
  localities: { id: string; name: string }[];
  /** Registered patients per practice. */
  population: Map<string, number>;
}

export async function readOrg(db: Kysely<Database>): Promise<Org> {
  const [practices, pcns, hubs, localities, population] = [
    await db.selectFrom('practice').select(['id', 'name', 'pcn_id', 'locality_id']).orderBy('id').execute(),
    await db.selectFrom('pcn').select(['id', 'name', 'locality_id']).orderBy('id').execute(),
    await db.selectFrom('hub').select(['id', 'name', 'locality_id']).orderBy('id').execute(),
    await db.selectFrom('locality').select(['id', 'name']).orderBy('id').execute(),
    await sql<{ practice_id: string; patients: number }>`SELECT practice_id, patients FROM insights_population`.execute(db),
  ];
  return {
    practices: practices.map((p) => ({ id: p.id, name: p.name, pcnId: p.pcn_id, localityId: p.locality_id })),
    pcns: pcns.map((p) => ({ id: p.id, name: p.name, localityId: p.locality_id })),
    hubs: hubs.map((h) => ({ id: h.id, name: h.name, localityId: h.locality_id })),
    localities,
    population: new Map(population.rows.map((r) => [r.practice_id, r.patients])),
  };
}

/** Whose rows to read: a practice set's own rows (hub_id NULL), or hub-delivered rows by hub. */
export type CubeScope = { practiceIds: readonly string[] } | { hubIds: readonly string[] };

/** With `byOwner`, rows stay apart per practice (or hub) so one read can serve every unit; otherwise summed. */
function owner(scope: CubeScope, byOwner: boolean) {
  if (!byOwner) return sql<string>`''`;
  return 'practiceIds' in scope ? sql<string>`practice_id` : sql<string>`hub_id`;
}

function scopeFilter(scope: CubeScope) {
  return 'practiceIds' in scope
    ? sql`hub_id IS NULL AND practice_id = ANY(${[...scope.practiceIds]})`
    : sql`hub_id = ANY(${[...scope.hubIds]})`;
}

/** Fragments that may overlap the window (a fragment starts at most six days before its week's end). */
function windowFilter(window: DateWindow) {
  return sql`week_start >= ${addDays(window.from, -6)} AND week_start <= ${window.to}`;
}

export async function appointmentFragments(db: Kysely<Database>, scope: CubeScope, window: DateWindow, byOwner = false): Promise<Fragment[]> {
  const by = owner(scope, byOwner);
  const totals = await sql<{ owner: string; week_start: string; month: string; appointments: number; cancelled: number; attended: number; dna: number;
    face_to_face: number; gp: number }>`
    SELECT ${by} AS owner, week_start, month,
      coalesce(sum(appointments) FILTER (WHERE status <> 'cancelled'), 0)::int AS appointments,
      coalesce(sum(appointments) FILTER (WHERE status = 'cancelled'), 0)::int AS cancelled,
      coalesce(sum(appointments) FILTER (WHERE status = 'attended'), 0)::int AS attended,
      coalesce(sum(appointments) FILTER (WHERE status = 'dna'), 0)::int AS dna,
      coalesce(sum(appointments) FILTER (WHERE status <> 'cancelled' AND mode = 'in_person'), 0)::int AS face_to_face,
      coalesce(sum(appointments) FILTER (WHERE status <> 'cancelled' AND hcp_role = 'gp'), 0)::int AS gp
    FROM insights_appointment_cube WHERE ${scopeFilter(scope)} AND ${windowFilter(window)} GROUP BY 1, 2, 3`.execute(db);
  const lead = await sql<{ owner: string; week_start: string; month: string; lead_days: number; appointments: number }>`
    SELECT ${by} AS owner, week_start, month, lead_days, sum(appointments)::int AS appointments FROM insights_lead_histogram
    WHERE ${scopeFilter(scope)} AND ${windowFilter(window)} GROUP BY 1, 2, 3, 4`.execute(db);
  const fragments: Fragment[] = totals.rows.map((r) => ({
    owner: r.owner, weekStart: r.week_start, month: r.month,
    totals: { appointments: r.appointments, cancelled: r.cancelled, attended: r.attended, dna: r.dna, faceToFace: r.face_to_face, gp: r.gp },
  }));
  for (const r of lead.rows) {
    fragments.push({
      owner: r.owner, weekStart: r.week_start, month: r.month, bookingLeadDays: [{ value: r.lead_days, count: r.appointments }],
      totals: r.lead_days === 0 ? { sameDay: r.appointments } : {},
    });
  }
  return fragments;
}

export interface HubDayRow {
  hubId: string;
  date: LocalDate;
  offered: number;
  booked: number;
  attended: number;
  offeredMinutes: number;
  faceToFaceMinutes: number;
}

export async function hubDays(db: Kysely<Database>, hubIds: readonly string[], window: DateWindow): Promise<HubDayRow[]> {
  const { rows } = await sql<{ hub_id: string; day: string; offered: number; booked: number; attended: number; offered_minutes: number;
    face_to_face_minutes: number }>`
    SELECT hub_id, day, offered, booked, attended, offered_minutes, face_to_face_minutes FROM insights_hub_day
    WHERE hub_id = ANY(${[...hubIds]}) AND day BETWEEN ${window.from} AND ${window.to} ORDER BY day, hub_id`.execute(db);
  return rows.map((r) => ({ hubId: r.hub_id, date: r.day, offered: r.offered, booked: r.booked, attended: r.attended,
    offeredMinutes: r.offered_minutes, faceToFaceMinutes: r.face_to_face_minutes }));
}

export function hubFragments(days: readonly HubDayRow[]): Fragment[] {
  return days.map((d) => ({
    owner: d.hubId,
    ...fragmentOfDay(d.date),
    totals: { hubOffered: d.offered, hubBooked: d.booked, hubAttended: d.attended, hubOfferedMinutes: d.offeredMinutes },
  }));
}

export async function aeFragments(db: Kysely<Database>, practiceIds: readonly string[], window: DateWindow, byOwner = false): Promise<Fragment[]> {
  const by = owner({ practiceIds }, byOwner);
  const { rows } = await sql<{ owner: string; week_start: string; month: string; minor: boolean; self_referred: boolean; discharged: boolean; in_hours: boolean;
    attendances: number }>`
    SELECT ${by} AS owner, week_start, month, minor, self_referred, discharged, in_hours, sum(attendances)::int AS attendances FROM insights_ae_cube
    WHERE practice_id = ANY(${[...practiceIds]}) AND ${windowFilter(window)} GROUP BY 1, 2, 3, 4, 5, 6, 7`.execute(db);
  return rows.map((r) => ({
    owner: r.owner, weekStart: r.week_start, month: r.month,
    totals: {
      ae: r.attendances, aeMinor: r.minor ? r.attendances : 0, aeSelfReferred: r.self_referred ? r.attendances : 0,
      aeDischarged: r.discharged ? r.attendances : 0, aeOutOfHours: r.in_hours ? 0 : r.attendances,
    },
  }));
}

export async function requestFragments(db: Kysely<Database>, practiceIds: readonly string[], window: DateWindow, byOwner = false): Promise<Fragment[]> {
  const by = owner({ practiceIds }, byOwner);
  const requests = await sql<{ owner: string; week_start: string; month: string; requests: number; overridden: number }>`
    SELECT ${by} AS owner, week_start, month, sum(requests)::int AS requests, coalesce(sum(requests) FILTER (WHERE overridden), 0)::int AS overridden
    FROM insights_request_cube WHERE practice_id = ANY(${[...practiceIds]}) AND ${windowFilter(window)} GROUP BY 1, 2, 3`.execute(db);
  const contact = await sql<{ owner: string; week_start: string; month: string; hours: number; requests: number }>`
    SELECT ${by} AS owner, week_start, month, hours, sum(requests)::int AS requests FROM insights_contact_histogram
    WHERE practice_id = ANY(${[...practiceIds]}) AND ${windowFilter(window)} GROUP BY 1, 2, 3, 4`.execute(db);
  return [
    ...requests.rows.map((r) => ({ owner: r.owner, weekStart: r.week_start, month: r.month, totals: { requests: r.requests, requestsOverridden: r.overridden } })),
    ...contact.rows.map((r) => ({ owner: r.owner, weekStart: r.week_start, month: r.month, requestToContactHours: [{ value: r.hours, count: r.requests }] })),
  ];
}

/** SLICC inputs per month (monthly only: the fragments carry no week). */
export async function namedGpFragments(db: Kysely<Database>, practiceIds: readonly string[], window: DateWindow, byOwner = false): Promise<Fragment[]> {
  const by = owner({ practiceIds }, byOwner);
  const { rows } = await sql<{ owner: string; month: string; with_named: number; for_named: number }>`
    SELECT ${by} AS owner, month, coalesce(sum(appointments) FILTER (WHERE staff_id = named_gp_id), 0)::int AS with_named,
      coalesce(sum(appointments) FILTER (WHERE named_gp_id IS NOT NULL), 0)::int AS for_named
    FROM insights_named_gp WHERE practice_id = ANY(${[...practiceIds]}) AND month BETWEEN ${window.from.slice(0, 8) + '01'} AND ${window.to}
    GROUP BY 1, 2`.execute(db);
  return rows.map((r) => ({ owner: r.owner, weekStart: '', month: r.month, totals: { gpWithNamedGp: r.with_named, gpForNamedList: r.for_named } }));
}
