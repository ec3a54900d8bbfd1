// The README's quick start, as a user runs it: bin/hamlet serve on a fresh data folder seeds the borough and
// serves /health; bin/hamlet stats --json reads the running server; a graceful stop and a restart reuse the data.
import { afterAll, describe, expect, it } from 'vitest';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'hamlet-quick-start-'));
const port = 3900 + (process.pid % 90);
const env = { ...process.env, HAMLET_DATA_DIR: dataDir, PORT: String(port), HAMLET_SCALE: '0.01', LOG_LEVEL: 'info', HAMLET_ANCHOR_DATE: '2026-11-23' };
let server: ChildProcess | null = null;
let output = '';

afterAll(() => {
  server?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

function serve(): ChildProcess {
  const child = spawn('bin/hamlet', ['serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return child;
}

async function healthy(timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      if (response.status === 200) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`not healthy after ${timeoutMs} ms:\n${output}`);
}

async function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}

describe('quick start', () => {
  it('seeds on first start, showing progress, then serves /health', { timeout: 240_000 }, async () => {
    server = serve();
    await healthy(230_000);
    expect(output).toMatch(/seeding: Patients: [\d,]+ of [\d,]+/);
    expect(output).toContain('Hamlet is ready');
  });

  it('answers bin/hamlet stats --json from the running server', { timeout: 60_000 }, async () => {
    const { stdout } = await run('bin/hamlet', ['stats', '--json'], { env });
    const stats = JSON.parse(stdout);
    expect(stats).toMatchObject({ practices: 36, pcns: 7, hubs: 4, localities: 4 });
    expect(stats.patients).toBe(Math.round(293_965 * 0.01));
    expect(stats.summary.coverage.historyMonths).toBeGreaterThanOrEqual(12);
    expect(stats.summary.coverage.slotWeeks).toBeGreaterThanOrEqual(8);
  });

  it('refuses to open the embedded database twice', { timeout: 60_000 }, async () => {
    await expect(run('bin/hamlet', ['seed'], { env })).rejects.toMatchObject({ stderr: expect.stringContaining('is running on') });
  });

  it('stops gracefully and restarts on the same data without seeding again', { timeout: 120_000 }, async () => {
    expect(await stop(server!)).toBe(0);
    expect(existsSync(join(dataDir, 'hamlet-server.json'))).toBe(false);
    output = '';
    server = serve();
    const restartMs = await healthy(60_000);
    expect(output).not.toContain('seeding:');
    expect(restartMs).toBeLessThan(60_000);
    expect(await stop(server)).toBe(0);
    server = null;
  });

  it('documents every command with --help', { timeout: 120_000 }, async () => {
    const { stdout } = await run('bin/hamlet', ['--help'], { env });
    const names = [...stdout.matchAll(/^ {2}(\S+)\s{2,}/gm)].map((m) => m[1]!);
    expect(names).toEqual(expect.arrayContaining(['serve', 'seed', 'stats', 'triage', 'triage-eval', 'spc', 'continuity']));
    for (const name of names) {
      const help = await run('bin/hamlet', [name, '--help'], { env });
      expect(help.stdout).toMatch(/^Usage: hamlet /);
    }
  });
});
