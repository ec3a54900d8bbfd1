// The foundation schema: the whole mission's tables, so later work extends rather than rewrites.
// Codes are checked against the shared vocabulary so the database refuses what the domain would.
import type { Kysely } from 'kysely';
import { executeSqlScript } from '../sql-script.ts';
import {
  APPOINTMENT_MODES,
  APPOINTMENT_STATUSES,
  BOOKERS,
  BOOKING_CHANNELS,
  CARE_SERVICES,
  DIGITAL_PREFERENCES,
  DISPOSITIONS,
  SERVICE_SETTINGS,
  SEXES,
  SLOT_TYPES,
  STAFF_ROLES,
} from '../../shared/domain/vocabulary.ts';

const oneOf = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const allIn = (values: readonly string[]) => `ARRAY[${oneOf(values)}]::text[]`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await executeSqlScript(
    db,
    `
CREATE TABLE borough (
  id text PRIMARY KEY,
  name text NOT NULL,
  seed integer NOT NULL,
  scale double precision NOT NULL,
  anchor_date date NOT NULL,
  parameters jsonb NOT NULL,
  generated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE locality (
  id text PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE pcn (
  id text PRIMARY KEY,              -- ODS-style PCN code (synthetic, U9xxxx)
  name text NOT NULL,
  locality_id text NOT NULL REFERENCES locality(id)
);

CREATE TABLE practice (
  id text PRIMARY KEY,              -- ODS-style practice code (synthetic, Z84xxx)
  name text NOT NULL,
  pcn_id text NOT NULL REFERENCES pcn(id),
  locality_id text NOT NULL REFERENCES locality(id),
  phone text NOT NULL,
  list_size integer NOT NULL CHECK (list_size >= 0)
);
CREATE INDEX practice_pcn_idx ON practice (pcn_id);

CREATE TABLE hub (
  id text PRIMARY KEY,
  name text NOT NULL,
  locality_id text NOT NULL REFERENCES locality(id),
  host_practice_id text NOT NULL REFERENCES practice(id),
  opening_hours jsonb NOT NULL      -- { blocks: [{ weekdays: [1..7], start: 'HH:MM', end: 'HH:MM' }], runsOnBankHolidays }
);

-- A hub may see a practice's patients only while that practice's agreement is in force.
CREATE TABLE hub_sharing_agreement (
  hub_id text NOT NULL REFERENCES hub(id),
  practice_id text NOT NULL REFERENCES practice(id),
  signed_on date NOT NULL,
  revoked_on date,
  PRIMARY KEY (hub_id, practice_id)
);

CREATE TABLE site (
  id text PRIMARY KEY,
  name text NOT NULL,
  practice_id text REFERENCES practice(id),
  hub_id text REFERENCES hub(id),
  address_line text NOT NULL,
  postcode text NOT NULL,
  lat double precision NOT NULL,
  lon double precision NOT NULL,
  step_free boolean NOT NULL,
  CHECK (practice_id IS NOT NULL OR hub_id IS NOT NULL)
);
CREATE INDEX site_practice_idx ON site (practice_id);

CREATE TABLE staff (
  id text PRIMARY KEY,
  practice_id text REFERENCES practice(id),   -- employing practice; null for PCN- or hub-employed staff
  pcn_id text REFERENCES pcn(id),
  hub_id text REFERENCES hub(id),
  title text,
  given_name text NOT NULL,
  family_name text NOT NULL,
  role text NOT NULL CHECK (role IN (${oneOf(STAFF_ROLES)})),
  languages text[] NOT NULL DEFAULT '{}',
  active boolean NOT NULL DEFAULT true
);
CREATE INDEX staff_practice_idx ON staff (practice_id);

CREATE TABLE staff_site (
  staff_id text NOT NULL REFERENCES staff(id),
  site_id text NOT NULL REFERENCES site(id),
  PRIMARY KEY (staff_id, site_id)
);

CREATE TABLE patient (
  id integer PRIMARY KEY,
  nhs_number char(10) NOT NULL UNIQUE,
  practice_id text NOT NULL REFERENCES practice(id),
  given_name text NOT NULL,
  family_name text NOT NULL,
  date_of_birth date NOT NULL,
  sex text NOT NULL CHECK (sex IN (${oneOf(SEXES)})),
  postcode text,
  lat double precision,
  lon double precision,
  ethnicity_code text,
  main_language text,
  interpreter_needed boolean NOT NULL DEFAULT false,
  deprivation_decile smallint CHECK (deprivation_decile BETWEEN 1 AND 10),
  long_term_conditions text[] NOT NULL DEFAULT '{}',
  frailty_deficits text[] NOT NULL DEFAULT '{}',
  homeless boolean NOT NULL DEFAULT false,
  housebound boolean NOT NULL DEFAULT false,
  carer boolean NOT NULL DEFAULT false,
  learning_disability boolean NOT NULL DEFAULT false,
  digital_preference text NOT NULL CHECK (digital_preference IN (${oneOf(DIGITAL_PREFERENCES)})),
  usual_clinician_id text REFERENCES staff(id),
  registered_on date NOT NULL,
  opted_out_of_sharing boolean NOT NULL DEFAULT false,   -- objects to hub/cross-practice access
  national_data_opt_out boolean NOT NULL DEFAULT false,
  phone text,
  email text
);
CREATE INDEX patient_practice_idx ON patient (practice_id);
CREATE INDEX patient_family_name_idx ON patient (lower(family_name), date_of_birth);
CREATE INDEX patient_usual_clinician_idx ON patient (usual_clinician_id);

-- Someone who may act for a patient (parent of a child, carer with consent).
CREATE TABLE patient_proxy (
  proxy_patient_id integer NOT NULL REFERENCES patient(id),
  patient_id integer NOT NULL REFERENCES patient(id),
  relationship text NOT NULL,
  PRIMARY KEY (proxy_patient_id, patient_id)
);

CREATE TABLE session_template (
  id text PRIMARY KEY,
  staff_id text NOT NULL REFERENCES staff(id),
  site_id text NOT NULL REFERENCES site(id),
  weekdays smallint[] NOT NULL,
  start_time text NOT NULL,
  end_time text NOT NULL,
  slot_minutes smallint NOT NULL CHECK (slot_minutes > 0),
  mode text NOT NULL CHECK (mode IN (${oneOf(APPOINTMENT_MODES)})),
  slot_type text NOT NULL CHECK (slot_type IN (${oneOf(SLOT_TYPES)})),
  bookable_by text[] NOT NULL CHECK (bookable_by <@ ${allIn(BOOKERS)}),
  service_tag text,
  release jsonb NOT NULL,
  valid_from date NOT NULL,
  valid_to date,
  runs_on_bank_holidays boolean NOT NULL DEFAULT false
);

CREATE TABLE rota_exception (
  id serial PRIMARY KEY,
  staff_id text REFERENCES staff(id),
  site_id text REFERENCES site(id),
  from_date date NOT NULL,
  to_date date NOT NULL,
  reason text NOT NULL CHECK (reason IN ('leave', 'training', 'sickness', 'closure')),
  CHECK (from_date <= to_date)
);

CREATE TABLE slot (
  id bigint PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY,
  template_id text REFERENCES session_template(id),
  staff_id text NOT NULL REFERENCES staff(id),
  site_id text NOT NULL REFERENCES site(id),
  practice_id text REFERENCES practice(id),     -- the practice that offers it, or null for a hub slot
  hub_id text REFERENCES hub(id),
  start_at timestamptz NOT NULL,
  end_at timestamptz NOT NULL,
  mode text NOT NULL CHECK (mode IN (${oneOf(APPOINTMENT_MODES)})),
  slot_type text NOT NULL CHECK (slot_type IN (${oneOf(SLOT_TYPES)})),
  bookable_by text[] NOT NULL CHECK (bookable_by <@ ${allIn(BOOKERS)}),
  service_tag text,
  release_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'free' CHECK (status IN ('free', 'booked', 'withdrawn')),
  CHECK (start_at < end_at)
);
-- A clinician's live slots never start together. (Templates cannot overlap by construction; a GiST
-- exclusion over time ranges would also catch partial overlaps but made loading 8 weeks of slots 4x slower.)
CREATE UNIQUE INDEX slot_staff_start_unique ON slot (staff_id, start_at) WHERE status <> 'withdrawn';
CREATE INDEX slot_free_start_idx ON slot (start_at) WHERE status = 'free';
CREATE INDEX slot_practice_start_idx ON slot (practice_id, start_at);
CREATE INDEX slot_hub_start_idx ON slot (hub_id, start_at);

CREATE TABLE patient_request (
  id uuid PRIMARY KEY,
  patient_id integer REFERENCES patient(id),
  practice_id text REFERENCES practice(id),
  submitted_by text NOT NULL CHECK (submitted_by IN ('patient', 'proxy', 'navigator')),
  submitted_by_staff_id text REFERENCES staff(id),
  on_behalf_relationship text,
  channel text NOT NULL CHECK (channel IN ('online', 'phone', 'desk', 'nhs111')),
  age_years double precision NOT NULL,
  sex text NOT NULL CHECK (sex IN (${oneOf(SEXES)})),
  description text NOT NULL,
  duration text,
  answers jsonb NOT NULL DEFAULT '{}',
  need_kind text NOT NULL CHECK (need_kind IN ('medical', 'admin', 'social')),
  contact_preferences jsonb NOT NULL DEFAULT '{}',
  interpreter_language text,
  accessibility_needs text,
  language text NOT NULL DEFAULT 'en',
  disposition text NOT NULL CHECK (disposition IN (${oneOf(DISPOSITIONS)})),
  service text NOT NULL CHECK (service IN (${oneOf(CARE_SERVICES)})),
  triage jsonb NOT NULL,                       -- the engine's full outcome: reasons, safety-netting, version
  engine_id text NOT NULL,
  engine_version text NOT NULL,
  override_disposition text CHECK (override_disposition IN (${oneOf(DISPOSITIONS)})),
  override_service text CHECK (override_service IN (${oneOf(CARE_SERVICES)})),
  override_reason text,
  overridden_by text REFERENCES staff(id),
  overridden_at timestamptz,
  status text NOT NULL DEFAULT 'new'
    CHECK (status IN ('new', 'in_review', 'awaiting_patient', 'advised', 'booked', 'referred', 'closed', 'escalated')),
  respond_by timestamptz NOT NULL,
  first_clinical_contact_at timestamptz,
  assigned_to text REFERENCES staff(id),
  appointment_id bigint,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  closed_at timestamptz
);
CREATE INDEX patient_request_queue_idx ON patient_request (practice_id, status, respond_by);
CREATE INDEX patient_request_patient_idx ON patient_request (patient_id, created_at);

CREATE TABLE request_message (
  id bigint PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY,
  request_id uuid NOT NULL REFERENCES patient_request(id),
  author_kind text NOT NULL CHECK (author_kind IN ('patient', 'staff', 'system')),
  author_id text,
  body text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX request_message_request_idx ON request_message (request_id, created_at);

CREATE TABLE appointment (
  id bigint PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY,
  slot_id bigint REFERENCES slot(id),           -- null for history imported without a slot
  patient_id integer NOT NULL REFERENCES patient(id),
  practice_id text NOT NULL REFERENCES practice(id),   -- the patient's registered practice
  delivered_by_practice_id text REFERENCES practice(id),
  delivered_by_hub_id text REFERENCES hub(id),
  staff_id text NOT NULL REFERENCES staff(id),
  hcp_role text NOT NULL CHECK (hcp_role IN (${oneOf(STAFF_ROLES)})),
  site_id text NOT NULL REFERENCES site(id),
  start_at timestamptz NOT NULL,
  end_at timestamptz NOT NULL,
  mode text NOT NULL CHECK (mode IN (${oneOf(APPOINTMENT_MODES)})),
  status text NOT NULL CHECK (status IN (${oneOf(APPOINTMENT_STATUSES)})),
  national_category text NOT NULL,
  service_setting text NOT NULL CHECK (service_setting IN (${oneOf(SERVICE_SETTINGS)})),
  booking_channel text NOT NULL CHECK (booking_channel IN (${oneOf(BOOKING_CHANNELS)})),
  booked_by_org text,                           -- ODS code of the booking organisation
  booked_by_user text,
  booked_at timestamptz NOT NULL,
  actual_start_at timestamptz,
  actual_end_at timestamptz,
  cancelled_at timestamptz,
  cancellation_reason text,
  outcome_recorded_at timestamptz,
  request_id uuid REFERENCES patient_request(id),
  reason text,
  idempotency_key text UNIQUE,
  version integer NOT NULL DEFAULT 1,
  CHECK (start_at < end_at)
);
-- No double booking, ever: one live appointment per slot, enforced by the database itself.
CREATE UNIQUE INDEX appointment_one_per_slot ON appointment (slot_id) WHERE status IN ('booked', 'attended', 'dna');
CREATE INDEX appointment_patient_idx ON appointment (patient_id, start_at);
CREATE INDEX appointment_practice_start_idx ON appointment (practice_id, start_at);
CREATE INDEX appointment_staff_start_idx ON appointment (staff_id, start_at);

CREATE TABLE waiting_list_entry (
  id bigint PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY,
  patient_id integer NOT NULL REFERENCES patient(id),
  appointment_id bigint REFERENCES appointment(id),  -- the appointment they hold and want to bring forward
  criteria jsonb NOT NULL,
  requested_at timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('waiting', 'offered', 'booked', 'expired', 'withdrawn')),
  offered_slot_id bigint REFERENCES slot(id),
  offer_expires_at timestamptz,
  booked_appointment_id bigint REFERENCES appointment(id)
);
CREATE INDEX waiting_list_status_idx ON waiting_list_entry (status, requested_at);

-- Messages are written in the same transaction as the change they announce, then delivered by a worker.
CREATE TABLE outbox_message (
  id bigint PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY,
  kind text NOT NULL,
  patient_id integer REFERENCES patient(id),
  appointment_id bigint REFERENCES appointment(id),
  channel text NOT NULL CHECK (channel IN ('sms', 'email', 'letter', 'app')),
  language text NOT NULL,
  recipient text NOT NULL,
  subject text,
  body text NOT NULL,
  attachment_ics text,
  not_before timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  sent_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  last_error text
);
CREATE INDEX outbox_pending_idx ON outbox_message (not_before) WHERE sent_at IS NULL;

CREATE TABLE community_service (
  id text PRIMARY KEY,
  name text NOT NULL,
  category text NOT NULL,
  description text NOT NULL,
  address_line text,
  postcode text,
  lat double precision,
  lon double precision,
  languages text[] NOT NULL DEFAULT '{}',
  contact text NOT NULL,
  active boolean NOT NULL DEFAULT true
);

CREATE TABLE referral (
  id bigint PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY,
  patient_id integer NOT NULL REFERENCES patient(id),
  request_id uuid REFERENCES patient_request(id),
  community_service_id text REFERENCES community_service(id),
  referred_by text REFERENCES staff(id),
  link_worker_id text REFERENCES staff(id),
  reason text NOT NULL,
  snomed_code text NOT NULL DEFAULT '871731000000106',
  status text NOT NULL CHECK (status IN ('referred', 'contacted', 'assessed', 'connected', 'closed', 'declined')),
  outcome jsonb NOT NULL DEFAULT '{}',           -- wellbeing scores before/after (ONS4, SWEMWBS), notes
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX referral_patient_idx ON referral (patient_id);

CREATE TABLE outreach_contact (
  id bigint PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY,
  patient_id integer NOT NULL REFERENCES patient(id),
  cohort text NOT NULL,
  method text NOT NULL CHECK (method IN ('sms', 'phone', 'letter', 'visit')),
  outcome text NOT NULL,
  staff_id text REFERENCES staff(id),
  contacted_at timestamptz NOT NULL
);

CREATE TABLE ae_import_batch (
  id bigint PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY,
  filename text NOT NULL,
  imported_at timestamptz NOT NULL,
  rows_total integer NOT NULL,
  rows_imported integer NOT NULL,
  rows_rejected integer NOT NULL,
  rejections jsonb NOT NULL DEFAULT '[]'        -- every bad row with its line and reason: never silently dropped
);

CREATE TABLE ae_attendance (
  id bigint PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY,
  batch_id bigint REFERENCES ae_import_batch(id),
  nhs_number char(10) NOT NULL,
  patient_id integer REFERENCES patient(id),
  arrival_at timestamptz NOT NULL,
  department_type smallint NOT NULL CHECK (department_type BETWEEN 1 AND 5),
  referral_source text NOT NULL,
  discharge_outcome text NOT NULL
);
CREATE INDEX ae_attendance_patient_idx ON ae_attendance (patient_id, arrival_at);

CREATE TABLE qi_project (
  id bigint PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY,
  practice_id text REFERENCES practice(id),
  pcn_id text REFERENCES pcn(id),
  title text NOT NULL,
  aim text NOT NULL,
  measures jsonb NOT NULL DEFAULT '[]',          -- outcome, process, balancing, each with an operational definition
  driver_diagram jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL
);

CREATE TABLE pdsa_cycle (
  id bigint PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY,
  project_id bigint NOT NULL REFERENCES qi_project(id),
  change_idea text NOT NULL,
  plan text NOT NULL,
  prediction text NOT NULL,
  do_notes text,
  study text,
  act text CHECK (act IN ('adopt', 'adapt', 'abandon')),
  started_on date NOT NULL,
  ended_on date
);

CREATE TABLE maturity_matrix (
  version text PRIMARY KEY,
  definition jsonb NOT NULL                      -- domains × stages × descriptors
);

CREATE TABLE maturity_assessment (
  id bigint PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY,
  pcn_id text NOT NULL REFERENCES pcn(id),
  matrix_version text NOT NULL REFERENCES maturity_matrix(version),
  assessed_on date NOT NULL,
  ratings jsonb NOT NULL
);

CREATE TABLE codesign_session (
  id bigint PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY,
  pcn_id text REFERENCES pcn(id),
  held_on date NOT NULL,
  topic text NOT NULL,
  participants jsonb NOT NULL DEFAULT '{}',
  findings text NOT NULL,
  actions jsonb NOT NULL DEFAULT '[]'
);

-- Retried POSTs replay the stored response instead of acting twice.
CREATE TABLE idempotency_record (
  key text NOT NULL,
  scope text NOT NULL,
  request_hash text NOT NULL,
  status_code integer NOT NULL,
  response jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (scope, key)
);

-- Append-only: every read and change of patient data, hash-chained so tampering shows.
CREATE TABLE audit_log (
  id bigint PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY,
  at timestamptz NOT NULL,
  actor_id text NOT NULL,
  actor_role text NOT NULL,
  actor_org text,
  action text NOT NULL,
  resource_type text NOT NULL,
  resource_id text,
  patient_id integer,
  reason text,
  details jsonb NOT NULL DEFAULT '{}',
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_patient_idx ON audit_log (patient_id, at);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
`,
  );
}

export async function down(): Promise<void> {
  throw new Error('the foundation migration is not reversible: restore from a backup instead');
}
