// Throwaway PostgreSQL servers for the scale-out tests: a primary made with initdb and a streaming replica made
// with pg_basebackup, each in a temporary folder on its own port, run as the postgres user (initdb refuses
// root). Uses the Debian PostgreSQL binaries (HAMLET_PG_BIN overrides the folder).
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './hamlet-process.ts';

const execFileAsync = promisify(execFile);
export const PG_BIN = process.env.HAMLET_PG_BIN ?? debianBinaries();

/** Debian's PostgreSQL 15 (this machine's), else the newest installed version (what CI's apt gives). */
function debianBinaries(): string {
  const root = '/usr/lib/postgresql';
  if (existsSync(join(root, '15', 'bin'))) return join(root, '15', 'bin');
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  return join(root, versions[0] ?? '15', 'bin');
}

export function postgresBinariesPresent(): boolean {
  return ['initdb', 'pg_ctl', 'pg_basebackup', 'postgres'].every((tool) => existsSync(join(PG_BIN, tool)));
}

export interface PostgresServer {
  port: number;
  dataDir: string;
  url(database?: string): string;
  query<R extends pg.QueryResultRow>(text: string, database?: string): Promise<R[]>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface ClusterRoot {
  root: string;
  remove(): Promise<void>;
}

const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL tool, as the postgres user when we are root. */
async function tool(name: string, args: string[]): Promise<string> {
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, name), ...args]] : [join(PG_BIN, name), args];
  try {
    return (await execFileAsync(file, argv, { timeout: 180_000 })).stdout;
  } catch (error) {
    const failure = error as { stderr?: string; message: string };
    throw new Error(`${name} failed: ${failure.stderr || failure.message}`, { cause: error });
  }
}

export async function clusterRoot(): Promise<ClusterRoot> {
  const root = mkdtempSync(join(tmpdir(), 'hamlet-pg-cluster-'));
  if (asRoot) {
    const uid = Number((await execFileAsync('id', ['-u', 'postgres'])).stdout.trim());
    const gid = Number((await execFileAsync('id', ['-g', 'postgres'])).stdout.trim());
    chownSync(root, uid, gid);
  }
  return { root, remove: async () => rmSync(root, { recursive: true, force: true }) };
}

async function startServer(root: string, name: string, port: number): Promise<PostgresServer> {
  const dataDir = join(root, name);
  // Test servers: no fsync (nothing here survives the test), sockets in our own folder.
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${root} -c fsync=off -c wal_level=replica -c max_wal_senders=5 -c hot_standby=on`;
  const pgCtl = (action: string, extra: string[] = []) => tool('pg_ctl', ['-D', dataDir, '-l', join(root, `${name}.log`), '-w', '-t', '120', '-o', options, ...extra, action]);
  await pgCtl('start');
  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    port, dataDir, url,
    async query<R extends pg.QueryResultRow>(text: string, database?: string) {
      const client = new pg.Client({ connectionString: url(database) });
      await client.connect();
      try {
        return (await client.query<R>(text)).rows;
      } finally {
        await client.end();
      }
    },
    restart: async () => void (await pgCtl('restart', ['-m', 'fast'])),
    stop: async () => void (await tool('pg_ctl', ['-D', dataDir, '-m', 'immediate', 'stop']).catch(() => '')),
  };
}

export async function startPrimary(root: string): Promise<PostgresServer> {
  await tool('initdb', ['-D', join(root, 'primary'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  return startServer(root, 'primary', await freePort());
}

/** A hot standby streaming from `primary` (pg_basebackup -R writes standby.signal and primary_conninfo). */
export async function startReplica(root: string, primary: PostgresServer): Promise<PostgresServer> {
  await tool('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-D', join(root, 'replica'), '-R', '-X', 'stream', '--checkpoint=fast', '--no-sync']);
  return startServer(root, 'replica', await freePort());
}
