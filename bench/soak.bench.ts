// The 08:00-surge soak (issue "Trust" part 6): a real listening server (bin/hamlet serve, loopback only) takes
// mixed traffic — requests with triage, slot searches, bookings, cancellations, reads — at a rate that climbs
// to a peak just after eight and eases off, for --minutes. Open loop: each call has a scheduled time and its
// latency counts from then, so a slow server cannot hide its queue. Prints p50/p95/p99 per operation, errors,
// and the server's memory every 15 s after a forced full GC (RSS, live JS heap, the rest; start, end, max,
// slope). Exits 1 on any error.
// Usage: node bench/soak.bench.ts [--minutes 10] [--peak 20] [--scale 0.02] [--database-url postgres://…]   (npm run soak)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { isSeeded, seedBorough } from '../src/borough/borough-seeder.ts';
import { londonDate } from '../src/shared/domain/london-time.ts';
import { issueToken } from '../src/trust/tokens.ts';
import { randomSecret } from '../src/config.ts';
import { freePort, startHamlet, type HamletProcess } from '../test/resilience/support/hamlet-process.ts';
import { connectInspector, type InspectorProbe } from './soak-memory.ts';
import { OPERATIONS, createClient, perform, pickOperation, type Operation, type SoakPatient, type WorkloadState } from './soak-workload.ts';

const { values } = parseArgs({ options: {
  minutes: { type: 'string', default: '10' }, peak: { type: 'string', default: '20' }, scale: { type: 'string', default: '0.02' },
  'database-url': { type: 'string' }, patients: { type: 'string', default: '400' }, 'max-in-flight': { type: 'string', default: '200' },
} });
const minutes = Number(values.minutes);
const peak = Number(values.peak);
const maxInFlight = Number(values['max-in-flight']);
const databaseUrl = values['database-url'];
const dataDir = mkdtempSync(join(tmpdir(), 'hamlet-soak-'));
const tokenSecret = randomSecret();

/** Arrivals per second at fraction `f` of the run: 30% of peak at the doors opening, peak from 10% to 30%, easing to 35%. */
function surgeRate(f: number): number {
  if (f < 0.1) return peak * (0.3 + 7 * f);
  if (f < 0.3) return peak;
  return peak * (1 - 0.65 * ((f - 0.3) / 0.7));
}

async function prepare(): Promise<Omit<SoakPatient, 'token'>[]> {
  const database = await openDatabase({ databaseUrl, dataDir });
  try {
    await migrateToLatest(database.db);
    if (!(await isSeeded(database))) await seedBorough(database, { seed: 20_240_101, scale: Number(values.scale), anchorDate: londonDate(new Date()) });
    const rows = await database.db.selectFrom('patient').select(['id', 'nhs_number', 'date_of_birth', 'sex', 'practice_id'])
      .where('date_of_birth', '<=', '2008-01-01').where('phone', 'is not', null).orderBy(sql`md5(id::text)`).limit(Number(values.patients)).execute();
    const years = (dob: string) => Math.floor((Date.now() - Date.parse(dob)) / (365.2425 * 86_400_000));
    return rows.map((r) => ({ id: r.id, nhsNumber: r.nhs_number, ageYears: years(r.date_of_birth), sex: r.sex, practiceId: r.practice_id }));
  } finally {
    await database.close();
  }
}

interface Tally { latencies: number[]; ok: number; refused: number; errors: number; examples: string[] }

interface MemorySample { minute: number; rss: number; heapUsed: number | null; outsideHeap: number | null }

async function soak(server: HamletProcess, state: WorkloadState, probe: InspectorProbe) {
  const client = createClient(server.port);
  const tallies = new Map<Operation, Tally>(OPERATIONS.map((op) => [op, { latencies: [], ok: 0, refused: 0, errors: 0, examples: [] }]));
  const memory: MemorySample[] = [];
  const durationMs = minutes * 60_000;
  const start = performance.now();
  const sample = async () => {
    const minute = (performance.now() - start) / 60_000;
    let rss: number;
    try {
      rss = server.rssMiB();
    } catch {
      throw new Error(`the server process has gone:\n${server.output()}`);
    }
    const inside = await probe.sample();
    memory.push({ minute, rss, heapUsed: inside?.heapUsed ?? null, outsideHeap: inside ? inside.rss - inside.heapTotal : null });
  };
  let failure: unknown = null;
  const sampler = setInterval(() => void sample().catch((error: unknown) => (failure ??= error)), 15_000); // each sample forces a full GC in the server: not too often
  let inFlight = 0;
  let shed = 0;
  let due = start;
  const pending = new Set<Promise<void>>();
  while (due - start < durationMs) {
    if (failure) throw failure;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    if (inFlight >= maxInFlight) shed++; // the client's bound: counted, and an error
    else {
      const scheduled = due;
      const op = pickOperation(Math.random());
      inFlight++;
      const done = perform(op, client.call, state, Math.random).then((result) => {
        inFlight--;
        if (!result) return;
        const tally = tallies.get(op)!;
        tally.latencies.push(performance.now() - scheduled);
        if (result.ok.includes(result.answer.status) && result.answer.status === 409) tally.refused++;
        else if (result.ok.includes(result.answer.status)) tally.ok++;
        else {
          tally.errors++;
          if (tally.examples.length < 3) tally.examples.push(`${result.answer.status} ${result.answer.body.slice(0, 200)}`);
        }
      });
      pending.add(done);
      void done.then(() => pending.delete(done));
    }
    due += 1000 / surgeRate((due - start) / durationMs);
  }
  await Promise.all(pending);
  clearInterval(sampler);
  await sample();
  client.close();
  return { tallies, memory, shed, seconds: (performance.now() - start) / 1000 };
}

