// Booking's queries: free slots for the candidate index, the conditional slot claim that makes double booking
// impossible, appointments and the patient facts booking needs. Rows are mapped to domain types here.
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { AppointmentTable, Database, SlotTable } from '../db/schema.ts';
import type { AppointmentMode, AppointmentStatus, Booker, SlotType } from '../shared/domain/vocabulary.ts';
import type { CandidateSlot } from './domain/slot-index.ts';
import type { LatLon } from './domain/travel.ts';
import type { Appointment, SlotRecord } from './domain/appointment.ts';

export type Db = Kysely<Database> | Transaction<Database>;

export interface BookingPatient {
  id: number;
  nhsNumber: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  sex: string;
  practiceId: string;
  pcnId: string;
  optedOutOfSharing: boolean;
  home: LatLon | null;
  postcode: string | null;
  usualClinicianId: string | null;
  mainLanguage: string | null;
  phone: string | null;
  email: string | null;
}

const CANDIDATE_COLUMNS = [
  'id', 'staff_id', 'site_id', 'start_at', 'end_at', 'mode', 'slot_type', 'bookable_by', 'service_tag', 'release_at',
  'embargo_until', 'max_days_ahead',
] as const;

type CandidateRow = Pick<Selectable<SlotTable>, (typeof CANDIDATE_COLUMNS)[number]>;

function candidateOf(r: CandidateRow): CandidateSlot {
  return {
    slotId: String(r.id), clinicianId: r.staff_id, siteId: r.site_id, start: r.start_at, end: r.end_at, mode: r.mode as AppointmentMode,
    slotType: r.slot_type as SlotType, bookableBy: r.bookable_by as Booker[], releaseAt: r.release_at, serviceTag: r.service_tag,
    embargoUntil: r.embargo_until, maxDaysAhead: r.max_days_ahead,
  };
}

/** Every free slot starting after `now`: what the candidate index is built from. */
// PGlite runs queries on the server's own thread and decodes rows field by field in JavaScript: reading
// 200k slots that way blocked every request (even /health) for ~5 s. So free slots are read a few days at a
// time, each chunk as one compact JSON array built by the database (decoded natively by JSON.parse), with
// the event loop free between chunks. Times travel as epoch milliseconds.
const CANDIDATE_CHUNK_MS = 3 * 86_400_000;
type PackedCandidate = [number, string, string, number, number, string, string, string[], string | null, number, number | null, number | null];

