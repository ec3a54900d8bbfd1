// Rebuilds the insights summaries in a few passes over the raw tables, in one transaction (readers keep
// the previous summaries until it commits). Each pass groups to a few hundred thousand rows at most; the
// dashboards then read these instead of the 1.6 million appointments. Same SQL on PGlite and PostgreSQL.
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { ETHNICITIES } from '../shared/domain/vocabulary.ts';
import type { LocalDate } from '../shared/domain/london-time.ts';
import { AE_CLASSES } from './domain/ae-attendance.ts';
import { AGE_BANDS, NOT_RECORDED, bornOnOrBefore } from './domain/equity.ts';

export interface RefreshInput {
  /** The rolling twelve months for per-patient measures (continuity, inequalities). */
  windowFrom: LocalDate;
  windowTo: LocalDate;
  /** Instants bounding the window: London midnight at the start of `windowFrom` and after `windowTo`. */
  fromInstant: Date;
  toInstant: Date;
  /** England bank holidays, for A&E in/out of hours. */
  bankHolidays: readonly LocalDate[];
  refreshedAt: Date;
}

export interface RefreshStep {
  step: string;
  seconds: number;
  rows: number;
}

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
const LONDON = (column: string) => `(${column} AT TIME ZONE 'Europe/London')`;
const WEEK = (column: string) => `date_trunc('week', ${LONDON(column)})::date`;
const MONTH = (column: string) => `date_trunc('month', ${LONDON(column)})::date`;

const SUMMARY_TABLES = [
  'insights_appointment_cube', 'insights_lead_histogram', 'insights_patient_summary', 'insights_continuity', 'insights_named_gp',
  'insights_equity', 'insights_hub_day', 'insights_ae_cube', 'insights_request_cube', 'insights_contact_histogram', 'insights_population',
];

function ethnicGroupSql(column: string): string {
  const cases = ETHNICITIES.map((e) => `WHEN ${quote(e.code)} THEN ${quote(e.group)}`).join(' ');
  return `CASE ${column} ${cases} ELSE ${quote(NOT_RECORDED)} END`;
}

function ageBandSql(column: string, onDate: LocalDate): string {
  const oldestFirst = [...AGE_BANDS].reverse();
  const cases = oldestFirst.map((b) => `WHEN ${column} <= DATE ${quote(bornOnOrBefore(onDate, b.minYears))} THEN ${quote(b.label)}`).join(' ');
  return `CASE ${cases} ELSE ${quote(AGE_BANDS[0].label)} END`;
}

const yesNo = (column: string) => `CASE WHEN ${column} THEN 'yes' ELSE 'no' END`;
const list = (values: readonly (string | number)[]) => values.map((v) => (typeof v === 'number' ? String(v) : quote(v))).join(', ');

