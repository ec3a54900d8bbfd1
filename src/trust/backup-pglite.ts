// Backup and restore of the embedded database: PGlite's own dump of the whole data folder (a gzipped tarball
// of the PostgreSQL files, plus Hamlet's token secret and outbox kept beside them). PGlite serves one process,
// so both need the server stopped on that folder; the restore builds the new folder beside the old one and
// swaps them, keeping the old folder, so a failed or mistaken restore loses nothing.
import { PGlite } from '@electric-sql/pglite';
import { chmodSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { writeFileDurably } from './backup-files.ts';

export interface PgliteRestoreResult {
  /** Where the data folder that was replaced now is (null when there was none). */
  previousDataDir: string | null;
}

export async function backupPglite(dataDir: string, outputFile: string): Promise<void> {
  if (!existsSync(join(dataDir, 'PG_VERSION'))) throw new Error(`${dataDir} holds no Hamlet database to back up`);
  // Opening the folder replays the WAL after an unclean stop, so the dump is of a consistent database.
  const pglite = await PGlite.create({ dataDir });
  try {
    await pglite.exec('CHECKPOINT');
    const dump = await pglite.dumpDataDir('gzip');
    writeFileDurably(outputFile, new Uint8Array(await dump.arrayBuffer()));
  } finally {
    await pglite.close();
  }
}

export async function restorePglite(file: string, dataDir: string, stamp: string): Promise<PgliteRestoreResult> {
  const staging = `${dataDir}.restoring-${stamp}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    const pglite = await PGlite.create({ dataDir: staging, loadDataDir: new Blob([readFileSync(file)]) });
    try {
      await assertHamletDatabase(pglite);
    } finally {
      await pglite.close();
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`${file} is not a usable Hamlet backup of the embedded database: ${(error as Error).message}`, { cause: error });
  }
  // The tarball does not keep file modes: the token secret must stay readable by its owner only.
  const secret = join(staging, '.token-secret');
  if (existsSync(secret)) chmodSync(secret, 0o600);
  rmSync(join(staging, 'hamlet-server.json'), { force: true });
  let previousDataDir: string | null = null;
  if (existsSync(dataDir)) {
    previousDataDir = join(dirname(dataDir), `${basename(dataDir)}.before-restore-${stamp}`);
    renameSync(dataDir, previousDataDir);
  }
  renameSync(staging, dataDir);
  return { previousDataDir };
}

async function assertHamletDatabase(pglite: PGlite): Promise<void> {
  const result = await pglite.query<{ migrations: number }>(
    `SELECT count(*)::int AS migrations FROM information_schema.tables WHERE table_name = 'kysely_migration'`,
  );
  if (result.rows[0]?.migrations !== 1) throw new Error('it has no Hamlet schema (no kysely_migration table)');
}
