// First start and restart of `bin/hamlet serve` on the embedded database, as a user runs it:
// time until GET /health answers 200, and the server process's peak resident memory (VmHWM).
// Targets (issue: Foundation): first start ≤ 90 s, restart ≤ 5 s, peak memory ≤ 2 GiB.
// Usage: node bench/startup.bench.ts [--scale 1] [--keep]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' }, keep: { type: 'boolean', default: false } } });
const dataDir = mkdtempSync(join(tmpdir(), 'hamlet-startup-'));
const port = 3400 + Math.floor(Math.random() * 500);

function start(): ChildProcess {
  return spawn('bin/hamlet', ['serve'], {
    env: { ...process.env, HAMLET_DATA_DIR: dataDir, PORT: String(port), HAMLET_SCALE: values.scale, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

function peakRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

async function untilHealthy(child: ChildProcess, started: number): Promise<{ seconds: number; peakMiB: number }> {
  let peak = 0;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    peak = Math.max(peak, peakRssMiB(child.pid!));
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      if (response.status === 200) return { seconds: (performance.now() - started) / 1000, peakMiB: Math.max(peak, peakRssMiB(child.pid!)) };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

try {
  let t = performance.now();
  const first = start();
  const firstStart = await untilHealthy(first, t);
  await stop(first);
  t = performance.now();
  const second = start();
  const restart = await untilHealthy(second, t);
  await stop(second);
  console.log(`scale ${values.scale} on PGlite (${dataDir})`);
  console.log(`first start (generate + load the borough): ${firstStart.seconds.toFixed(1)} s, peak memory ${firstStart.peakMiB.toFixed(0)} MiB`);
  console.log(`restart (reuse the data folder):           ${restart.seconds.toFixed(1)} s, peak memory ${restart.peakMiB.toFixed(0)} MiB`);
  console.log(`targets: first start ≤ 90 s, restart ≤ 5 s, peak ≤ 2048 MiB`);
} finally {
  if (!values.keep) rmSync(dataDir, { recursive: true, force: true });
}