function passes(input: RefreshInput): { step: string; query: RawBuilder<unknown> }[] {
  const inWindow = (column: string) => sql`${sql.raw(column)} >= ${input.fromInstant} AND ${sql.raw(column)} < ${input.toInstant}`;
  const leadDays = `least(29, greatest(0, ${LONDON('start_at')}::date - ${LONDON('booked_at')}::date))`;
  const arrival = sql.raw(LONDON('e.arrival_at'));
  const { inHours } = AE_CLASSES;
  const bankHolidays = `{${input.bankHolidays.join(',')}}`;
  const inHoursSql = sql`(extract(isodow FROM ${arrival}) IN (${sql.raw(list(inHours.weekdays))})
    AND ${arrival}::time >= ${sql.raw(`TIME ${quote(inHours.from)}`)} AND ${arrival}::time < ${sql.raw(`TIME ${quote(inHours.to)}`)}
    AND NOT (${arrival}::date = ANY(CAST(${bankHolidays} AS date[]))))`;
  return [
    // Two plain passes beat one GROUPING SETS pass here: each hash table stays small.
    { step: 'appointment cube', query: sql`INSERT INTO insights_appointment_cube
      SELECT ${sql.raw(WEEK('start_at'))}, ${sql.raw(MONTH('start_at'))}, practice_id, NULL, mode, hcp_role, status, national_category, service_setting, count(*)
      FROM appointment GROUP BY 1, 2, 3, 5, 6, 7, 8, 9` },
    { step: 'booking lead histogram', query: sql`INSERT INTO insights_lead_histogram
      SELECT ${sql.raw(WEEK('start_at'))}, ${sql.raw(MONTH('start_at'))}, practice_id, NULL, ${sql.raw(leadDays)}, count(*)
      FROM appointment WHERE status <> 'cancelled' GROUP BY 1, 2, 3, 5` },
    { step: 'hub appointment cube', query: sql`INSERT INTO insights_appointment_cube
      SELECT ${sql.raw(WEEK('start_at'))}, ${sql.raw(MONTH('start_at'))}, practice_id, delivered_by_hub_id, mode, hcp_role, status, national_category, service_setting, count(*)
      FROM appointment WHERE delivered_by_hub_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9` },
    { step: 'hub booking lead histogram', query: sql`INSERT INTO insights_lead_histogram
      SELECT ${sql.raw(WEEK('start_at'))}, ${sql.raw(MONTH('start_at'))}, practice_id, delivered_by_hub_id, ${sql.raw(leadDays)}, count(*)
      FROM appointment WHERE status <> 'cancelled' AND delivered_by_hub_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5` },
    { step: 'patient summary', query: sql`INSERT INTO insights_patient_summary
      SELECT patient_id, count(*) FILTER (WHERE status <> 'cancelled'), count(*) FILTER (WHERE status = 'attended'),
        count(*) FILTER (WHERE status = 'dna'), count(*) FILTER (WHERE status <> 'cancelled' AND mode = 'in_person'),
        count(*) FILTER (WHERE status <> 'cancelled' AND hcp_role = 'gp')
      FROM appointment WHERE ${inWindow('start_at')} GROUP BY patient_id` },
    { step: 'continuity', query: sql`INSERT INTO insights_continuity
      WITH visits AS (
        SELECT patient_id, practice_id, staff_id, (staff_id = lag(staff_id) OVER (PARTITION BY patient_id ORDER BY start_at, id))::int AS same
        FROM appointment WHERE hcp_role = 'gp' AND status = 'attended' AND ${inWindow('start_at')}),
      per_clinician AS (SELECT patient_id, staff_id, max(practice_id) AS practice_id, count(*)::int AS k, coalesce(sum(same), 0)::int AS same
        FROM visits GROUP BY 1, 2),
      per_patient AS (SELECT patient_id, max(practice_id) AS practice_id, sum(k)::int AS n, count(*)::int AS m, sum(k * k)::int AS ssq,
        max(k)::int AS mx, sum(same)::int AS same FROM per_clinician GROUP BY 1)
      SELECT patient_id, practice_id, n, m, ssq, mx, same,
        CASE WHEN n >= 2 THEN mx::float8 / n END,
        CASE WHEN n >= 2 THEN (ssq - n)::float8 / (n * (n - 1)) END,
        CASE WHEN n >= 2 THEN same::float8 / (n - 1) END,
        CASE WHEN n >= 2 THEN (1 - m / (n + 0.1)) / (1 - 1 / (n + 0.1)) END
      FROM per_patient` },
    { step: 'named GP contacts', query: sql`INSERT INTO insights_named_gp
      SELECT ${sql.raw(MONTH('a.start_at'))}, p.practice_id, a.staff_id, p.usual_clinician_id, count(*)
      FROM appointment a JOIN patient p ON p.id = a.patient_id
      WHERE a.hcp_role = 'gp' AND a.status = 'attended' AND ${inWindow('a.start_at')} GROUP BY 1, 2, 3, 4` },
    { step: 'population', query: sql`INSERT INTO insights_population SELECT practice_id, count(*) FROM patient GROUP BY 1` },
    { step: 'inequalities', query: equityQuery(input, inWindow('arrival_at')) },
    { step: 'hub days', query: sql`INSERT INTO insights_hub_day
      SELECT s.hub_id, ${sql.raw(LONDON('s.start_at'))}::date, count(*)::int, count(a.id)::int, count(a.id) FILTER (WHERE a.status = 'attended')::int,
        sum(extract(epoch FROM s.end_at - s.start_at) / 60)::int,
        coalesce(sum(extract(epoch FROM s.end_at - s.start_at) / 60) FILTER (WHERE s.mode IN ('in_person', 'home_visit')), 0)::int
      FROM slot s LEFT JOIN appointment a ON a.slot_id = s.id AND a.status IN ('booked', 'attended', 'dna')
      WHERE s.hub_id IS NOT NULL AND s.status <> 'withdrawn' GROUP BY 1, 2` },
    { step: 'A&E attendances', query: sql`INSERT INTO insights_ae_cube
      SELECT ${sql.raw(WEEK('e.arrival_at'))}, ${sql.raw(MONTH('e.arrival_at'))}, p.practice_id,
        e.department_type IN (${sql.raw(list(AE_CLASSES.minorDepartmentTypes))}), e.referral_source IN (${sql.raw(list(AE_CLASSES.selfReferralSources))}),
        e.discharge_outcome IN (${sql.raw(list(AE_CLASSES.dischargedOutcomes))}), ${inHoursSql}, count(*)
      FROM ae_attendance e JOIN patient p ON p.id = e.patient_id GROUP BY 1, 2, 3, 4, 5, 6, 7` },
    { step: 'requests', query: sql`INSERT INTO insights_request_cube
      SELECT ${sql.raw(WEEK('created_at'))}, ${sql.raw(MONTH('created_at'))}, practice_id, disposition, coalesce(override_disposition, disposition),
        (override_disposition IS NOT NULL OR override_service IS NOT NULL), count(*)
      FROM patient_request WHERE practice_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6` },
    { step: 'request to contact', query: sql`INSERT INTO insights_contact_histogram
      SELECT ${sql.raw(WEEK('created_at'))}, ${sql.raw(MONTH('created_at'))}, practice_id,
        least(336, greatest(0, floor(extract(epoch FROM coalesce(first_clinical_contact_at, first_response_at) - created_at) / 3600)))::int, count(*)
      FROM patient_request WHERE practice_id IS NOT NULL AND coalesce(first_clinical_contact_at, first_response_at) IS NOT NULL GROUP BY 1, 2, 3, 4` },
  ];
}

