// A real `bin/hamlet serve` process for the resilience tests and the soak: started on its own port and data,
// waited for until /health says ready, stopped gracefully (SIGTERM) or killed outright (SIGKILL).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const HAMLET_BIN = fileURLToPath(new URL('../../../bin/hamlet', import.meta.url));

export interface HamletProcessOptions {
  /** PGlite data folder, or (with databaseUrl) the folder for the token secret and outbox. */
  dataDir: string;
  databaseUrl?: string | undefined;
  tokenSecret: string;
  /** Borough scale for a first start (seeding); ignored once the database is seeded. */
  scale?: number;
  env?: Record<string, string>;
  /** How long to wait for /health (a first start seeds the borough). */
  readyTimeoutMs?: number;
}

export interface HamletProcess {
  pid: number;
  port: number;
  baseUrl: string;
  /** stderr so far (the server logs at warn level): shown when something goes wrong. */
  output(): string;
  /** SIGTERM and wait: in-flight requests finish and the database closes. */
  stop(): Promise<number | null>;
  /** SIGKILL and wait until the process is gone (reaped, so its pid is no longer alive). */
  kill(): Promise<void>;
  /** Resident memory of the server process now, in MiB (Linux /proc). */
  rssMiB(): number;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startHamlet(options: HamletProcessOptions): Promise<HamletProcess> {
  const port = await freePort();
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(port), HOST: '127.0.0.1', HAMLET_DATA_DIR: options.dataDir, HAMLET_TOKEN_SECRET: options.tokenSecret,
    HAMLET_SCALE: String(options.scale ?? 0.002), LOG_LEVEL: 'warn', HAMLET_MESSAGE_TRANSPORT: 'file',
    // Storms and soaks come from one client address and a few tokens: the per-caller limits are for the internet.
    HAMLET_RATE_LIMIT_PUBLIC_PER_MINUTE: '1000000', HAMLET_RATE_LIMIT_SIGNED_IN_PER_MINUTE: '1000000',
    ...options.env,
  };
  delete env.DATABASE_URL;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  const child = spawn(HAMLET_BIN, ['serve'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await untilHealthy(child, baseUrl, options.readyTimeoutMs ?? 240_000);
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output}`, { cause: error });
  }
  return {
    pid: child.pid!, port, baseUrl,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      return exited;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    rssMiB: () => rssOf(child.pid!),
  };
}

async function untilHealthy(child: ChildProcess, baseUrl: string, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`hamlet serve exited (${child.exitCode ?? child.signalCode}) before it was ready`);
    try {
      if ((await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(5_000) })).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`hamlet serve was not ready within ${timeoutMs / 1000} s`);
}

export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}
