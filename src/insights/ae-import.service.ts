// A&E imports: parse and check the extract (domain), reject repeats of attendances already imported, link
// good rows to registered patients by NHS number, and store the batch with every rejection and its line.
// Then the urgent-care measures: attendances per 1,000 over time, and difference-in-differences.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Clock } from '../server/clock.ts';
import { notFound, invalidInput } from '../shared/errors.ts';
import { parseAeCsv, type AeRejection } from './domain/ae-csv.ts';
import type { AeAttendanceRecord } from './domain/ae-attendance.ts';
import { differenceInDifferences, type DidEstimate } from './domain/did.ts';
import { practicesOf, type OrgUnit } from './domain/insights-access.ts';
import { completePeriods, type Period } from './domain/periods.ts';
import { rollUp } from './domain/series.ts';
import { isSmallCount, SUPPRESSED } from './domain/suppression.ts';
import { aeFragments } from './insights.repository.ts';
import type { InsightsContext, InsightsService } from './insights.service.ts';

export interface AeBatch {
  id: number;
  filename: string;
  importedAt: string;
  rowsTotal: number;
  rowsImported: number;
  rowsRejected: number;
  rowsLinked: number;
  rejections: AeRejection[];
}

const INSERT_CHUNK = 2_000;

/** Attendances already stored for these NHS numbers and arrivals (a re-sent extract must not count twice). */
async function existingKeys(db: Kysely<Database>, records: readonly AeAttendanceRecord[]): Promise<Set<string>> {
  if (records.length === 0) return new Set();
  let [first, last] = [Infinity, -Infinity];
  for (const r of records) [first, last] = [Math.min(first, r.arrivalAt.getTime()), Math.max(last, r.arrivalAt.getTime())];
  const rows = await db.selectFrom('ae_attendance').select(['nhs_number', 'arrival_at'])
    .where('arrival_at', '>=', new Date(first)).where('arrival_at', '<=', new Date(last)).execute();
  return new Set(rows.map((r) => `${r.nhs_number}@${new Date(r.arrival_at).toISOString()}`));
}

export const AE_OUTCOMES = ['all', 'minor', 'self_referred', 'discharged', 'out_of_hours'] as const;
export type AeOutcome = (typeof AE_OUTCOMES)[number];

