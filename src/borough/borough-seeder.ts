// Loads a generated borough into the database: structure first, then patients and activity streamed
// through COPY in batches, so the full 294k-patient borough loads in well under the 90 s budget and
// stays within 2 GiB. The borough row is written last: its presence means "completely seeded".
import { sql } from 'kysely';
import type { HamletDatabase } from '../db/database.ts';
import { withIndexesDeferred } from '../db/deferred-indexes.ts';
import type { CopyValue } from '../db/copy-format.ts';
import type { LocalDate } from '../shared/domain/london-time.ts';
import { bankHolidayDates } from '../booking/domain/bank-holidays.ts';
import { scaled, TOWER_HAMLETS, type BoroughParameters } from './domain/borough-parameters.ts';
import { generateStructure, type BoroughStructure } from './domain/borough-structure.ts';
import { createPatientGenerator, type Patient } from './domain/patients.ts';
import { generateRotas } from './domain/rotas.ts';
import { generateActivity, type AppointmentRow, type SlotRow } from './domain/activity.ts';

export interface SeedOptions {
  seed: number;
  scale: number;
  /** The day the borough is generated for: history runs up to it, slots run from it. */
  anchorDate: LocalDate;
  parameters?: BoroughParameters;
  onProgress?: (progress: SeedProgress) => void;
}

export interface SeedProgress {
  step: 'structure' | 'patients' | 'rotas' | 'slots' | 'appointments' | 'finishing' | 'done';
  done: number;
  total: number;
  message: string;
}

export interface SeedResult {
  practices: number;
  patients: number;
  staff: number;
  slots: number;
  appointments: number;
  seconds: number;
}

export const BOROUGH_ID = 'default';

export async function isSeeded(database: HamletDatabase): Promise<boolean> {
  const row = await database.db.selectFrom('borough').select('id').where('id', '=', BOROUGH_ID).executeTakeFirst();
  return row !== undefined;
}

/** Empties every borough table (an interrupted seed leaves partial data; a re-seed starts clean). */
export async function clearBorough(database: HamletDatabase): Promise<void> {
  const tables = await sql<{ tablename: string }>`
    SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT LIKE 'kysely_%'`.execute(database.db);
  const names = tables.rows.map((r) => `"${r.tablename}"`).join(', ');
  // The audit log is append-only by trigger; a re-seed replaces the whole synthetic world, audit included.
  if (names) await sql.raw(`TRUNCATE ${names} RESTART IDENTITY CASCADE`).execute(database.db);
}

export async function seedBorough(database: HamletDatabase, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const report = options.onProgress ?? (() => {});
  const parameters = scaled(options.parameters ?? TOWER_HAMLETS, options.scale);
  const { seed, anchorDate } = options;
  await clearBorough(database);
  const result = await withIndexesDeferred(database.db, ['patient', 'slot', 'appointment'], () => load(database, parameters, seed, anchorDate, report));
  report({ step: 'finishing', done: 0, total: 1, message: 'Updating statistics' });
  await sql`SELECT setval(pg_get_serial_sequence('slot', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM slot), false)`.execute(database.db);
  await sql`SELECT setval(pg_get_serial_sequence('appointment', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM appointment), false)`.execute(database.db);
  await sql`ANALYZE`.execute(database.db);
  await database.db.insertInto('borough').values({
    id: BOROUGH_ID, name: parameters.name, seed, scale: options.scale, anchor_date: anchorDate,
    parameters: { ...parameters } as unknown as Record<string, unknown>,
  }).execute();
  const seconds = (performance.now() - started) / 1000;
  report({ step: 'done', done: 1, total: 1, message: `Seeded in ${seconds.toFixed(1)} s` });
  return { ...result, seconds };
}

