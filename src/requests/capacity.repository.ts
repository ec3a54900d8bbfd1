// Read-only queries behind triage context, expected response times and the care lanes: the patient's
// record, the practice queue's load and today's same-day capacity (practice, then hub).
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, PatientTable } from '../db/schema.ts';
import type { PatientRecord } from './domain/patient-context.ts';
import { OPEN_STATUSES } from './domain/queue-order.ts';
import type { TargetKind } from './domain/response-targets.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Roles that take same-day clinical contacts. */
export const SAME_DAY_ROLES = ['gp', 'nurse', 'pharmacist', 'paramedic'] as const;

const PATIENT_COLUMNS = ['id', 'nhs_number', 'given_name', 'family_name', 'practice_id', 'date_of_birth', 'sex', 'long_term_conditions',
  'frailty_deficits', 'usual_clinician_id', 'main_language', 'interpreter_needed', 'housebound', 'learning_disability', 'carer', 'homeless'] as const;
type PatientRow = Pick<Selectable<PatientTable>, (typeof PATIENT_COLUMNS)[number]>;

function rowToRecord(p: PatientRow): PatientRecord {
  return {
    id: p.id, nhsNumber: p.nhs_number, givenName: p.given_name, familyName: p.family_name, practiceId: p.practice_id,
    dateOfBirth: p.date_of_birth, sex: p.sex, longTermConditions: p.long_term_conditions, frailtyDeficits: p.frailty_deficits,
    usualClinicianId: p.usual_clinician_id, mainLanguage: p.main_language, interpreterNeeded: p.interpreter_needed,
    housebound: p.housebound, learningDisability: p.learning_disability, carer: p.carer, homeless: p.homeless,
  };
}

export async function findPatientRecord(db: Db, id: number): Promise<PatientRecord | undefined> {
  const p = await db.selectFrom('patient').select([...PATIENT_COLUMNS]).where('id', '=', id).executeTakeFirst();
  return p ? rowToRecord(p) : undefined;
}

export async function findPatientRecords(db: Db, ids: readonly number[]): Promise<Map<number, PatientRecord>> {
  if (ids.length === 0) return new Map();
  const records = await Promise.all([...new Set(ids)].map((id) => findPatientRecord(db, id)));
  return new Map(records.filter((r): r is PatientRecord => r !== undefined).map((r) => [r.id, r]));
}

export async function proxyRelationship(db: Db, proxyPatientId: number, patientId: number): Promise<string | null> {
  const row = await db.selectFrom('patient_proxy').select('relationship').where('proxy_patient_id', '=', proxyPatientId).where('patient_id', '=', patientId).executeTakeFirst();
  return row?.relationship ?? null;
}

export type AheadByKind = Record<Exclude<TargetKind, 'emergency'>, number>;

/**
 * The patient's record with, in the same round trip, how many open requests at their practice staff will
 * reach before a new one of each kind (more urgent, or as urgent and due no later than `deadlines[kind]`).
 */
export async function patientWithQueue(db: Db, id: number, deadlines: Record<TargetKind, Date>): Promise<{ record: PatientRecord; ahead: AheadByKind } | undefined> {
  const open = sql.join(OPEN_STATUSES.map((s) => sql.lit(s)));
  const ahead = (rank: number, by: Date) => sql`count(*) FILTER (WHERE r.urgency_rank > ${rank} OR (r.urgency_rank = ${rank} AND r.respond_by <= ${by}))::int`;
  const columns = sql.join(PATIENT_COLUMNS.map((c) => sql.ref(`p.${c}`)));
  const result = await sql<PatientRow & AheadByKind>`
    SELECT ${columns}, q.urgent, q.routine, q.admin, q.social, q.self_care FROM patient p
    CROSS JOIN LATERAL (SELECT ${ahead(2, deadlines.urgent)} AS urgent, ${ahead(1, deadlines.routine)} AS routine, ${ahead(1, deadlines.admin)} AS admin,
      ${ahead(1, deadlines.social)} AS social, ${ahead(0, deadlines.self_care)} AS self_care
      FROM patient_request r WHERE r.practice_id = p.practice_id AND r.status IN (${open})) q
    WHERE p.id = ${id}`.execute(db);
  const row = result.rows[0];
  if (!row) return undefined;
  return { record: rowToRecord(row), ahead: { urgent: Number(row.urgent), routine: Number(row.routine), admin: Number(row.admin), social: Number(row.social), self_care: Number(row.self_care) } };
}

/** Requests the practice finished (booked, referred, closed) since `since`: its recent handling rate. */
export async function handledSince(db: Db, practiceId: string, since: Date): Promise<number> {
  const row = await db.selectFrom('patient_request').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('practice_id', '=', practiceId).where('handled_at', '>=', since).executeTakeFirst();
  return Number(row?.n ?? 0);
}