export function createAeImports(db: Kysely<Database>, clock: Clock, insights: InsightsService) {
  return {
    async importCsv(text: string, filename: string): Promise<AeBatch> {
      const parsed = parseAeCsv(text, clock.now());
      const seen = await existingKeys(db, parsed.records);
      const rejections = [...parsed.rejections];
      const fresh = parsed.records.filter((r) => {
        const repeat = seen.has(`${r.nhsNumber}@${r.arrivalAt.toISOString()}`);
        if (repeat) rejections.push({ line: r.line, field: 'row', reason: 'already imported (same NHS number and arrival time)' });
        return !repeat;
      });
      rejections.sort((a, b) => a.line - b.line);
      const rejectedRows = new Set(rejections.map((r) => r.line)).size;
      const batch = await db.transaction().execute(async (trx) => {
        const inserted = await trx.insertInto('ae_import_batch').values({
          filename, imported_at: clock.now(), rows_total: parsed.total, rows_imported: fresh.length, rows_rejected: rejectedRows,
          // pg sends a JavaScript array as a Postgres array, not JSON: serialise it for the jsonb column.
          rejections: sql<AeRejection[]>`CAST(${JSON.stringify(rejections)} AS jsonb)`,
        }).returning('id').executeTakeFirstOrThrow();
        for (let i = 0; i < fresh.length; i += INSERT_CHUNK) {
          await trx.insertInto('ae_attendance').values(fresh.slice(i, i + INSERT_CHUNK).map((r) => ({
            batch_id: inserted.id, nhs_number: r.nhsNumber, patient_id: null, arrival_at: r.arrivalAt, department_type: r.departmentType,
            referral_source: r.referralSource, discharge_outcome: r.dischargeOutcome,
          }))).execute();
        }
        // Linking by NHS number in one statement: only registered patients match.
        await sql`UPDATE ae_attendance e SET patient_id = p.id FROM patient p WHERE e.batch_id = ${inserted.id} AND p.nhs_number = e.nhs_number`.execute(trx);
        // The summaries now lag the attendances: the next read rebuilds them.
        await sql`DELETE FROM insights_refresh`.execute(trx);
        return inserted.id;
      });
      return this.batch(batch);
    },

    async batch(id: number): Promise<AeBatch> {
      const row = await db.selectFrom('ae_import_batch').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw notFound('A&E import');
      const linked = await db.selectFrom('ae_attendance').select((eb) => eb.fn.countAll<number>().as('n')).where('batch_id', '=', id).where('patient_id', 'is not', null).executeTakeFirstOrThrow();
      return { id: row.id, filename: row.filename, importedAt: new Date(row.imported_at).toISOString(), rowsTotal: row.rows_total, rowsImported: row.rows_imported,
        rowsRejected: row.rows_rejected, rowsLinked: Number(linked.n), rejections: row.rejections };
    },

    async batches(): Promise<Omit<AeBatch, 'rejections' | 'rowsLinked'>[]> {
      const rows = await db.selectFrom('ae_import_batch').select(['id', 'filename', 'imported_at', 'rows_total', 'rows_imported', 'rows_rejected']).orderBy('id', 'desc').execute();
      return rows.map((r) => ({ id: r.id, filename: r.filename, importedAt: new Date(r.imported_at).toISOString(), rowsTotal: r.rows_total, rowsImported: r.rows_imported, rowsRejected: r.rows_rejected }));
    },

    /** Attendances per period: counts and per 1,000 for each split, suppressed. */
    async series(ctx: InsightsContext, period: Period) {
      const fragments = await aeFragments(db, practicesOf(ctx.unit, ctx.org), ctx.window);
      const rows = rollUp(fragments, period, ctx.window, insights.stocksOf(ctx.unit, ctx.org));
      return rows.map(({ start, end, totals: t }) => {
        const split = (n: number) => ({ attendances: isSmallCount(n) ? SUPPRESSED : n, per1000: isSmallCount(n) || t.population === 0 ? (isSmallCount(n) ? SUPPRESSED : null) : (1000 * n) / t.population });
        return { start, end, population: t.population, all: split(t.ae), minor: split(t.aeMinor), selfReferred: split(t.aeSelfReferred),
          discharged: split(t.aeDischarged), inHours: split(t.ae - t.aeOutOfHours), outOfHours: split(t.aeOutOfHours) };
      });
    },

    /** DiD on attendances per 1,000 per period: treated units against the rest of the borough's units of that level. */
    async differenceInDifferences(ctx: InsightsContext, input: { level: 'practice' | 'pcn' | 'locality'; treated: readonly string[]; start: string; period: Period; outcome: AeOutcome }): Promise<DidEstimate & { outcome: AeOutcome }> {
      const candidates: OrgUnit[] = (input.level === 'practice' ? ctx.org.practices : input.level === 'pcn' ? ctx.org.pcns : ctx.org.localities).map((u) => ({ level: input.level, id: u.id }));
      const unknown = input.treated.filter((id) => !candidates.some((c) => c.id === id));
      if (unknown.length > 0) throw invalidInput('treated', `unknown ${input.level} ${unknown.join(', ')}`);
      const periods = completePeriods(input.period, ctx.window);
      const fragments = await aeFragments(db, ctx.org.practices.map((p) => p.id), ctx.window, true);
      const panel = candidates.flatMap((unit) => {
        const mine = new Set(practicesOf(unit, ctx.org));
        const rows = rollUp(fragments.filter((f) => mine.has(f.owner ?? '')), input.period, ctx.window, insights.stocksOf(unit, ctx.org));
        return rows.filter((r) => r.totals.population > 0).map((r) => {
          const t = r.totals;
          const count = { all: t.ae, minor: t.aeMinor, self_referred: t.aeSelfReferred, discharged: t.aeDischarged, out_of_hours: t.aeOutOfHours }[input.outcome];
          return { unit: unit.id, period: periods.indexOf(r.start), outcome: (1000 * count) / t.population, treated: input.treated.includes(unit.id) };
        });
      });
      const startIndex = periods.findIndex((p) => p >= input.start);
      try {
        return { ...differenceInDifferences(panel, { treatmentStart: startIndex < 0 ? periods.length : startIndex }), outcome: input.outcome };
      } catch (error) {
        throw invalidInput('treated', (error as Error).message);
      }
    },
  };
}

export type AeImports = ReturnType<typeof createAeImports>;
