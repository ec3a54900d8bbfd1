// A&E imports and urgent-care impact, data quality, and continuity computed in SQL checked against the domain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../support/test-context.ts';
import { generateAeCsv } from '../../src/insights/domain/ae-generator.ts';
import { continuityByPatient } from '../../src/insights/domain/continuity.ts';
import { londonDate } from '../../src/shared/domain/london-time.ts';

let ctx: TestContext;
let commissioner: { authorization: string };
let generated: ReturnType<typeof generateAeCsv>;
let treated: string[];
beforeAll(async () => {
  ctx = await createTestContext();
  commissioner = await ctx.auth({ role: 'commissioner' });
  const patients = await ctx.database.db.selectFrom('patient').innerJoin('practice', 'practice.id', 'patient.practice_id')
    .select(['nhs_number', 'patient.practice_id', 'date_of_birth', 'deprivation_decile', 'practice.locality_id']).execute();
  treated = [...new Set(patients.filter((p) => p.locality_id === 'L1').map((p) => p.practice_id))];
  generated = generateAeCsv({
    patients: patients.map((p) => ({ nhsNumber: p.nhs_number, practiceId: p.practice_id, ageYears: 2026 - Number(p.date_of_birth.slice(0, 4)), deprivationDecile: p.deprivation_decile })),
    from: '2025-11-24', to: '2026-11-22', seed: 11, ratePer1000PerYear: 900, unregistered: 12,
    change: { practiceIds: treated, start: '2026-05-01', minorSelfReferredReduction: 0.6 },
  });
}, 120_000);
afterAll(() => ctx.close());

const post = (body: string, headers: Record<string, string>, contentType = 'text/csv') =>
  ctx.app.inject({ method: 'POST', url: '/api/insights/ae-imports?filename=ae-2026.csv', headers: { ...headers, 'content-type': contentType }, payload: body });

describe('A&E imports', () => {
  let batchId: number;
  it('imports good rows, links them to registered patients and reports every bad row with its line', async () => {
    const response = await post(generated.csv, commissioner);
    expect(response.statusCode).toBe(201);
    const batch = response.json();
    batchId = batch.id;
    expect(batch.rowsTotal).toBe(generated.rows);
    expect(batch.rowsRejected).toBe(generated.badLines.length);
    expect(batch.rowsImported + batch.rowsRejected).toBe(batch.rowsTotal);
    expect([...new Set(batch.rejections.map((r: { line: number }) => r.line))]).toEqual(generated.badLines);
    expect(batch.rejections.map((r: { field: string }) => r.field)).toEqual(expect.arrayContaining(['nhs_number', 'arrival_time', 'department_type', 'referral_source', 'discharge_outcome', 'row']));
    expect(batch.rejections.find((r: { field: string }) => r.field === 'nhs_number').reason).toContain('modulus 11');
    expect(batch.rowsLinked).toBe(batch.rowsImported - 12);
  });

  it('keeps the batch with its rejections, and rejects a repeat of the same extract row by row', async () => {
    const stored = (await ctx.app.inject({ method: 'GET', url: `/api/insights/ae-imports/${batchId}`, headers: commissioner })).json();
    expect(stored.rejections.length).toBeGreaterThanOrEqual(generated.badLines.length);
    const again = (await post(generated.csv, commissioner)).json();
    expect(again.rowsImported).toBe(0);
    expect(again.rowsRejected).toBe(again.rowsTotal);
    expect(again.rejections.filter((r: { reason: string }) => r.reason.startsWith('already imported')).length).toBe(stored.rowsImported);
  });

  it('refuses an empty body, other content types and roles other than commissioners', async () => {
    expect((await post('', commissioner)).statusCode).toBe(400);
    expect((await post('{"a":1}', commissioner, 'application/xml')).statusCode).toBe(415);
    const header = (await post('nhs_number,arrival\n', commissioner)).json();
    expect(header.rejections[0]).toMatchObject({ line: 1, field: 'file' });
    expect((await post(generated.csv, await ctx.auth({ role: 'receptionist', practice: treated[0]! }))).statusCode).toBe(403);
  });

  it('shows attendances per 1,000 by month with the minor, self-referred, discharged and hours splits, suppressed', async () => {
    const body = (await ctx.app.inject({ method: 'GET', url: '/api/insights/ae?level=borough&period=month', headers: commissioner })).json();
    expect(body.points).toHaveLength(11);
    const point = body.points[3];
    expect(point.all.per1000).toBeGreaterThan(0);
    expect(point.inHours.attendances + point.outOfHours.attendances).toBe(point.all.attendances);
    const practice = (await ctx.app.inject({ method: 'GET', url: `/api/insights/ae?level=practice&id=${treated[0]}&period=week`, headers: commissioner })).json();
    const counts = practice.points.flatMap((p: Record<string, { attendances: unknown }>) => ['all', 'minor', 'selfReferred', 'discharged', 'inHours', 'outOfHours'].map((k) => p[k]!.attendances));
    expect(counts.filter((c: unknown) => typeof c === 'number' && c >= 1 && c <= 7)).toEqual([]);
    expect(counts).toContain('*');
  });

  it('estimates the change in minor attendances with difference-in-differences and its confidence interval', async () => {
    const url = `/api/insights/ae/did?unit=practice&treated=${treated.join(',')}&start=2026-05-01&period=month&outcome=minor`;
    const response = await ctx.app.inject({ method: 'GET', url, headers: commissioner });
    expect(response.statusCode).toBe(200);
    const did = response.json();
    expect(did).toMatchObject({ units: 36, treatedUnits: treated.length, periods: 11, outcome: 'minor' });
    expect(did.lower).toBeLessThan(did.estimate);
    expect(did.upper).toBeGreaterThan(did.estimate);
    expect(did.estimate).toBeLessThan(0);
    const bad = await ctx.app.inject({ method: 'GET', url: '/api/insights/ae/did?unit=practice&treated=Z84999&start=2026-05-01', headers: commissioner });
    expect(bad.json().error).toMatchObject({ code: 'invalid_input', field: 'treated' });
  });
});

