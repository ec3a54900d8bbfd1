// Row types of every table, for Kysely. Rows stay in repositories: features map them to domain types.
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** timestamptz: read as Date, written as Date or ISO string. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** date: read and written as 'YYYY-MM-DD' (the pg type parser is set to leave dates as text). */
type DateText = string;
/** bigint identity columns are read as strings by pg; we parse int8 to number (ids stay below 2^53). */
type Id = Generated<number>;
type Json<T extends object | null> = JSONColumnType<T, T, T>;

export interface BoroughTable {
  id: string;
  name: string;
  seed: number;
  scale: number;
  anchor_date: DateText;
  parameters: Json<Record<string, unknown>>;
  generated_at: Generated<Timestamp>;
}
export interface LocalityTable {
  id: string;
  name: string;
}
export interface PcnTable {
  id: string;
  name: string;
  locality_id: string;
}
export interface PracticeTable {
  id: string;
  name: string;
  pcn_id: string;
  locality_id: string;
  phone: string;
  list_size: number;
}
export interface OpeningHours {
  blocks: { weekdays: number[]; start: string; end: string }[];
  runsOnBankHolidays: boolean;
}
export interface HubTable {
  id: string;
  name: string;
  locality_id: string;
  host_practice_id: string;
  opening_hours: Json<OpeningHours>;
}
export interface HubSharingAgreementTable {
  hub_id: string;
  practice_id: string;
  signed_on: DateText;
  revoked_on: DateText | null;
}
export interface SiteTable {
  id: string;
  name: string;
  practice_id: string | null;
  hub_id: string | null;
  address_line: string;
  postcode: string;
  lat: number;
  lon: number;
  step_free: boolean;
}
export interface StaffTable {
  id: string;
  practice_id: string | null;
  pcn_id: string | null;
  hub_id: string | null;
  title: string | null;
  given_name: string;
  family_name: string;
  role: string;
  languages: string[];
  active: Generated<boolean>;
}
export interface StaffSiteTable {
  staff_id: string;
  site_id: string;
}
export interface PatientTable {
  id: number;
  nhs_number: string;
  practice_id: string;
  given_name: string;
  family_name: string;
  date_of_birth: DateText;
  sex: string;
  postcode: string | null;
  lat: number | null;
  lon: number | null;
  ethnicity_code: string | null;
  main_language: string | null;
  interpreter_needed: boolean;
  deprivation_decile: number | null;
  long_term_conditions: string[];
  frailty_deficits: string[];
  homeless: boolean;
  housebound: boolean;
  carer: boolean;
  learning_disability: boolean;
  digital_preference: string;
  usual_clinician_id: string | null;
  registered_on: DateText;
  opted_out_of_sharing: boolean;
  national_data_opt_out: boolean;
  phone: string | null;
  email: string | null;
}
export interface PatientProxyTable {
  proxy_patient_id: number;
  patient_id: number;
  relationship: string;
}
export interface SessionTemplateTable {
  id: string;
  staff_id: string;
  site_id: string;
  weekdays: number[];
  start_time: string;
  end_time: string;
  slot_minutes: number;
  mode: string;
  slot_type: string;
  bookable_by: string[];
  service_tag: string | null;
  release: Json<Record<string, unknown>>;
  valid_from: DateText;
  valid_to: DateText | null;
  runs_on_bank_holidays: boolean;
}
export interface RotaExceptionTable {
  id: Generated<number>;
  staff_id: string | null;
  site_id: string | null;
  from_date: DateText;
  to_date: DateText;
  reason: string;
}
export interface SlotTable {
  id: Id;
  template_id: string | null;
  staff_id: string;
  site_id: string;
  practice_id: string | null;
  hub_id: string | null;
  start_at: Timestamp;
  end_at: Timestamp;
  mode: string;
  slot_type: string;
  bookable_by: string[];
  service_tag: string | null;
  release_at: Timestamp;
  status: Generated<string>;
  // 0003-booking
  embargo_until: Timestamp | null;
  max_days_ahead: number | null;
}
export interface PatientRequestTable {
  id: string;
  patient_id: number | null;
  practice_id: string | null;
  submitted_by: string;
  submitted_by_staff_id: string | null;
  on_behalf_relationship: string | null;
  channel: string;
  age_years: number;
  sex: string;
  description: string;
  duration: string | null;
  answers: Json<Record<string, string>>;
  need_kind: string;
  contact_preferences: Json<Record<string, unknown>>;
  interpreter_language: string | null;
  accessibility_needs: string | null;
  language: Generated<string>;
  disposition: string;
  service: string;
  triage: Json<Record<string, unknown>>;
  engine_id: string;
  engine_version: string;
  override_disposition: string | null;
  override_service: string | null;
  override_reason: string | null;
  overridden_by: string | null;
  overridden_at: Timestamp | null;
  status: Generated<string>;
  respond_by: Timestamp;
  first_clinical_contact_at: Timestamp | null;
  assigned_to: string | null;
  appointment_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  closed_at: Timestamp | null;
  // 0002-front-door
  urgency_rank: Generated<number>;
  expected_response_at: Timestamp | null;
  expected_response_text: string | null;
  lanes: Json<Record<string, unknown>> | null;
  routed_to_hub_id: string | null;
  override_role: string | null;
  override_actor: string | null;
  first_response_at: Timestamp | null;
  handled_at: Timestamp | null;
  close_outcome: string | null;
}
export interface StaffAlertTable {
  id: Id;
  practice_id: string | null;
  request_id: string;
  patient_id: number | null;
  kind: string;
  message: string;
  created_at: Timestamp;
  acknowledged_at: Timestamp | null;
  acknowledged_by: string | null;
}
export interface TriageEngineEvaluationTable {
  id: Id;
  engine_id: string;
  engine_version: string;
  evaluation_set: string;
  evaluated_at: Timestamp;
  passed: boolean;
  failures: Json<string[]>;
  report: Json<Record<string, unknown>>;
}
export interface TriageLiveEngineTable {
  singleton: Generated<boolean>;
  engine_id: string;
  engine_version: string;
  evaluation_id: number | null;
  switched_by: string;
  switched_at: Timestamp;
}
export interface RequestMessageTable {
  id: Id;
  request_id: string;
  author_kind: string;
  author_id: string | null;
  body: string;
  created_at: Timestamp;
}
export interface AppointmentTable {
  id: Id;
  slot_id: number | null;
  patient_id: number;
  practice_id: string;
  delivered_by_practice_id: string | null;
  delivered_by_hub_id: string | null;
  staff_id: string;
  hcp_role: string;
  site_id: string;
  start_at: Timestamp;
  end_at: Timestamp;
  mode: string;
  status: string;
  national_category: string;
  service_setting: string;
  booking_channel: string;
  booked_by_org: string | null;
  booked_by_user: string | null;
  booked_at: Timestamp;
  actual_start_at: Timestamp | null;
  actual_end_at: Timestamp | null;
  cancelled_at: Timestamp | null;
  cancellation_reason: string | null;
  outcome_recorded_at: Timestamp | null;
  request_id: string | null;
  reason: string | null;
  idempotency_key: string | null;
  version: Generated<number>;
}
export interface WaitingListEntryTable {
  id: Id;
  patient_id: number;
  appointment_id: number | null;
  criteria: Json<Record<string, unknown>>;
  requested_at: Timestamp;
  status: string;
  offered_slot_id: number | null;
  offer_expires_at: Timestamp | null;
  booked_appointment_id: number | null;
}
export interface OutboxMessageTable {
  id: Id;
  kind: string;
  patient_id: number | null;
  appointment_id: number | null;
  channel: string;
  language: string;
  recipient: string;
  subject: string | null;
  body: string;
  attachment_ics: string | null;
  not_before: Timestamp;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  attempts: Generated<number>;
  last_error: string | null;
  // 0003-booking
  given_up_at: Timestamp | null;
}
export interface WaitingListOfferTable {
  id: Id;
  entry_id: number;
  slot_id: number;
  patient_id: number;
  offered_at: Timestamp;
  expires_at: Timestamp;
  status: string;
  closed_at: Timestamp | null;
}
export interface CommunityServiceTable {
  id: string;
  name: string;
  category: string;
  description: string;
  address_line: string | null;
  postcode: string | null;
  lat: number | null;
  lon: number | null;
  languages: string[];
  contact: string;
  active: Generated<boolean>;
}
export interface ReferralTable {
  id: Id;
  patient_id: number;
  request_id: string | null;
  community_service_id: string | null;
  referred_by: string | null;
  link_worker_id: string | null;
  reason: string;
  snomed_code: Generated<string>;
  status: string;
  outcome: Json<Record<string, unknown>>;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface OutreachContactTable {
  id: Id;
  patient_id: number;
  cohort: string;
  method: string;
  outcome: string;
  staff_id: string | null;
  contacted_at: Timestamp;
}
export interface AeImportBatchTable {
  id: Id;
  filename: string;
  imported_at: Timestamp;
  rows_total: number;
  rows_imported: number;
  rows_rejected: number;
  rejections: Json<{ line: number; field: string; reason: string }[]>;
}
export interface AeAttendanceTable {
  id: Id;
  batch_id: number | null;
  nhs_number: string;
  patient_id: number | null;
  arrival_at: Timestamp;
  department_type: number;
  referral_source: string;
  discharge_outcome: string;
}
export interface QiProjectTable {
  id: Id;
  practice_id: string | null;
  pcn_id: string | null;
  title: string;
  aim: string;
  measures: Json<unknown[]>;
  driver_diagram: Json<Record<string, unknown>>;
  created_at: Timestamp;
}
export interface PdsaCycleTable {
  id: Id;
  project_id: number;
  change_idea: string;
  plan: string;
  prediction: string;
  do_notes: string | null;
  study: string | null;
  act: string | null;
  started_on: DateText;
  ended_on: DateText | null;
}
export interface MaturityMatrixTable {
  version: string;
  definition: Json<Record<string, unknown>>;
}
export interface MaturityAssessmentTable {
  id: Id;
  pcn_id: string;
  matrix_version: string;
  assessed_on: DateText;
  ratings: Json<Record<string, unknown>>;
}
export interface CodesignSessionTable {
  id: Id;
  pcn_id: string | null;
  held_on: DateText;
  topic: string;
  participants: Json<Record<string, unknown>>;
  findings: string;
  actions: Json<unknown[]>;
}
export interface IdempotencyRecordTable {
  key: string;
  scope: string;
  request_hash: string;
  status_code: number;
  response: Json<object>;
  created_at: Timestamp;
}
export interface AuditLogTable {
  id: Id;
  at: Timestamp;
  actor_id: string;
  actor_role: string;
  actor_org: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  patient_id: number | null;
  reason: string | null;
  details: Json<Record<string, unknown>>;
  /** Filled by the sealer: the row's position in the hash chain, and its hashes. */
  prev_hash: string | null;
  hash: string | null;
  chain_seq: number | null;
}

export interface Database {
  borough: BoroughTable;
  locality: LocalityTable;
  pcn: PcnTable;
  practice: PracticeTable;
  hub: HubTable;
  hub_sharing_agreement: HubSharingAgreementTable;
  site: SiteTable;
  staff: StaffTable;
  staff_site: StaffSiteTable;
  patient: PatientTable;
  patient_proxy: PatientProxyTable;
  session_template: SessionTemplateTable;
  rota_exception: RotaExceptionTable;
  slot: SlotTable;
  patient_request: PatientRequestTable;
  request_message: RequestMessageTable;
  appointment: AppointmentTable;
  waiting_list_entry: WaitingListEntryTable;
  waiting_list_offer: WaitingListOfferTable;
  outbox_message: OutboxMessageTable;
  community_service: CommunityServiceTable;
  referral: ReferralTable;
  outreach_contact: OutreachContactTable;
  ae_import_batch: AeImportBatchTable;
  ae_attendance: AeAttendanceTable;
  qi_project: QiProjectTable;
  pdsa_cycle: PdsaCycleTable;
  maturity_matrix: MaturityMatrixTable;
  maturity_assessment: MaturityAssessmentTable;
  codesign_session: CodesignSessionTable;
  idempotency_record: IdempotencyRecordTable;
  audit_log: AuditLogTable;
  staff_alert: StaffAlertTable;
  triage_engine_evaluation: TriageEngineEvaluationTable;
  triage_live_engine: TriageLiveEngineTable;
}
