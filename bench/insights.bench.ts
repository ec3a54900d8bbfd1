// Insights at borough scale: the time to refresh every summary and then compute every measure (each unit ×
// measure × period as a series with its SPC analysis, plus comparisons and drill-downs), on PGlite and on the
// PostgreSQL server, for the full borough and a larger one. Also times the A&E import of a year's synthetic
// extract and the live reads (GPAD extract, data-quality report). Targets (issue: Insights): ≤ 10 s for the
// full borough on each database, ≤ 40 s for a borough four times larger.
// Usage: node bench/insights.bench.ts [--kinds pglite,postgres] [--scales 1,3]
// The first run seeds each borough once (PGlite folders and server databases under HAMLET_BENCH_DIR /
// hamlet_insights_bench_s*); later runs reuse them.
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { createServices } from '../src/server/services.ts';
import { SYSTEM_ACTOR } from '../src/trust/domain/actor.ts';
import type { HamletDatabase } from '../src/db/database.ts';
import { generateAeCsv } from '../src/insights/domain/ae-generator.ts';
import { analyseSpc } from '../src/insights/domain/spc.ts';
import { METRICS, METRIC_IDS, type MetricDefinition } from '../src/insights/domain/metrics.ts';
import { metricSeries, rawMetricValues, rollUp } from '../src/insights/domain/series.ts';
import type { OrgUnit } from '../src/insights/domain/insights-access.ts';
import { fixedClock } from '../src/server/clock.ts';
import { BENCH_ANCHOR, openBenchBorough, type BenchKind } from './insights-borough.ts';

const { values } = parseArgs({ options: { kinds: { type: 'string', default: 'pglite,postgres' }, scales: { type: 'string', default: '1,3' } } });
const kinds = values.kinds.split(',') as BenchKind[];
const scales = values.scales.split(',').map(Number);
const log = (line: string) => console.log(line);
const seconds = (started: number) => (performance.now() - started) / 1000;

async function importAe(database: HamletDatabase, services: ReturnType<typeof createServices>): Promise<string> {
  const existing = await database.db.selectFrom('ae_import_batch').select('id').limit(1).execute();
  if (existing.length > 0) return 'A&E already imported (reused)';
  const patients = await database.db.selectFrom('patient').innerJoin('practice', 'practice.id', 'patient.practice_id')
    .select(['nhs_number', 'patient.practice_id', 'date_of_birth', 'deprivation_decile', 'practice.locality_id']).execute();
  let started = performance.now();
  const treated = [...new Set(patients.filter((p) => p.locality_id === 'L1').map((p) => p.practice_id))];
  const { csv, rows } = generateAeCsv({
    patients: patients.map((p) => ({ nhsNumber: p.nhs_number, practiceId: p.practice_id, ageYears: 2026 - Number(p.date_of_birth.slice(0, 4)), deprivationDecile: p.deprivation_decile })),
    from: '2025-11-24', to: '2026-11-22', seed: 5, unregistered: 500, change: { practiceIds: treated, start: '2026-05-01', minorSelfReferredReduction: 0.25 },
  });
  const generated = seconds(started);
  started = performance.now();
  const batch = await services.insights.ae.importCsv(csv, 'bench-ae.csv');
  return `A&E extract: ${rows.toLocaleString('en-GB')} rows (${(csv.length / 1e6).toFixed(1)} MB) generated in ${generated.toFixed(1)} s, imported in ${seconds(started).toFixed(1)} s `
    + `(${batch.rowsImported} stored, ${batch.rowsRejected} rejected, ${batch.rowsLinked} linked)`;
}

