// Data quality: invalid NHS numbers (modulus 11, wherever they are stored or were imported), missing
// ethnicity, postcode and language, probable duplicate patients, past appointments with no outcome, slots
// without a mode. Counts for everyone allowed; lists (patient-identifying) only for the practice's own staff.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Clock } from '../server/clock.ts';
import type { Actor } from '../trust/domain/actor.ts';
import type { AuditTrail } from '../trust/audit-trail.ts';
import { isValidNhsNumber } from '../shared/domain/nhs-number.ts';
import { APPOINTMENT_MODES } from '../shared/domain/vocabulary.ts';
import { londonIso } from '../shared/domain/london-time.ts';

const LIST_LIMIT = 500;
const PRACTICE_STAFF = ['receptionist', 'clinician'];

export interface QualityCheck {
  check: string;
  description: string;
  count: number;
  /** Present only for the practice's own staff. */
  items?: Record<string, unknown>[];
  truncated?: boolean;
}

const limited = <T>(items: T[]) => ({ items: items.slice(0, LIST_LIMIT), truncated: items.length > LIST_LIMIT });

export function createDataQuality(db: Kysely<Database>, clock: Clock, audit: AuditTrail) {
  async function invalidNhsNumbers(practiceIds: readonly string[]) {
    const patients = await db.selectFrom('patient').select(['id', 'nhs_number', 'given_name', 'family_name', 'practice_id']).where('practice_id', 'in', [...practiceIds]).execute();
    const badPatients = patients.filter((p) => !isValidNhsNumber(p.nhs_number));
    const attendances = await db.selectFrom('ae_attendance').leftJoin('patient', 'patient.id', 'ae_attendance.patient_id')
      .select(['ae_attendance.id', 'ae_attendance.nhs_number', 'ae_attendance.batch_id', 'patient.practice_id']).execute();
    const badAttendances = attendances.filter((a) => !isValidNhsNumber(a.nhs_number) && (a.practice_id === null || practiceIds.includes(a.practice_id)));
    const batches = await db.selectFrom('ae_import_batch').select(['id', 'rejections']).execute();
    const rejected = batches.flatMap((b) => b.rejections.filter((r) => r.field === 'nhs_number').map((r) => ({ batchId: b.id, line: r.line, reason: r.reason })));
    return {
      patients: badPatients.map((p) => ({ patientId: p.id, nhsNumber: p.nhs_number, name: `${p.given_name} ${p.family_name}`, practiceId: p.practice_id })),
      attendances: badAttendances.map((a) => ({ attendanceId: a.id, nhsNumber: a.nhs_number, batchId: a.batch_id })),
      rejectedImportRows: rejected,
    };
  }

  async function checks(practiceIds: readonly string[], withLists: boolean): Promise<QualityCheck[]> {
    const now = clock.now();
    const nhs = await invalidNhsNumbers(practiceIds);
    const missing = await db.selectFrom('patient').select(['id', 'given_name', 'family_name', 'practice_id', 'ethnicity_code', 'postcode', 'main_language'])
      .where('practice_id', 'in', [...practiceIds]).where((eb) => eb.or([eb('ethnicity_code', 'is', null), eb('postcode', 'is', null), eb('main_language', 'is', null)])).execute();
    const { rows: duplicates } = await sql<{ given: string; family: string; date_of_birth: string; ids: number[]; practices: string[] }>`
      SELECT lower(given_name) AS given, lower(family_name) AS family, date_of_birth, array_agg(id ORDER BY id) AS ids, array_agg(practice_id ORDER BY id) AS practices
      FROM patient GROUP BY 1, 2, 3 HAVING count(*) > 1 AND bool_or(practice_id = ANY(${[...practiceIds]}))`.execute(db);
    const noOutcome = await db.selectFrom('appointment').innerJoin('patient', 'patient.id', 'appointment.patient_id')
      .select(['appointment.id', 'appointment.start_at', 'appointment.status', 'appointment.staff_id', 'appointment.patient_id', 'patient.given_name', 'patient.family_name'])
      .where('appointment.practice_id', 'in', [...practiceIds]).where('appointment.end_at', '<', now).where('appointment.status', 'in', ['booked', 'unknown'])
      .orderBy('appointment.start_at').execute();
    const { rows: modeless } = await sql<{ id: number; start_at: Date; staff_id: string }>`
      SELECT id, start_at, staff_id FROM slot WHERE (practice_id = ANY(${[...practiceIds]}) OR hub_id IN (SELECT id FROM hub WHERE host_practice_id = ANY(${[...practiceIds]})))
        AND (mode IS NULL OR NOT (mode = ANY(${[...APPOINTMENT_MODES]}))) ORDER BY start_at LIMIT ${LIST_LIMIT + 1}`.execute(db);
    const missingOf = (field: 'ethnicity_code' | 'postcode' | 'main_language') => missing.filter((p) => p[field] === null)
      .map((p) => ({ patientId: p.id, name: `${p.given_name} ${p.family_name}`, practiceId: p.practice_id }));
    const result: (QualityCheck & { all: Record<string, unknown>[] })[] = [
      { check: 'invalid_nhs_number_patients', description: 'Registered patients whose NHS number fails the modulus 11 check', count: nhs.patients.length, all: nhs.patients },
      { check: 'invalid_nhs_number_ae', description: 'Stored A&E attendances whose NHS number fails the modulus 11 check', count: nhs.attendances.length, all: nhs.attendances },
      { check: 'invalid_nhs_number_ae_rejected', description: 'A&E import rows rejected for their NHS number (kept on the batch)', count: nhs.rejectedImportRows.length, all: nhs.rejectedImportRows },
      { check: 'missing_ethnicity', description: 'Patients with no recorded ethnicity', count: missingOf('ethnicity_code').length, all: missingOf('ethnicity_code') },
      { check: 'missing_postcode', description: 'Patients with no postcode', count: missingOf('postcode').length, all: missingOf('postcode') },
      { check: 'missing_language', description: 'Patients with no recorded main language', count: missingOf('main_language').length, all: missingOf('main_language') },
      { check: 'probable_duplicate_patients', description: 'Groups of patients with the same name and date of birth', count: duplicates.length,
        all: duplicates.map((d) => ({ patientIds: d.ids, practiceIds: d.practices, dateOfBirth: d.date_of_birth })) },
      { check: 'appointments_without_outcome', description: 'Past appointments still booked or unknown (no attended or DNA recorded)', count: noOutcome.length,
        all: noOutcome.map((a) => ({ appointmentId: a.id, start: londonIso(new Date(a.start_at)), status: a.status, staffId: a.staff_id, patientId: a.patient_id, name: `${a.given_name} ${a.family_name}` })) },
      { check: 'slots_without_mode', description: 'Slots with no (or an unknown) mode', count: modeless.length,
        all: modeless.map((s) => ({ slotId: s.id, start: londonIso(new Date(s.start_at)), staffId: s.staff_id })) },
    ];
    return result.map(({ all, ...check }) => (withLists ? { ...check, ...limited(all) } : check));
  }

  return {
    /** Lists go only to the practice's own staff (and are audited); everyone else allowed sees counts. */
    async report(actor: Actor, practiceIds: readonly string[]) {
      const withLists = PRACTICE_STAFF.includes(actor.role) && practiceIds.length === 1 && practiceIds[0] === actor.practiceId;
      const result = await checks(practiceIds, withLists);
      if (withLists) await audit.record(db, actor, { action: 'data_quality.read', resourceType: 'practice', resourceId: practiceIds[0]!, reason: 'Data quality work lists' });
      return { lists: withLists, checks: result };
    },
  };
}

export type DataQuality = ReturnType<typeof createDataQuality>;