/** One call of each operation, in turn, before the clock starts: the booking index is built on first use. */
async function warmUp(server: HamletProcess, state: WorkloadState): Promise<void> {
  const client = createClient(server.port);
  try {
    for (const op of OPERATIONS) await perform(op, client.call, state, Math.random);
  } finally {
    client.close();
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

/** Least-squares slope of RSS against time, in MiB per minute, after the first tenth of the run (warm-up). */
function slope(points: { minute: number; value: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, p) => s + p.minute, 0) / n;
  const my = points.reduce((s, p) => s + p.value, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.minute - mx) ** 2, 0);
  return sxx === 0 ? 0 : points.reduce((s, p) => s + (p.minute - mx) * (p.value - my), 0) / sxx;
}

function report(result: Awaited<ReturnType<typeof soak>>, doubleBooked: number): number {
  const row = (cells: (string | number)[]) => cells.map((c, i) => String(c).padStart(i === 0 ? 18 : 9)).join(' ');
  console.log(row(['operation', 'calls', 'ok', '409', 'errors', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms']));
  let errors = result.shed;
  let calls = 0;
  for (const [op, t] of result.tallies) {
    const sorted = [...t.latencies].sort((a, b) => a - b);
    errors += t.errors;
    calls += sorted.length;
    console.log(row([op, sorted.length, t.ok, t.refused, t.errors, ...[0.5, 0.95, 0.99].map((p) => percentile(sorted, p).toFixed(1)), (sorted.at(-1) ?? 0).toFixed(1)]));
    for (const example of t.examples) console.log(`  e.g. ${example}`);
  }
  const steady = result.memory.filter((p) => p.minute >= minutes / 10);
  const rss = result.memory.map((p) => p.rss);
  console.log(`${calls} calls in ${result.seconds.toFixed(0)} s (${(calls / result.seconds).toFixed(1)}/s; peak offered ${peak}/s); shed by the client bound: ${result.shed}`);
  console.log(`server RSS MiB: start ${steady[0]?.rss.toFixed(0)} (after warm-up), end ${rss.at(-1)?.toFixed(0)}, max ${Math.max(...rss).toFixed(0)}, `
    + `slope ${slope(steady.map((p) => ({ minute: p.minute, value: p.rss }))).toFixed(2)} MiB/min over ${steady.length} samples`);
  for (const part of ['heapUsed', 'outsideHeap'] as const) {
    const points = steady.flatMap((p) => (p[part] === null ? [] : [{ minute: p.minute, value: p[part] }]));
    if (points.length < 2) continue;
    console.log(`  of which ${part === 'heapUsed' ? 'JS heap used' : 'outside the JS heap (PGlite\'s WebAssembly memory, code, buffers)'}: start ${points[0]!.value.toFixed(0)}, `
      + `end ${points.at(-1)!.value.toFixed(0)}, max ${Math.max(...points.map((p) => p.value)).toFixed(0)}, slope ${slope(points).toFixed(2)} MiB/min`);
  }
  console.log(`slots with two live bookings after the soak: ${doubleBooked}`);
  console.log(errors === 0 && doubleBooked === 0 ? 'no errors' : `${errors} errors`);
  return errors === 0 && doubleBooked === 0 ? 0 : 1;
}

async function doubleBookedSlots(): Promise<number> {
  const database = await openDatabase({ databaseUrl, dataDir });
  try {
    const rows = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT slot_id FROM appointment WHERE status IN ('booked','attended','dna') AND slot_id IS NOT NULL GROUP BY slot_id HAVING count(*) > 1) d`.execute(database.db);
    return rows.rows[0]!.n;
  } finally {
    await database.close();
  }
}

let server: HamletProcess | null = null;
const deadline = setTimeout(() => {
  console.error('soak: over its time bound; stopping');
  void server?.kill().then(() => process.exit(1));
}, (minutes + 5) * 60_000 + 600_000);
try {
  console.log(`soak: ${minutes} min, peak ${peak} calls/s, ${databaseUrl ? 'PostgreSQL' : `PGlite in ${dataDir}`}; seeding scale ${values.scale} if needed …`);
  const seeded = await prepare();
  const inspectorPort = await freePort();
  server = await startHamlet({ dataDir, databaseUrl, tokenSecret, readyTimeoutMs: 600_000, env: { NODE_OPTIONS: `--inspect=127.0.0.1:${inspectorPort}` } });
  const probe = await connectInspector(inspectorPort);
  const now = new Date();
  const patients = await Promise.all(seeded.map(async (p) => ({ ...p, token: await issueToken(tokenSecret, { sub: `soak:${p.nhsNumber}`, role: 'patient', patient: p.nhsNumber }, 7200 + minutes * 60, now) })));
  const staffTokens = new Map<string, string>();
  for (const practice of new Set(patients.map((p) => p.practiceId))) {
    staffTokens.set(practice, await issueToken(tokenSecret, { sub: `soak:reception:${practice}`, role: 'receptionist', practice }, 7200 + minutes * 60, now));
  }
  const texts = readFileSync(new URL('../eval/triage/hamlet-open-set.jsonl', import.meta.url), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text);
  const state: WorkloadState = { patients, staffTokens, texts, booked: [], requests: [] };
  const warming = performance.now();
  await warmUp(server, state);
  console.log(`warm-up (booking index, first calls of each operation): ${((performance.now() - warming) / 1000).toFixed(1)} s`);
  const result = await soak(server, state, probe);
  probe.close();
  await server.stop();
  server = null;
  process.exitCode = report(result, await doubleBookedSlots());
} finally {
  clearTimeout(deadline);
  await server?.kill();
  rmSync(dataDir, { recursive: true, force: true });
}