async function load(database: HamletDatabase, parameters: BoroughParameters, seed: number, anchorDate: LocalDate,
  report: (progress: SeedProgress) => void): Promise<Omit<SeedResult, 'seconds'>> {
  report({ step: 'structure', done: 0, total: 1, message: 'Generating practices, PCNs, hubs and staff' });
  const structure = generateStructure(parameters, seed, anchorDate);
  await loadStructure(database, structure);
  report({ step: 'structure', done: 1, total: 1, message: `${structure.practices.length} practices, ${structure.staff.length} staff` });

  const patients = createPatientGenerator(parameters, structure, seed, anchorDate);
  let loadedPatients = 0;
  for (let p = 0; p < structure.practices.length; p++) {
    loadedPatients += await copy(database, 'patient', PATIENT_COLUMNS, mapRows(patients.forPractice(p), patientValues));
    report({ step: 'patients', done: loadedPatients, total: parameters.totalPatients, message: `Patients: ${loadedPatients.toLocaleString('en-GB')} of ${parameters.totalPatients.toLocaleString('en-GB')}` });
  }

  report({ step: 'rotas', done: 0, total: 1, message: 'Generating rotas' });
  const rotas = generateRotas(parameters, structure, seed, anchorDate);
  await copy(database, 'session_template', TEMPLATE_COLUMNS, rotas.templates.map((t) => [
    t.id, t.staffId, t.siteId, [...t.weekdays], t.start, t.end, t.slotMinutes, t.mode, t.slotType, [...t.bookableBy], t.serviceTag,
    t.release, t.validFrom, t.validTo, t.runsOnBankHolidays,
  ]));
  await copy(database, 'rota_exception', ['staff_id', 'site_id', 'from_date', 'to_date', 'reason'],
    rotas.exceptions.map((e) => [e.staffId, e.siteId, e.from, e.to, e.reason]));

  const year = Number(anchorDate.slice(0, 4));
  const activity = generateActivity(parameters, structure, rotas, patients.summary, seed, anchorDate, bankHolidayDates(year - 1, year + 1));
  report({ step: 'slots', done: 0, total: activity.slots.length, message: `Loading ${activity.slots.length.toLocaleString('en-GB')} slots` });
  await copy(database, 'slot', SLOT_COLUMNS, mapRows(activity.slots, slotValues));
  await copy(database, 'appointment', APPOINTMENT_COLUMNS, mapRows(activity.slotAppointments, appointmentValues));
  const slotCount = activity.slots.length;
  // Loaded: let the slot objects go before streaming 1.6M history rows (keeps the first start under 2 GiB).
  activity.slots.length = 0;
  activity.slotAppointments.length = 0;
  report({ step: 'slots', done: slotCount, total: slotCount, message: `Slots: ${slotCount.toLocaleString('en-GB')}` });
  const expectedAppointments = Math.round(parameters.totalPatients * parameters.appointmentsPerPatientYear);
  let appointments = await countRows(database, 'appointment');
  await copy(database, 'appointment', APPOINTMENT_COLUMNS, mapRows(activity.history(), (a) => {
    if (++appointments % 100_000 === 0) {
      report({ step: 'appointments', done: appointments, total: expectedAppointments, message: `Appointments: ${appointments.toLocaleString('en-GB')} of about ${expectedAppointments.toLocaleString('en-GB')}` });
    }
    return appointmentValues(a);
  }));
  report({ step: 'appointments', done: appointments, total: appointments, message: `Appointments: ${appointments.toLocaleString('en-GB')}` });
  return { practices: structure.practices.length, patients: loadedPatients, staff: structure.staff.length, slots: slotCount, appointments };
}

