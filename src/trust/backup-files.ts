// Backup files: which kind a file is (from its first bytes, not its name), a default name, and writing one so
// that a crash mid-write never leaves a truncated file under the final name. Backups hold patient data and
// the token secret, so they are readable by their owner only.
import { closeSync, fsyncSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export type BackupFormat = 'pglite-tarball' | 'pg-dump';

const GZIP_MAGIC = [0x1f, 0x8b];
const PG_DUMP_MAGIC = 'PGDMP';

export function detectBackupFormat(file: string): BackupFormat {
  const head = Buffer.alloc(5);
  const fd = openSync(file, 'r');
  let read: number;
  try {
    read = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (read >= 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1]) return 'pglite-tarball';
  if (read === 5 && head.toString('latin1') === PG_DUMP_MAGIC) return 'pg-dump';
  throw new Error(`${file} is not a Hamlet backup (neither an embedded-database tarball nor a pg_dump archive)`);
}

export function formatFor(kind: 'pglite' | 'postgres'): BackupFormat {
  return kind === 'pglite' ? 'pglite-tarball' : 'pg-dump';
}

/** hamlet-backup-20261121T101500Z.tar.gz (embedded) or .dump (PostgreSQL custom format). */
export function defaultBackupName(format: BackupFormat, now: Date): string {
  const stamp = fileStamp(now);
  return `hamlet-backup-${stamp}${format === 'pglite-tarball' ? '.tar.gz' : '.dump'}`;
}

export function fileStamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/** Writes to a temporary name, flushes to disk, then renames: the final name only ever holds a whole backup. */
export function writeFileDurably(file: string, bytes: Uint8Array): void {
  const temporary = `${file}.partial`;
  const fd = openSync(temporary, 'w', 0o600);
  try {
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, file);
  syncDirectory(dirname(file));
}

export function syncDirectory(directory: string): void {
  const fd = openSync(directory, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
