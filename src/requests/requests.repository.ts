// Kysely queries for requests, their messages, staff alerts and referrals, with the one row → domain mapper.
import { sql, type Kysely, type Selectable, type Transaction, type Updateable } from 'kysely';
import type { Database, PatientRequestTable } from '../db/schema.ts';
import type { CareService, Disposition, Sex } from '../shared/domain/vocabulary.ts';
import type { Answer } from '../triage/domain/triage-types.ts';
import type { ContactPreferences, Lanes, PatientRequest, RequestMessage, StoredTriage } from './domain/patient-request.ts';
import { OPEN_STATUSES, type RequestStatus } from './domain/queue-order.ts';
import type { Channel, SubmittedBy } from './domain/submission-rules.ts';

type Db = Kysely<Database> | Transaction<Database>;
type RequestRow = Selectable<PatientRequestTable>;

// Explicit casts: pg would send a JS array as a PostgreSQL array, not JSON.
export const jsonb = <T>(value: T) => sql<T>`CAST(${JSON.stringify(value)} AS jsonb)`;

export function rowToRequest(row: RequestRow): PatientRequest {
  const override = row.override_disposition && row.override_service && row.overridden_at
    ? { disposition: row.override_disposition as Disposition, service: row.override_service as CareService, reason: row.override_reason ?? '',
        by: row.override_actor ?? '', role: row.override_role ?? '', at: row.overridden_at }
    : null;
  return {
    id: row.id, patientId: row.patient_id, practiceId: row.practice_id, submittedBy: row.submitted_by as SubmittedBy,
    relationship: row.on_behalf_relationship, channel: row.channel as Channel, ageYears: row.age_years, sex: row.sex as Sex,
    description: row.description, duration: row.duration, answers: row.answers as Record<string, Answer>,
    contactPreferences: row.contact_preferences as ContactPreferences, interpreterLanguage: row.interpreter_language,
    accessibilityNeeds: row.accessibility_needs, language: row.language, triage: row.triage as unknown as StoredTriage, override,
    status: row.status as RequestStatus, respondBy: row.respond_by,
    expectedResponse: row.expected_response_at ? { by: row.expected_response_at, text: row.expected_response_text ?? '' } : null,
    lanes: row.lanes as unknown as Lanes | null, routedToHubId: row.routed_to_hub_id, firstResponseAt: row.first_response_at,
    closedAt: row.closed_at, closeOutcome: row.close_outcome, appointmentId: row.appointment_id, createdAt: row.created_at,
  };
}

/** A request as submitted: the stored request's submission fields, for a known patient and practice. */
export type NewRequest = Pick<PatientRequest, 'id' | 'submittedBy' | 'relationship' | 'channel' | 'ageYears' | 'sex' | 'description' | 'duration'
  | 'answers' | 'contactPreferences' | 'interpreterLanguage' | 'accessibilityNeeds' | 'language' | 'triage' | 'status' | 'respondBy'
  | 'lanes' | 'routedToHubId'> & {
  patientId: number;
  practiceId: string;
  submittedByStaffId: string | null;
  urgencyRank: number;
  expectedResponse: { by: Date; text: string };
  now: Date;
};

export function requestValues(r: NewRequest) {
  return {
    id: r.id, patient_id: r.patientId, practice_id: r.practiceId, submitted_by: r.submittedBy, submitted_by_staff_id: r.submittedByStaffId,
    on_behalf_relationship: r.relationship, channel: r.channel, age_years: r.ageYears, sex: r.sex, description: r.description,
    duration: r.duration, answers: jsonb(r.answers), need_kind: r.triage.needKind, contact_preferences: jsonb(r.contactPreferences as Record<string, unknown>),
    interpreter_language: r.interpreterLanguage, accessibility_needs: r.accessibilityNeeds, language: r.language,
    disposition: r.triage.disposition, service: r.triage.service, triage: jsonb(r.triage as unknown as Record<string, unknown>),
    engine_id: r.triage.engineId, engine_version: r.triage.engineVersion, status: r.status, urgency_rank: r.urgencyRank,
    respond_by: r.respondBy, expected_response_at: r.expectedResponse.by, expected_response_text: r.expectedResponse.text,
    lanes: r.lanes ? jsonb(r.lanes as unknown as Record<string, unknown>) : null, routed_to_hub_id: r.routedToHubId,
    created_at: r.now, updated_at: r.now,
  };
}

