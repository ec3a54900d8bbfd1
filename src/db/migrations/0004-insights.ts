// Insights' materialised summaries: rebuilt together by a refresh (src/insights/insights-refresh.repository.ts)
// so dashboards read thousands of rows, not 1.6 million appointments. Unlogged: they can always be rebuilt,
// and a crash empties them, which the refresh state (also unlogged) then reports as "never refreshed".
// A "fragment" is the part of an ISO week inside one calendar month: summing fragments gives weeks or months.
import type { Kysely } from 'kysely';
import { executeSqlScript } from '../sql-script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await executeSqlScript(
    db,
    `
CREATE UNLOGGED TABLE insights_refresh (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  refreshed_at timestamptz NOT NULL,
  window_from date NOT NULL,
  window_to date NOT NULL,
  seconds double precision NOT NULL,
  steps jsonb NOT NULL
);

-- Appointments per fragment, registered practice and (for hub-delivered ones) hub: hub_id NULL rows cover
-- every appointment of the practice's patients; hub rows repeat the hub-delivered part by hub.
CREATE UNLOGGED TABLE insights_appointment_cube (
  week_start date NOT NULL,
  month date NOT NULL,
  practice_id text NOT NULL,
  hub_id text,
  mode text NOT NULL,
  hcp_role text NOT NULL,
  status text NOT NULL,
  national_category text NOT NULL,
  service_setting text NOT NULL,
  appointments integer NOT NULL
);
CREATE INDEX insights_appointment_cube_practice_idx ON insights_appointment_cube (practice_id, week_start);

-- Days from booking to appointment (London calendar days, capped at 29 = "more than 28"), not cancelled.
CREATE UNLOGGED TABLE insights_lead_histogram (
  week_start date NOT NULL,
  month date NOT NULL,
  practice_id text NOT NULL,
  hub_id text,
  lead_days smallint NOT NULL,
  appointments integer NOT NULL
);

-- Per patient over the rolling twelve months: what the inequality splits sum.
CREATE UNLOGGED TABLE insights_patient_summary (
  patient_id integer PRIMARY KEY,
  appointments integer NOT NULL,
  attended integer NOT NULL,
  dna integer NOT NULL,
  face_to_face integer NOT NULL,
  gp integer NOT NULL
);

-- Continuity per patient (attended GP contacts, rolling twelve months), with the counts the indices come from.
CREATE UNLOGGED TABLE insights_continuity (
  patient_id integer PRIMARY KEY,
  practice_id text NOT NULL,
  visits integer NOT NULL,
  clinicians integer NOT NULL,
  sum_squares integer NOT NULL,
  max_with_one integer NOT NULL,
  same_as_previous integer NOT NULL,
  upc double precision,
  coc double precision,
  secon double precision,
  mmci double precision
);

-- GP contacts by clinician, the patient's named GP and month: SLICC (per named GP's list) and own-patient ratio.
CREATE UNLOGGED TABLE insights_named_gp (
  month date NOT NULL,
  practice_id text NOT NULL,
  staff_id text NOT NULL,
  named_gp_id text,
  appointments integer NOT NULL
);

-- Inequalities: one row per practice, dimension and value, with the population denominator.
CREATE UNLOGGED TABLE insights_equity (
  practice_id text NOT NULL,
  dimension text NOT NULL,
  value text NOT NULL,
  patients integer NOT NULL,
  appointments integer NOT NULL,
  attended integer NOT NULL,
  dna integer NOT NULL,
  face_to_face integer NOT NULL,
  gp integer NOT NULL,
  continuity_patients integer NOT NULL,
  upc_sum double precision NOT NULL,
  ae integer NOT NULL
);

-- Hub slots per day: offered (not withdrawn), booked, attended, and offered minutes by mode.
CREATE UNLOGGED TABLE insights_hub_day (
  hub_id text NOT NULL,
  day date NOT NULL,
  offered integer NOT NULL,
  booked integer NOT NULL,
  attended integer NOT NULL,
  offered_minutes integer NOT NULL,
  face_to_face_minutes integer NOT NULL
);

CREATE UNLOGGED TABLE insights_ae_cube (
  week_start date NOT NULL,
  month date NOT NULL,
  practice_id text NOT NULL,
  minor boolean NOT NULL,
  self_referred boolean NOT NULL,
  discharged boolean NOT NULL,
  in_hours boolean NOT NULL,
  attendances integer NOT NULL
);

CREATE UNLOGGED TABLE insights_request_cube (
  week_start date NOT NULL,
  month date NOT NULL,
  practice_id text NOT NULL,
  disposition text NOT NULL,
  final_disposition text NOT NULL,
  overridden boolean NOT NULL,
  requests integer NOT NULL
);

-- Whole hours from a request to its first clinical contact (capped at 336 = two weeks).
CREATE UNLOGGED TABLE insights_contact_histogram (
  week_start date NOT NULL,
  month date NOT NULL,
  practice_id text NOT NULL,
  hours smallint NOT NULL,
  requests integer NOT NULL
);

-- Registered patients per practice (dimension 'all') for rates.
CREATE UNLOGGED TABLE insights_population (
  practice_id text PRIMARY KEY,
  patients integer NOT NULL
);

-- A&E lookups by patient and arrival, for linking and duplicate checks across imports.
CREATE INDEX ae_attendance_nhs_arrival_idx ON ae_attendance (nhs_number, arrival_at);
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await executeSqlScript(
    db,
    `
DROP INDEX ae_attendance_nhs_arrival_idx;
DROP TABLE insights_population, insights_contact_histogram, insights_request_cube, insights_ae_cube, insights_hub_day,
  insights_equity, insights_named_gp, insights_continuity, insights_patient_summary, insights_lead_histogram,
  insights_appointment_cube, insights_refresh;
`,
  );
}