describe('data quality', () => {
  it('gives commissioners counts only and the practice its own work lists, audited', async () => {
    const practiceId = treated[0]!;
    const [p] = await ctx.database.db.selectFrom('patient').selectAll().where('practice_id', '=', practiceId).limit(1).execute();
    await ctx.database.db.insertInto('patient').values({ ...p!, id: 900_001, nhs_number: '9434765918', postcode: null, long_term_conditions: sql`'{}'::text[]` as never, frailty_deficits: sql`'{}'::text[]` as never }).execute();
    const counts = (await ctx.app.inject({ method: 'GET', url: `/api/insights/data-quality?level=practice&id=${practiceId}`, headers: commissioner })).json();
    expect(counts.lists).toBe(false);
    const check = (body: { checks: { check: string; count: unknown; items?: unknown[] }[] }, name: string) => body.checks.find((c) => c.check === name)!;
    expect(check(counts, 'invalid_nhs_number_patients').count).toBe('*');
    expect(check(counts, 'invalid_nhs_number_patients').items).toBeUndefined();
    const receptionist = await ctx.auth({ role: 'receptionist', practice: practiceId });
    const lists = (await ctx.app.inject({ method: 'GET', url: '/api/insights/data-quality', headers: receptionist })).json();
    expect(lists.lists).toBe(true);
    expect(check(lists, 'invalid_nhs_number_patients').items).toEqual([expect.objectContaining({ patientId: 900_001, nhsNumber: '9434765918' })]);
    expect(check(lists, 'probable_duplicate_patients').items).toEqual(expect.arrayContaining([expect.objectContaining({ patientIds: [p!.id, 900_001] })]));
    expect(check(lists, 'invalid_nhs_number_ae_rejected').count).toBeGreaterThan(0);
    expect(check(lists, 'slots_without_mode').count).toBe(0);
    const audited = await ctx.database.db.selectFrom('audit_log').select('action').where('action', '=', 'data_quality.read').execute();
    expect(audited.length).toBe(1);
    const other = await ctx.auth({ role: 'receptionist', practice: treated[1] ?? 'Z84002' });
    expect((await ctx.app.inject({ method: 'GET', url: `/api/insights/data-quality?level=practice&id=${practiceId}`, headers: other })).statusCode).toBe(403);
  });
});

describe('continuity in SQL matches the domain', () => {
  it('gives every patient the UPC, COC, SECON and MMCI continuityByPatient computes from the raw visits', async () => {
    await ctx.services.insights.summaries.refresh();
    const { windowFrom, windowTo } = (await ctx.services.insights.summaries.fresh());
    const visits = await ctx.database.db.selectFrom('appointment').select(['patient_id', 'staff_id', 'start_at'])
      .where('hcp_role', '=', 'gp').where('status', '=', 'attended').orderBy('start_at').orderBy('id').execute();
    const inWindow = visits.map((v) => ({ patientId: String(v.patient_id), date: londonDate(new Date(v.start_at)), clinicianId: v.staff_id }))
      .filter((v) => v.date >= windowFrom && v.date <= windowTo);
    const expected = continuityByPatient(inWindow);
    const { rows } = await sql<{ patient_id: number; visits: number; upc: number | null; coc: number | null; secon: number | null; mmci: number | null }>`
      SELECT patient_id, visits, upc, coc, secon, mmci FROM insights_continuity`.execute(ctx.database.db);
    const actual = new Map(rows.map((r) => [String(r.patient_id), r]));
    expect(actual.size).toBe(expected.length);
    expect(expected.filter((e) => e.visits >= 2).length).toBeGreaterThan(100);
    for (const e of expected) {
      const a = actual.get(e.patientId)!;
      expect(a.visits).toBe(e.visits);
      for (const k of ['upc', 'coc', 'secon', 'mmci'] as const) {
        if (e[k] === null) expect(a[k]).toBeNull();
        else expect(a[k]).toBeCloseTo(e[k]!, 10);
      }
    }
  });
});