export async function findRequest(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<PatientRequest | undefined> {
  let query = db.selectFrom('patient_request').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? rowToRequest(row) : undefined;
}

export async function listPatientRequests(db: Db, patientId: number, limit = 100): Promise<PatientRequest[]> {
  const rows = await db.selectFrom('patient_request').selectAll().where('patient_id', '=', patientId).orderBy('created_at', 'desc').limit(limit).execute();
  return rows.map(rowToRequest);
}

export async function listOpenRequests(db: Db, where: { practiceId: string } | { hubId: string }, limit = 500): Promise<PatientRequest[]> {
  let query = db.selectFrom('patient_request').selectAll().where('status', 'in', [...OPEN_STATUSES]);
  query = 'practiceId' in where ? query.where('practice_id', '=', where.practiceId) : query.where('routed_to_hub_id', '=', where.hubId);
  const rows = await query.orderBy('urgency_rank', 'desc').orderBy('respond_by').limit(limit).execute();
  return rows.map(rowToRequest);
}

export async function listMessages(db: Db, requestId: string): Promise<RequestMessage[]> {
  const rows = await db.selectFrom('request_message').selectAll().where('request_id', '=', requestId).orderBy('created_at').orderBy('id').execute();
  return rows.map((m) => ({ id: m.id, authorKind: m.author_kind as RequestMessage['authorKind'], body: m.body, createdAt: m.created_at }));
}

export async function insertMessage(db: Db, m: { requestId: string; authorKind: RequestMessage['authorKind']; authorId: string | null; body: string; now: Date }): Promise<number> {
  const row = await db.insertInto('request_message').values({ request_id: m.requestId, author_kind: m.authorKind, author_id: m.authorId, body: m.body, created_at: m.now })
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export type RequestPatch = Updateable<PatientRequestTable> & { updated_at: Date };

export async function updateRequest(db: Db, id: string, patch: RequestPatch): Promise<void> {
  await db.updateTable('patient_request').set(patch).where('id', '=', id).execute();
}

export interface Alert {
  id: number;
  requestId: string;
  patientId: number | null;
  kind: 'emergency' | 'mental_health_crisis';
  message: string;
  createdAt: Date;
}

export async function insertAlert(db: Db, a: Omit<Alert, 'id' | 'createdAt'> & { practiceId: string; now: Date }): Promise<number> {
  const row = await db.insertInto('staff_alert').values({ practice_id: a.practiceId, request_id: a.requestId, patient_id: a.patientId, kind: a.kind, message: a.message, created_at: a.now })
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function openAlerts(db: Db, practiceId: string): Promise<Alert[]> {
  const rows = await db.selectFrom('staff_alert').selectAll().where('practice_id', '=', practiceId).where('acknowledged_at', 'is', null).orderBy('created_at').execute();
  return rows.map((r) => ({ id: r.id, requestId: r.request_id, patientId: r.patient_id, kind: r.kind as Alert['kind'], message: r.message, createdAt: r.created_at }));
}

export async function acknowledgeAlerts(db: Db, requestId: string, by: string, now: Date): Promise<number> {
  const result = await db.updateTable('staff_alert').set({ acknowledged_at: now, acknowledged_by: by })
    .where('request_id', '=', requestId).where('acknowledged_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function insertReferral(db: Db, r: { patientId: number; requestId: string; communityServiceId: string | null; referredBy: string | null; reason: string; now: Date }): Promise<number> {
  const row = await db.insertInto('referral').values({
    patient_id: r.patientId, request_id: r.requestId, community_service_id: r.communityServiceId, referred_by: r.referredBy,
    reason: r.reason, status: 'referred', outcome: jsonb({}), created_at: r.now, updated_at: r.now,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function communityServiceExists(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('community_service').select('id').where('id', '=', id).where('active', '=', true).executeTakeFirst()) !== undefined;
}

/** Staff ids are stored only when they name a real staff record (test and service tokens may not). */
export async function knownStaffId(db: Db, staffId: string | null): Promise<string | null> {
  if (!staffId) return null;
  return (await db.selectFrom('staff').select('id').where('id', '=', staffId).executeTakeFirst())?.id ?? null;
}
