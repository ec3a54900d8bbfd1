// Backup and restore on a PostgreSQL server with PostgreSQL's own tools: pg_dump's custom format (a consistent
// snapshot, taken while servers keep running) and a restore that replaces the database's public schema in
// ONE transaction (pg_restore's script piped into psql --single-transaction), so a restore either completes
// or leaves the database as it was. The connection's password goes in the environment, never on a command line.
import { spawn } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, fsyncSync, openSync, closeSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { syncDirectory } from './backup-files.ts';

type Tool = 'pg_dump' | 'pg_restore' | 'psql';

export async function backupPostgres(databaseUrl: string, outputFile: string): Promise<void> {
  const { url, env } = connection(databaseUrl);
  const temporary = `${outputFile}.partial`;
  try {
    closeSync(openSync(temporary, 'w', 0o600)); // pg_dump keeps the mode of the file it overwrites: owner only
    chmodSync(temporary, 0o600);
    await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${temporary}`, `--dbname=${url}`], env);
    const fd = openSync(temporary, 'r+');
    fsyncSync(fd);
    closeSync(fd);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  renameSync(temporary, outputFile);
  syncDirectory(dirname(outputFile));
}

export async function restorePostgres(file: string, databaseUrl: string): Promise<void> {
  const listing = await run('pg_restore', ['--list', file], process.env);
  if (!/TABLE public kysely_migration /.test(listing)) throw new Error(`${file} is a pg_dump archive but not of a Hamlet database`);
  const { url, env } = connection(databaseUrl);
  const script = spawn(toolPath('pg_restore'), ['--no-owner', '--no-privileges', '--file=-', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  const psql = spawn(toolPath('psql'), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '--single-transaction', `--dbname=${url}`], { env, stdio: ['pipe', 'ignore', 'pipe'] });
  psql.stdin.on('error', () => {}); // psql stopping early (a failed statement) is reported by its exit code
  // The backup is the whole truth: tables added since it was taken go too.
  psql.stdin.write('DROP SCHEMA public CASCADE;\nCREATE SCHEMA public;\n');
  script.stdout.pipe(psql.stdin);
  const [dumped, restored] = await Promise.all([finished(script, 'pg_restore'), finished(psql, 'psql')]);
  if (dumped.code !== 0) throw new Error(`pg_restore failed: ${dumped.stderr.trim()}`);
  if (restored.code !== 0) throw new Error(`restore failed and was rolled back: ${restored.stderr.trim()}`);
}

function connection(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { url: url.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

async function run(tool: Tool, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const child = spawn(toolPath(tool), args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const { code, stderr } = await finished(child, tool);
  if (code !== 0) throw new Error(`${tool} failed: ${stderr.trim()}`);
  return stdout;
}

function finished(child: ReturnType<typeof spawn>, tool: Tool): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', (error) => reject(new Error(`could not run ${tool}: ${error.message}`)));
    child.once('close', (code) => resolve({ code, stderr }));
  });
}

/** The tool on PATH, else the newest Debian PostgreSQL installation's. */
export function toolPath(tool: Tool): string {
  for (const directory of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    if (isExecutable(join(directory, tool))) return join(directory, tool);
  }
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    for (const version of versions) if (isExecutable(join(debian, version, 'bin', tool))) return join(debian, version, 'bin', tool);
  }
  throw new Error(`${tool} was not found: install the PostgreSQL client tools of the server's major version (Debian: apt install postgresql-client)`);
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