/** Per patient (population denominator) joined to their twelve-month summary, continuity and A&E use,
 *  then counted once per dimension value: one pass over the patients, unpivoted with LATERAL VALUES. */
function equityQuery(input: RefreshInput, aeInWindow: RawBuilder<unknown>): RawBuilder<unknown> {
  const dims = [
    ['deprivation_quintile', `coalesce(((p.deprivation_decile + 1) / 2)::text, ${quote(NOT_RECORDED)})`],
    ['ethnicity', ethnicGroupSql('p.ethnicity_code')],
    ['age_band', ageBandSql('p.date_of_birth', input.windowTo)],
    ['sex', 'p.sex'],
    ['language', `coalesce(p.main_language, ${quote(NOT_RECORDED)})`],
    ['interpreter_needed', yesNo('p.interpreter_needed')],
    ['learning_disability', yesNo('p.learning_disability')],
    ['housebound', yesNo('p.housebound')],
    ['all', "'all'"],
  ] as const;
  const columns = dims.map(([name, expression]) => `${expression} AS "${name}"`).join(',\n      ');
  const sets = dims.map(([name]) => `(practice_id, "${name}")`).join(', ');
  const dimension = `CASE ${dims.map(([name]) => `WHEN GROUPING("${name}") = 0 THEN ${quote(name)}`).join(' ')} END`;
  const value = `coalesce(${dims.map(([name]) => `"${name}"`).join(', ')})`;
  // Hashed grouping sets: one pass over the patients feeds every dimension's counts.
  return sql`INSERT INTO insights_equity
    WITH ae AS (SELECT patient_id, count(*)::int AS n FROM ae_attendance WHERE patient_id IS NOT NULL AND ${aeInWindow} GROUP BY 1),
    people AS (SELECT p.practice_id, ${sql.raw(columns)},
        s.appointments, s.attended, s.dna, s.face_to_face, s.gp, c.upc, ae.n AS ae
      FROM patient p
        LEFT JOIN insights_patient_summary s ON s.patient_id = p.id
        LEFT JOIN insights_continuity c ON c.patient_id = p.id
        LEFT JOIN ae ON ae.patient_id = p.id)
    SELECT practice_id, ${sql.raw(dimension)}, ${sql.raw(value)}, count(*)::int, coalesce(sum(appointments), 0)::int, coalesce(sum(attended), 0)::int,
      coalesce(sum(dna), 0)::int, coalesce(sum(face_to_face), 0)::int, coalesce(sum(gp), 0)::int,
      count(upc)::int, coalesce(sum(upc), 0), coalesce(sum(ae), 0)::int
    FROM people GROUP BY GROUPING SETS (${sql.raw(sets)})`;
}

