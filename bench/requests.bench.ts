// The 08:00 surge against a real listening server on the embedded database (PGlite, the default
// deployment): `bin/hamlet serve` in its own process, requests sent open-loop at a fixed arrival rate from
// this process, latency measured from each request's scheduled send time (so queueing is counted), and
// afterwards the stored rows counted against the 201s acknowledged.
// Usage: node bench/requests.bench.ts [--rate 600] [--seconds 10] [--scale 0.02] [--patients 400] [--cpu-prof-dir DIR]
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedBorough } from '../src/borough/borough-seeder.ts';
import { londonDate } from '../src/shared/domain/london-time.ts';
import { issueToken } from '../src/trust/tokens.ts';

const { values } = parseArgs({ options: {
  rate: { type: 'string', default: '600' }, seconds: { type: 'string', default: '10' }, scale: { type: 'string', default: '0.02' }, patients: { type: 'string', default: '400' },
  'cpu-prof-dir': { type: 'string' },
} });
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const dataDir = mkdtempSync(join(tmpdir(), 'hamlet-requests-bench-'));
const port = 3900 + Math.floor(Math.random() * 90);
const secret = 'requests-bench-secret-0123456789abcdef';
const texts = readFileSync(new URL('../eval/triage/hamlet-open-set.jsonl', import.meta.url), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text);

interface BenchPatient { nhsNumber: string; ageYears: number; sex: string; token: string }

async function seed(): Promise<Omit<BenchPatient, 'token'>[]> {
  const database = await openDatabase({ dataDir });
  await migrateToLatest(database.db);
  await seedBorough(database, { seed: 20_240_101, scale: Number(values.scale), anchorDate: londonDate(new Date()) });
  const rows = await database.db.selectFrom('patient').select(['nhs_number', 'date_of_birth', 'sex']).where('date_of_birth', '<=', '2008-01-01')
    .orderBy('id').limit(Number(values.patients)).execute();
  await database.close();
  return rows.map((r) => ({ nhsNumber: r.nhs_number, sex: r.sex, ageYears: Math.floor((Date.now() - Date.parse(r.date_of_birth)) / (365.2425 * 86_400_000)) }));
}

function startServer(): ChildProcess {
  const profile = values['cpu-prof-dir'] ? ['--cpu-prof', `--cpu-prof-dir=${values['cpu-prof-dir']}`] : [];
  return spawn(process.execPath, [...profile, 'src/cli/main.ts', 'serve'], {
    env: { ...process.env, HAMLET_DATA_DIR: dataDir, PORT: String(port), HAMLET_TOKEN_SECRET: secret },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function untilHealthy(child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 });
function post(patient: BenchPatient, text: string): Promise<number> {
  const body = JSON.stringify({ submittedFor: 'self', ageYears: patient.ageYears, sex: patient.sex, description: text });
  return new Promise((resolve) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/api/requests', method: 'POST', agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${patient.token}` } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(-1));
    req.end(body);
  });
}

async function surge(patients: BenchPatient[], count: number, perSecond: number) {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const start = performance.now() + 50;
  let lastDone = start;
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(post(patients[i % patients.length]!, texts[i % texts.length]!).then((status) => {
      const done = performance.now();
      lastDone = Math.max(lastDone, done);
      latencies.push(done - due);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }));
  }
  await Promise.all(inFlight);
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return { statuses, acked: statuses.get(201) ?? 0, seconds: (lastDone - start) / 1000, p50: pct(0.5), p95: pct(0.95), p99: pct(0.99), max: latencies.at(-1) ?? 0 };
}

/** CPU seconds (user + system) the server process has used: the cost per request independent of other load. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function storedRequests(): Promise<number> {
  const database = await openDatabase({ dataDir });
  const row = await database.db.selectFrom('patient_request').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  await database.close();
  return Number(row.n);
}

let server: ChildProcess | null = null;
try {
  console.log(`seeding a borough at scale ${values.scale} in ${dataDir} …`);
  const seeded = await seed();
  server = startServer();
  await untilHealthy(server);
  const now = new Date();
  const patients = await Promise.all(seeded.map(async (p) => ({ ...p, token: await issueToken(secret, { sub: `bench:${p.nhsNumber}`, role: 'patient', patient: p.nhsNumber }, 3600, now) })));
  const warm = await surge(patients, 400, 100); // resolves every patient's actor and warms the JIT
  const cpuBefore = cpuSeconds(server.pid!);
  const result = await surge(patients, Math.round(rate * seconds), rate);
  const serverCpu = cpuSeconds(server.pid!) - cpuBefore;
  const exited = new Promise((resolve) => server!.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
  server = null;
  const stored = await storedRequests();
  const acknowledged = warm.acked + result.acked;
  console.log(`offered ${Math.round(rate * seconds)} requests at ${rate}/s over ${seconds} s to POST /api/requests (${patients.length} patients, open-set texts)`);
  console.log(`statuses: ${[...result.statuses].map(([s, n]) => `${s}×${n}`).join(', ')}`);
  console.log(`accepted ${result.acked} in ${result.seconds.toFixed(2)} s = ${(result.acked / result.seconds).toFixed(0)} requests/s`);
  console.log(`latency from scheduled send: p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, max ${result.max.toFixed(1)} ms`);
  console.log(`server CPU during the surge: ${serverCpu.toFixed(2)} s = ${((serverCpu * 1000) / Math.round(rate * seconds)).toFixed(2)} ms per request (machine load average ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]} on ${availableParallelism()} cores)`);
  console.log(`stored after shutdown ${stored}, acknowledged ${acknowledged} (warm-up ${warm.acked} + surge ${result.acked}): ${stored === acknowledged ? 'EQUAL' : 'MISMATCH'}`);
} finally {
  if (server) server.kill('SIGTERM');
  agent.destroy();
  rmSync(dataDir, { recursive: true, force: true });
}
