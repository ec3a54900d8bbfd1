// Opening the configured database for a process, and the data-folder lock: PGlite is single-process, so
// a second process (a CLI command while the server runs) must talk to the server instead of the files.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HamletConfig } from '../config.ts';
import { openDatabase, type HamletDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';

export async function openConfiguredDatabase(config: HamletConfig): Promise<HamletDatabase> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
  try {
    await migrateToLatest(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

export interface RunningServer {
  pid: number;
  port: number;
}

const lockFile = (dataDir: string) => join(dataDir, 'hamlet-server.json');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The server running on this data folder, if any (a stale lock from a killed server is ignored). */
export function runningServer(dataDir: string): RunningServer | null {
  const file = lockFile(dataDir);
  if (!existsSync(file)) return null;
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as RunningServer;
    return info.pid !== process.pid && isAlive(info.pid) ? info : null;
  } catch {
    return null;
  }
}

export function acquireDataDirLock(dataDir: string, port: number): () => void {
  const other = runningServer(dataDir);
  if (other) throw new Error(`Hamlet is already running on ${dataDir} (process ${other.pid}, port ${other.port}). Stop it first.`);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(lockFile(dataDir), JSON.stringify({ pid: process.pid, port }));
  return () => rmSync(lockFile(dataDir), { force: true });
}

/** For CLI commands that open the embedded database directly. */
export function assertNoServerOnDataDir(config: HamletConfig): void {
  if (config.databaseUrl) return;
  const other = runningServer(config.dataDir);
  if (other) throw new Error(`Hamlet is running on ${config.dataDir} (process ${other.pid}); stop it before running this command.`);
}