async function rowCount(trx: Transaction<Database>, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(trx);
  return rows[0]?.n ?? 0;
}

/** Rebuilds every summary; returns the time and rows of each pass. */
export async function refreshSummaries(db: Kysely<Database>, input: RefreshInput, onStep?: (step: RefreshStep) => void): Promise<RefreshStep[]> {
  return db.transaction().execute(async (trx) => {
    // Grouping a few hundred thousand rows in memory is far faster than spilling to disk (default 4 MB).
    await sql`SET LOCAL work_mem = '256MB'`.execute(trx);
    await sql.raw(`TRUNCATE ${SUMMARY_TABLES.join(', ')}`).execute(trx);
    const steps: RefreshStep[] = [];
    for (const { step, query } of passes(input)) {
      const started = performance.now();
      const result = await query.execute(trx);
      const done = { step, seconds: (performance.now() - started) / 1000, rows: Number(result.numAffectedRows ?? 0) };
      steps.push(done);
      onStep?.(done);
    }
    const total = steps.reduce((s, x) => s + x.seconds, 0);
    await sql`INSERT INTO insights_refresh (singleton, refreshed_at, window_from, window_to, seconds, steps)
      VALUES (true, ${input.refreshedAt}, ${input.windowFrom}, ${input.windowTo}, ${total}, ${JSON.stringify(steps)})
      ON CONFLICT (singleton) DO UPDATE SET refreshed_at = EXCLUDED.refreshed_at, window_from = EXCLUDED.window_from,
        window_to = EXCLUDED.window_to, seconds = EXCLUDED.seconds, steps = EXCLUDED.steps`.execute(trx);
    return steps;
  });
}

export interface RefreshState {
  refreshedAt: Date;
  windowFrom: LocalDate;
  windowTo: LocalDate;
  seconds: number;
}

export async function readRefreshState(db: Kysely<Database>): Promise<RefreshState | null> {
  const { rows } = await sql<{ refreshed_at: Date; window_from: string; window_to: string; seconds: number }>`
    SELECT refreshed_at, window_from, window_to, seconds FROM insights_refresh`.execute(db);
  const row = rows[0];
  return row ? { refreshedAt: new Date(row.refreshed_at), windowFrom: row.window_from, windowTo: row.window_to, seconds: row.seconds } : null;
}

export { rowCount as summaryRowCount };
