// Reads the summary statistics of the borough in the database (bin/hamlet stats, GET /api/stats).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { ETHNICITIES } from '../shared/domain/vocabulary.ts';
import type { BoroughSummary } from './domain/borough-reference.ts';

const AGE_BANDS = [[0, 4], [5, 15], [16, 24], [25, 34], [35, 44], [45, 54], [55, 64], [65, 74], [75, 84], [85, 200]] as const;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export async function readBoroughSummary(db: Kysely<Database>): Promise<BoroughSummary> {
  const anchor = await db.selectFrom('borough').select('anchor_date').executeTakeFirst();
  const anchorDate = anchor?.anchor_date ?? new Date().toISOString().slice(0, 10);
  const count = async (table: keyof Database) =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  // One after another: PGlite has a single connection, and on a server these are cheap.
  const localities = await count('locality');
  const pcns = await count('pcn');
  const practices = await count('practice');
  const hubs = await count('hub');
  const sites = await count('site');
  const patients = await count('patient');
  const staff = await count('staff');
  const slots = await count('slot');
  const appointments = await count('appointment');

  const ages = await sql<{ age: number; n: number }>`
    SELECT date_part('year', age(${anchorDate}::date, date_of_birth))::int AS age, count(*)::int AS n
    FROM patient GROUP BY 1 ORDER BY 1`.execute(db);
  const totalPatients = Math.max(1, patients);
  let cumulative = 0;
  let medianAge = 0;
  for (const row of ages.rows) {
    cumulative += row.n;
    if (cumulative >= totalPatients / 2) {
      medianAge = row.age;
      break;
    }
  }
  const ageBands = AGE_BANDS.map(([from, to]) => ({
    band: to >= 200 ? `${from}+` : `${from}-${to}`,
    share: ages.rows.filter((r) => r.age >= from && r.age <= to).reduce((a, r) => a + r.n, 0) / totalPatients,
  }));
  const over65Share = ages.rows.filter((r) => r.age >= 65).reduce((a, r) => a + r.n, 0) / totalPatients;

  const people = await sql<{ female: number; interpreter: number; deprived: number; missing_ethnicity: number }>`
    SELECT count(*) FILTER (WHERE sex = 'female')::int AS female,
           count(*) FILTER (WHERE interpreter_needed)::int AS interpreter,
           count(*) FILTER (WHERE deprivation_decile <= 2)::int AS deprived,
           count(*) FILTER (WHERE ethnicity_code IS NULL)::int AS missing_ethnicity
    FROM patient`.execute(db);
  const p = people.rows[0]!;
  const ethnicity = await sql<{ code: string; n: number }>`SELECT ethnicity_code AS code, count(*)::int AS n FROM patient WHERE ethnicity_code IS NOT NULL GROUP BY 1`.execute(db);
  const groups = new Map<string, number>();
  for (const row of ethnicity.rows) {
    const group = ETHNICITIES.find((e) => e.code === row.code)?.group ?? 'Other';
    groups.set(group, (groups.get(group) ?? 0) + row.n);
  }
  const conditions = await sql<{ condition: string; n: number }>`
    SELECT unnest(long_term_conditions) AS condition, count(*)::int AS n FROM patient GROUP BY 1`.execute(db);
  const lists = await sql<{ list_size: number }>`SELECT list_size FROM practice ORDER BY list_size`.execute(db);
  const listSizes = lists.rows.map((r) => r.list_size);

  // Activity over the 12 months of history, GPAD-style: cancelled appointments are not appointments.
  const activity = await sql<{ mode: string; n: number; dna: number; gp: number }>`
    SELECT mode, count(*)::int AS n, count(*) FILTER (WHERE status = 'dna')::int AS dna, count(*) FILTER (WHERE hcp_role = 'gp')::int AS gp
    FROM appointment WHERE start_at < ${anchorDate}::date AND status IN ('attended', 'dna', 'unknown') GROUP BY mode`.execute(db);
  const pastTotal = Math.max(1, activity.rows.reduce((a, r) => a + r.n, 0));
  const weekdays = await sql<{ dow: number; n: number }>`
    SELECT extract(dow FROM start_at AT TIME ZONE 'Europe/London')::int AS dow, count(*)::int AS n
    FROM appointment WHERE start_at < ${anchorDate}::date AND status <> 'cancelled' GROUP BY 1 ORDER BY 2 DESC LIMIT 1`.execute(db);
  const coverage = await sql<{ history_from: string | null; slots_from: string | null; slots_to: string | null }>`
    SELECT (SELECT min(start_at AT TIME ZONE 'Europe/London')::date::text FROM appointment) AS history_from,
           (SELECT min(start_at AT TIME ZONE 'Europe/London')::date::text FROM slot WHERE start_at >= ${anchorDate}::date) AS slots_from,
           (SELECT max(start_at AT TIME ZONE 'Europe/London')::date::text FROM slot) AS slots_to`.execute(db);
  const c = coverage.rows[0]!;
  const days = (from: string | null, to: string | null) => (from && to ? (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1 : 0);

  return {
    counts: { localities, pcns, practices, hubs, sites, patients, staff, slots, appointments },
    coverage: {
      historyFrom: c.history_from, historyTo: anchorDate, historyMonths: Math.round((days(c.history_from, anchorDate) - 1) / 30.44),
      slotsFrom: c.slots_from, slotsTo: c.slots_to, slotWeeks: Math.round(days(c.slots_from, c.slots_to) / 7),
    },
    ageBands,
    medianAge,
    over65Share,
    femaleShare: p.female / totalPatients,
    ethnicityGroups: [...groups].map(([group, n]) => ({ group, share: n / totalPatients })).sort((a, b) => b.share - a.share),
    ethnicityMissingShare: p.missing_ethnicity / totalPatients,
    listSizes: { min: listSizes[0] ?? 0, median: listSizes[Math.floor(listSizes.length / 2)] ?? 0, max: listSizes.at(-1) ?? 0, total: listSizes.reduce((a, b) => a + b, 0) },
    conditionPrevalence: Object.fromEntries(conditions.rows.map((r) => [r.condition, r.n / totalPatients])),
    modeMix: Object.fromEntries(activity.rows.map((r) => [r.mode, r.n / pastTotal])),
    dnaRate: activity.rows.reduce((a, r) => a + r.dna, 0) / pastTotal,
    appointmentsPerPatientYear: pastTotal / totalPatients,
    gpShare: activity.rows.reduce((a, r) => a + r.gp, 0) / pastTotal,
    busiestWeekday: WEEKDAYS[weekdays.rows[0]?.dow ?? 1]!,
    interpreterShare: p.interpreter / totalPatients,
    mostDeprivedTwoDecilesShare: p.deprived / totalPatients,
  };
}