/** Every measure for every unit and period, each as a series with its SPC; comparisons and drill-downs at borough level. */
async function allMetrics(services: ReturnType<typeof createServices>): Promise<{ series: number; points: number }> {
  const insights = services.insights.summaries;
  const ctx = await insights.context(SYSTEM_ACTOR, { level: 'borough' });
  const { org, window } = ctx;
  const units: OrgUnit[] = [{ level: 'borough', id: 'borough' }, ...org.localities.map((l) => ({ level: 'locality' as const, id: l.id })),
    ...org.pcns.map((p) => ({ level: 'pcn' as const, id: p.id })), ...org.practices.map((p) => ({ level: 'practice' as const, id: p.id }))];
  const data = await insights.unitDataMany(units, org, window);
  const hubUnits: OrgUnit[] = org.hubs.map((h) => ({ level: 'hub', id: h.id }));
  for (const hub of hubUnits) data.push(await insights.unitData(hub, org, window));
  let series = 0;
  let points = 0;
  [...units, ...hubUnits].forEach((unit, i) => {
    const byPeriod = { week: rollUp(data[i]!.fragments, 'week', window, data[i]!.stocks), month: rollUp(data[i]!.fragments, 'month', window, data[i]!.stocks) };
    for (const metric of METRIC_IDS) {
      const definition: MetricDefinition = METRICS[metric];
      if (!definition.levels.includes(unit.level)) continue;
      for (const period of definition.periods) {
        const rows = byPeriod[period];
        metricSeries(metric, rows);
        const charted = rawMetricValues(metric, rows).flatMap((value, k) => (value === null ? [] : [{ date: rows[k]!.start, value }]));
        analyseSpc(charted, { improvement: definition.improvement, target: definition.target ?? null });
        series++;
        points += charted.length;
      }
    }
  });
  for (const metric of METRIC_IDS) {
    await insights.compare(ctx, metric);
    await insights.drilldown(ctx, metric);
  }
  return { series, points };
}

const results: string[] = [];
for (const scale of scales) {
  for (const kind of kinds) {
    const database = await openBenchBorough(kind, scale, log);
    const clock = fixedClock(`${BENCH_ANCHOR}T10:00:00Z`);
    const services = createServices({ database, config: loadConfig({ HAMLET_DATA_DIR: '/tmp/hamlet-insights-bench/unused', LOG_LEVEL: 'silent' }), clock, tokenSecret: 'bench' });
    const counts = await database.db.selectFrom('appointment').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    log(`\n${kind}, scale ${scale}: ${Number(counts.n).toLocaleString('en-GB')} appointments`);
    log(`  ${await importAe(database, services)}`);
    let started = performance.now();
    const { steps } = await services.insights.summaries.refresh((s) => log(`  refresh ${s.step.padEnd(44)} ${s.seconds.toFixed(2)} s  ${s.rows.toLocaleString('en-GB')} rows`));
    const refresh = seconds(started);
    started = performance.now();
    const all = await allMetrics(services);
    const compute = seconds(started);
    log(`  refresh (${steps.length} passes): ${refresh.toFixed(1)} s; all measures (${all.series} series, ${all.points.toLocaleString('en-GB')} points, SPC each, compare + drill-down per measure): ${compute.toFixed(1)} s`);
    started = performance.now();
    const gpad = await services.insights.reports.gpad(await services.insights.summaries.context(SYSTEM_ACTOR, { level: 'borough' }));
    const gpadSeconds = seconds(started);
    started = performance.now();
    await services.insights.quality.report(SYSTEM_ACTOR, (await database.db.selectFrom('practice').select('id').execute()).map((p) => p.id));
    log(`  live reads: GPAD extract for the borough ${gpadSeconds.toFixed(1)} s (${gpad.length.toLocaleString('en-GB')} rows); data-quality report ${seconds(started).toFixed(1)} s`);
    results.push(`${kind.padEnd(8)} scale ${scale}: ${Number(counts.n).toLocaleString('en-GB').padStart(10)} appointments  refresh + all measures = ${(refresh + compute).toFixed(1)} s  (target ${scale === 1 ? '≤ 10' : '≤ 40'} s)`);
    await database.close();
  }
}
console.log(`\nSummary (${new Date().toISOString()}, load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}):`);
for (const line of results) console.log(`  ${line}`);