function freeSlots(db: Db, from: Date, to: Date) {
  return db.selectFrom('slot').innerJoin('staff', 'staff.id', 'slot.staff_id')
    .where('slot.status', '=', 'free').where('slot.start_at', '>=', from).where('slot.start_at', '<', to)
    .where('staff.role', 'in', [...SAME_DAY_ROLES]);
}

export interface SameDaySlots {
  practiceFreeSlots: number;
  hubs: { id: string; name: string; freeSlots: number; firstFreeAt: Date | null }[];
  nextFreeAt: Date | null;
}

/** Free same-day clinician slots left between `now` and `endOfDay` at the practice and at hubs that may see its patients. */
export async function sameDaySlots(db: Db, q: { practiceId: string; now: Date; endOfDay: Date }): Promise<SameDaySlots> {
  const practice = await freeSlots(db, q.now, q.endOfDay).where('slot.practice_id', '=', q.practiceId).where('slot.slot_type', '=', 'same_day')
    .select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const hubs = await db.selectFrom('hub').innerJoin('hub_sharing_agreement as a', 'a.hub_id', 'hub.id')
    .where('a.practice_id', '=', q.practiceId).where('a.revoked_on', 'is', null).select(['hub.id', 'hub.name']).execute();
  const hubFacts = await Promise.all(hubs.map(async (hub) => {
    const free = await freeSlots(db, q.now, q.endOfDay).where('slot.hub_id', '=', hub.id)
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('slot.start_at').as('first')]).executeTakeFirst();
    return { id: hub.id, name: hub.name, freeSlots: Number(free?.n ?? 0), firstFreeAt: free?.first ? new Date(free.first as unknown as string | Date) : null };
  }));
  const next = await db.selectFrom('slot').innerJoin('staff', 'staff.id', 'slot.staff_id').select('slot.start_at')
    .where('slot.status', '=', 'free').where('slot.start_at', '>=', q.now).where('staff.role', 'in', [...SAME_DAY_ROLES])
    .where((eb) => eb.or([eb('slot.practice_id', '=', q.practiceId), eb('slot.hub_id', 'in', hubs.length ? hubs.map((h) => h.id) : [''])]))
    .orderBy('slot.start_at').limit(1).executeTakeFirst();
  return { practiceFreeSlots: Number(practice?.n ?? 0), hubs: hubFacts, nextFreeAt: next?.start_at ?? null };
}

/** Urgent requests already waiting today for the practice's same-day slots (not passed on to a hub). */
export async function urgentWaiting(db: Db, q: { practiceId: string; dayStart: Date }): Promise<number> {
  const row = await db.selectFrom('patient_request').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('practice_id', '=', q.practiceId).where('status', 'in', [...OPEN_STATUSES]).where('urgency_rank', '=', 2)
    .where('routed_to_hub_id', 'is', null).where('created_at', '>=', q.dayStart).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Requests already passed to a hub today. */
export async function hubWaiting(db: Db, q: { hubId: string; dayStart: Date }): Promise<number> {
  const row = await db.selectFrom('patient_request').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('routed_to_hub_id', '=', q.hubId).where('status', 'in', [...OPEN_STATUSES]).where('created_at', '>=', q.dayStart).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export interface FirstFreeSlot {
  staffId: string;
  name: string;
  role: string;
  startAt: Date;
}

const staffName = (s: { title: string | null; given_name: string; family_name: string }) => `${s.title ? s.title + ' ' : ''}${s.given_name} ${s.family_name}`;

/** Each clinician's first free, released slot their practice's patients may book, from `from` on. One round trip per practice. */
export async function firstFreeSlotByClinician(db: Db, practiceId: string, from: Date, until: Date): Promise<FirstFreeSlot[]> {
  const rows = await db.selectFrom('slot').innerJoin('staff', 'staff.id', 'slot.staff_id')
    .distinctOn('slot.staff_id')
    .select(['slot.staff_id', 'slot.start_at', 'staff.title', 'staff.given_name', 'staff.family_name', 'staff.role'])
    .where('slot.practice_id', '=', practiceId).where('slot.status', '=', 'free').where('slot.start_at', '>=', from).where('slot.start_at', '<', until)
    .where('slot.release_at', '<=', from).where(sql<boolean>`'own_practice' = ANY(slot.bookable_by)`)
    .orderBy('slot.staff_id').orderBy('slot.start_at').execute();
  return rows.map((r) => ({ staffId: r.staff_id, name: staffName(r), role: r.role, startAt: r.start_at }));
}