export async function loadFreeCandidates(db: Db, now: Date): Promise<CandidateSlot[]> {
  const last = await db.selectFrom('slot').select((eb) => eb.fn.max('start_at').as('last')).where('status', '=', 'free').executeTakeFirst();
  const lastMs = last?.last ? new Date(last.last).getTime() : now.getTime();
  const candidates: CandidateSlot[] = [];
  const ms = (column: string) => sql.raw(`(extract(epoch FROM ${column}) * 1000)::bigint`);
  for (let fromMs = now.getTime(); fromMs < lastMs; fromMs += CANDIDATE_CHUNK_MS) {
    const { rows } = await sql<{ packed: string | null }>`
      SELECT json_agg(json_build_array(id, staff_id, site_id, ${ms('start_at')}, ${ms('end_at')}, mode, slot_type, bookable_by,
                                       service_tag, ${ms('release_at')}, ${ms('embargo_until')}, max_days_ahead))::text AS packed
      FROM slot WHERE status = 'free' AND start_at > ${new Date(fromMs)} AND start_at <= ${new Date(fromMs + CANDIDATE_CHUNK_MS)}`.execute(db);
    for (const p of JSON.parse(rows[0]?.packed ?? '[]') as PackedCandidate[]) {
      candidates.push({
        slotId: String(p[0]), clinicianId: p[1], siteId: p[2], start: new Date(p[3]), end: new Date(p[4]), mode: p[5] as AppointmentMode,
        slotType: p[6] as SlotType, bookableBy: p[7] as Booker[], serviceTag: p[8], releaseAt: new Date(p[9]),
        embargoUntil: p[10] === null ? null : new Date(p[10]), maxDaysAhead: p[11],
      });
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  return candidates;
}

export async function loadFreeCandidatesById(db: Db, ids: readonly number[]): Promise<CandidateSlot[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('slot').select(CANDIDATE_COLUMNS).where('status', '=', 'free').where('id', 'in', ids).execute();
  return rows.map(candidateOf);
}

/** Of `ids`, the slots that are no longer free (booked elsewhere, held for an offer, withdrawn). */
export async function slotsNoLongerFree(db: Db, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  // One array parameter, however many ids (a FHIR slot search can return thousands).
  const rows = await db.selectFrom('slot').select('id').where(sql<boolean>`id = ANY(${[...ids]}::bigint[])`).where('status', '<>', 'free').execute();
  return rows.map((r) => r.id);
}

export function slotOf(r: Selectable<SlotTable>): SlotRecord {
  return {
    ...candidateFields(r), id: r.id, templateId: r.template_id, practiceId: r.practice_id, hubId: r.hub_id,
    status: r.status as SlotRecord['status'],
  };
}

function candidateFields(r: Selectable<SlotTable>) {
  return {
    staffId: r.staff_id, siteId: r.site_id, start: r.start_at, end: r.end_at, mode: r.mode as AppointmentMode, slotType: r.slot_type as SlotType,
    bookableBy: r.bookable_by as Booker[], serviceTag: r.service_tag, releaseAt: r.release_at, embargoUntil: r.embargo_until,
    maxDaysAhead: r.max_days_ahead,
  };
}

/** THE booking statement: takes the slot only if it is still in `from` (free, or held for an offer) and in
 *  the future. Under any concurrency exactly one caller gets the row; the others get null. */
export async function claimSlot(trx: Db, slotId: number, now: Date, from: 'free' | 'offered' = 'free'): Promise<SlotRecord | null> {
  const row = await trx.updateTable('slot').set({ status: 'booked' }).where('id', '=', slotId).where('status', '=', from)
    .where('start_at', '>', now).returningAll().executeTakeFirst();
  return row ? slotOf(row) : null;
}

export async function slotById(db: Db, slotId: number): Promise<SlotRecord | null> {
  const row = await db.selectFrom('slot').selectAll().where('id', '=', slotId).executeTakeFirst();
  return row ? slotOf(row) : null;
}

/** Moves a slot between states only from the expected one (e.g. booked → free on cancellation). */
export async function moveSlot(trx: Db, slotId: number, from: SlotRecord['status'], to: SlotRecord['status']): Promise<boolean> {
  const result = await trx.updateTable('slot').set({ status: to }).where('id', '=', slotId).where('status', '=', from).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function patientForBooking(db: Db, patientId: number): Promise<BookingPatient | null> {
  const r = await db.selectFrom('patient').innerJoin('practice', 'practice.id', 'patient.practice_id')
    .select(['patient.id', 'nhs_number', 'given_name', 'family_name', 'date_of_birth', 'sex', 'practice_id', 'practice.pcn_id',
      'opted_out_of_sharing', 'lat', 'lon', 'postcode', 'usual_clinician_id', 'main_language', 'patient.phone', 'email'])
    .where('patient.id', '=', patientId).executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id, nhsNumber: r.nhs_number, givenName: r.given_name, familyName: r.family_name, dateOfBirth: r.date_of_birth, sex: r.sex,
    practiceId: r.practice_id, pcnId: r.pcn_id, optedOutOfSharing: r.opted_out_of_sharing,
    home: r.lat === null || r.lon === null ? null : { lat: r.lat, lon: r.lon }, postcode: r.postcode, usualClinicianId: r.usual_clinician_id,
    mainLanguage: r.main_language, phone: r.phone, email: r.email,
  };
}

export function appointmentOf(r: Selectable<AppointmentTable>): Appointment {
  return {
    id: r.id, slotId: r.slot_id, patientId: r.patient_id, practiceId: r.practice_id, deliveredByPracticeId: r.delivered_by_practice_id,
    deliveredByHubId: r.delivered_by_hub_id, staffId: r.staff_id, hcpRole: r.hcp_role, siteId: r.site_id, start: r.start_at, end: r.end_at,
    mode: r.mode as AppointmentMode, status: r.status as AppointmentStatus, nationalCategory: r.national_category,
    serviceSetting: r.service_setting, bookingChannel: r.booking_channel, bookedByOrg: r.booked_by_org, bookedByUser: r.booked_by_user,
    bookedAt: r.booked_at, cancelledAt: r.cancelled_at, cancellationReason: r.cancellation_reason, outcomeRecordedAt: r.outcome_recorded_at,
    requestId: r.request_id, reason: r.reason, version: r.version,
  };
}

export type NewAppointment = Omit<Appointment, 'id' | 'status' | 'cancelledAt' | 'cancellationReason' | 'outcomeRecordedAt' | 'version'> & {
  idempotencyKey: string | null;
};

export async function insertAppointment(trx: Db, a: NewAppointment): Promise<Appointment> {
  const row = await trx.insertInto('appointment').values({
    slot_id: a.slotId, patient_id: a.patientId, practice_id: a.practiceId, delivered_by_practice_id: a.deliveredByPracticeId,
    delivered_by_hub_id: a.deliveredByHubId, staff_id: a.staffId, hcp_role: a.hcpRole, site_id: a.siteId, start_at: a.start, end_at: a.end,
    mode: a.mode, status: 'booked', national_category: a.nationalCategory, service_setting: a.serviceSetting,
    booking_channel: a.bookingChannel, booked_by_org: a.bookedByOrg, booked_by_user: a.bookedByUser, booked_at: a.bookedAt,
    request_id: a.requestId, reason: a.reason, idempotency_key: a.idempotencyKey,
  }).returningAll().executeTakeFirstOrThrow();
  return appointmentOf(row);
}

export async function appointmentById(db: Db, id: number, options: { forUpdate?: boolean } = {}): Promise<Appointment | null> {
  let query = db.selectFrom('appointment').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? appointmentOf(row) : null;
}

export async function appointmentsOfPatient(db: Db, patientId: number, range: { from?: Date | null; to?: Date | null; limit: number }): Promise<Appointment[]> {
  let query = db.selectFrom('appointment').selectAll().where('patient_id', '=', patientId);
  if (range.from) query = query.where('start_at', '>=', range.from);
  if (range.to) query = query.where('start_at', '<', range.to);
  const rows = await query.orderBy('start_at', 'desc').limit(range.limit).execute();
  return rows.map(appointmentOf);
}

export async function markCancelled(trx: Db, id: number, reason: string, now: Date): Promise<Appointment> {
  const row = await trx.updateTable('appointment')
    .set({ status: 'cancelled', cancelled_at: now, cancellation_reason: reason, version: sql`version + 1` })
    .where('id', '=', id).where('status', '=', 'booked').returningAll().executeTakeFirstOrThrow();
  return appointmentOf(row);
}

export async function markOutcome(trx: Db, id: number, status: 'attended' | 'dna', now: Date): Promise<Appointment> {
  const row = await trx.updateTable('appointment').set({ status, outcome_recorded_at: now, version: sql`version + 1` })
    .where('id', '=', id).where('status', '=', 'booked').returningAll().executeTakeFirstOrThrow();
  return appointmentOf(row);
}

/** PostgreSQL unique_violation: the database refused a second live booking of a slot (or a reused key). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
