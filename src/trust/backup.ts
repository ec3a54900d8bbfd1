// Backup and restore for whichever database Hamlet is configured with: the embedded database's own dump, or
// pg_dump/pg_restore on a PostgreSQL server. The commands (backup.command.ts, restore.command.ts) call these.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { HamletConfig } from '../config.ts';
import { acquireDataDirLock } from '../server/runtime.ts';
import { backupPglite, restorePglite } from './backup-pglite.ts';
import { backupPostgres, restorePostgres } from './backup-postgres.ts';
import { defaultBackupName, detectBackupFormat, fileStamp, formatFor, type BackupFormat } from './backup-files.ts';

export interface BackupResult {
  file: string;
  format: BackupFormat;
  bytes: number;
  seconds: number;
}

export interface RestoreResult {
  format: BackupFormat;
  seconds: number;
  /** Embedded database: where the replaced data folder was kept. */
  previousDataDir: string | null;
}

export async function backupDatabase(config: HamletConfig, output: string | undefined, now: Date): Promise<BackupResult> {
  const format = formatFor(config.databaseUrl ? 'postgres' : 'pglite');
  const file = resolve(output ?? defaultBackupName(format, now));
  if (existsSync(file)) throw new Error(`${file} already exists; choose another --output`);
  const started = performance.now();
  if (config.databaseUrl) {
    await backupPostgres(config.databaseUrl, file);
  } else {
    await withDataDirLock(config.dataDir, () => backupPglite(config.dataDir, file));
  }
  return { file, format, bytes: statSync(file).size, seconds: (performance.now() - started) / 1000 };
}

export async function restoreDatabase(config: HamletConfig, input: string, now: Date): Promise<RestoreResult> {
  const file = resolve(input);
  if (!existsSync(file)) throw new Error(`${file} does not exist`);
  const format = detectBackupFormat(file);
  const expected = formatFor(config.databaseUrl ? 'postgres' : 'pglite');
  if (format !== expected) {
    throw new Error(format === 'pg-dump'
      ? `${file} is a PostgreSQL backup; set DATABASE_URL to the server to restore it into`
      : `${file} is a backup of the embedded database; unset DATABASE_URL and set HAMLET_DATA_DIR to restore it`);
  }
  const started = performance.now();
  let previousDataDir: string | null = null;
  if (config.databaseUrl) {
    await restorePostgres(file, config.databaseUrl);
  } else {
    ({ previousDataDir } = await withDataDirLock(config.dataDir, () => restorePglite(file, config.dataDir, fileStamp(now))));
  }
  return { format, seconds: (performance.now() - started) / 1000, previousDataDir };
}

/** Holds the data folder's lock (refusing if a server has it) so no server can start on it meanwhile. */
async function withDataDirLock<T>(dataDir: string, work: () => Promise<T>): Promise<T> {
  if (!existsSync(dataDir)) return work();
  const release = acquireDataDirLock(dataDir, 0);
  try {
    return await work();
  } finally {
    release();
  }
}