async function countRows(database: HamletDatabase, table: 'appointment'): Promise<number> {
  return Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

/** The generated borough is consistent by construction, so its rows skip foreign-key triggers. */
function copy(database: HamletDatabase, ...[table, columns, rows]: Parameters<HamletDatabase['copyRows']>): Promise<number> {
  return database.copyRows(table, columns, rows, { trusted: true });
}

function* mapRows<T>(items: Iterable<T>, map: (item: T) => readonly CopyValue[]): Generator<readonly CopyValue[]> {
  for (const item of items) yield map(item);
}

async function loadStructure(database: HamletDatabase, s: BoroughStructure): Promise<void> {
  await copy(database, 'locality', ['id', 'name'], s.localities.map((l) => [l.id, l.name]));
  await copy(database, 'pcn', ['id', 'name', 'locality_id'], s.pcns.map((p) => [p.id, p.name, p.localityId]));
  await copy(database, 'practice', ['id', 'name', 'pcn_id', 'locality_id', 'phone', 'list_size'],
    s.practices.map((p) => [p.id, p.name, p.pcnId, p.localityId, p.phone, p.listSize]));
  await copy(database, 'hub', ['id', 'name', 'locality_id', 'host_practice_id', 'opening_hours'],
    s.hubs.map((h) => [h.id, h.name, h.localityId, h.hostPracticeId, h.openingHours]));
  await copy(database, 'hub_sharing_agreement', ['hub_id', 'practice_id', 'signed_on'], s.sharingAgreements.map((a) => [a.hubId, a.practiceId, a.signedOn]));
  await copy(database, 'site', ['id', 'name', 'practice_id', 'hub_id', 'address_line', 'postcode', 'lat', 'lon', 'step_free'],
    s.sites.map((x) => [x.id, x.name, x.practiceId, x.hubId, x.addressLine, x.postcode, x.lat, x.lon, x.stepFree]));
  await copy(database, 'staff', ['id', 'practice_id', 'pcn_id', 'hub_id', 'title', 'given_name', 'family_name', 'role', 'languages'],
    s.staff.map((m) => [m.id, m.practiceId, m.pcnId, m.hubId, m.title, m.givenName, m.familyName, m.role, m.languages]));
  await copy(database, 'staff_site', ['staff_id', 'site_id'], s.staff.flatMap((m) => m.siteIds.map((siteId) => [m.id, siteId])));
  await copy(database, 'community_service', ['id', 'name', 'category', 'description', 'address_line', 'postcode', 'lat', 'lon', 'languages', 'contact'],
    s.communityServices.map((c) => [c.id, c.name, c.category, c.description, c.addressLine, c.postcode, c.lat, c.lon, c.languages, c.contact]));
}

const PATIENT_COLUMNS = [
  'id', 'nhs_number', 'practice_id', 'given_name', 'family_name', 'date_of_birth', 'sex', 'postcode', 'lat', 'lon', 'ethnicity_code',
  'main_language', 'interpreter_needed', 'deprivation_decile', 'long_term_conditions', 'frailty_deficits', 'homeless', 'housebound',
  'carer', 'learning_disability', 'digital_preference', 'usual_clinician_id', 'registered_on', 'opted_out_of_sharing',
  'national_data_opt_out', 'phone', 'email',
] as const;

function patientValues(p: Patient): CopyValue[] {
  return [
    p.id, p.nhsNumber, p.practiceId, p.givenName, p.familyName, p.dateOfBirth, p.sex, p.postcode, p.lat, p.lon, p.ethnicityCode,
    p.mainLanguage, p.interpreterNeeded, p.deprivationDecile, p.longTermConditions, p.frailtyDeficits, p.homeless, p.housebound,
    p.carer, p.learningDisability, p.digitalPreference, p.usualClinicianId, p.registeredOn, p.optedOutOfSharing,
    p.nationalDataOptOut, p.phone, p.email,
  ];
}

const TEMPLATE_COLUMNS = [
  'id', 'staff_id', 'site_id', 'weekdays', 'start_time', 'end_time', 'slot_minutes', 'mode', 'slot_type', 'bookable_by', 'service_tag',
  'release', 'valid_from', 'valid_to', 'runs_on_bank_holidays',
] as const;

const SLOT_COLUMNS = [
  'id', 'template_id', 'staff_id', 'site_id', 'practice_id', 'hub_id', 'start_at', 'end_at', 'mode', 'slot_type', 'bookable_by',
  'service_tag', 'release_at', 'status',
] as const;

function slotValues(s: SlotRow): CopyValue[] {
  return [s.id, s.templateId, s.staffId, s.siteId, s.practiceId, s.hubId, s.start, s.end, s.mode, s.slotType, s.bookableBy, s.serviceTag, s.releaseAt, s.status];
}

const APPOINTMENT_COLUMNS = [
  'id', 'slot_id', 'patient_id', 'practice_id', 'delivered_by_practice_id', 'delivered_by_hub_id', 'staff_id', 'hcp_role', 'site_id',
  'start_at', 'end_at', 'mode', 'status', 'national_category', 'service_setting', 'booking_channel', 'booked_by_org', 'booked_at',
  'actual_start_at', 'actual_end_at', 'cancelled_at', 'cancellation_reason',
] as const;

function appointmentValues(a: AppointmentRow): CopyValue[] {
  return [
    a.id, a.slotId, a.patientId, a.practiceId, a.deliveredByPracticeId, a.deliveredByHubId, a.staffId, a.hcpRole, a.siteId, a.start, a.end,
    a.mode, a.status, a.nationalCategory, a.serviceSetting, a.bookingChannel, a.bookedByOrg, a.bookedAt, a.actualStart, a.actualEnd,
    a.cancelledAt, a.cancellationReason,
  ];
}
