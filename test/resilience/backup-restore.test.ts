// Issue "Trust" part 5: `hamlet backup` and `hamlet restore` round trip on the backend of the test run —
// back up, change the data (and the schema), restore, and the database equals the backup again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { openDatabase } from '../../src/db/database.ts';
import { command as backup } from '../../src/trust/backup.command.ts';
import { command as restore } from '../../src/trust/restore.command.ts';
import { testIO } from '../../src/triage/cli-test-io.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-context.ts';
import { fingerprint, type Fingerprint } from './support/fingerprint.ts';

const work = mkdtempSync(join(tmpdir(), 'hamlet-backup-test-'));
const dataDir = join(work, 'data');
let postgres: TestDatabase | null = null;
let env: Record<string, string>;

beforeAll(async () => {
  if (inject('postgresTemplate')) {
    postgres = await createTestDatabase({ poolSize: 1 });
    await postgres.database.close();
    env = { DATABASE_URL: postgres.url!, HAMLET_DATA_DIR: dataDir };
  } else {
    // The seeded test borough, on disk as a user's data folder would be.
    const pglite = await PGlite.create({ dataDir, loadDataDir: new Blob([readFileSync(inject('pgliteFixture'))]) });
    await pglite.close();
    writeFileSync(join(dataDir, '.token-secret'), 'secret-kept-in-the-data-folder\n', { mode: 0o600 });
    env = { HAMLET_DATA_DIR: dataDir };
  }
}, 180_000);

afterAll(async () => {
  if (postgres) await postgres.drop().catch(() => {});
  rmSync(work, { recursive: true, force: true });
});

async function withDatabase<T>(use: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir, poolSize: 1 });
  try {
    return await use(database.db);
  } finally {
    await database.close();
  }
}

async function cli(cmd: typeof backup, args: string[]) {
  const { io, stdout, stderr } = testIO();
  io.env = env;
  const code = await cmd.run(args, io);
  return { code, stdout: stdout(), stderr: stderr() };
}

describe(`backup and restore (${inject('postgresTemplate') ? 'postgres' : 'pglite'})`, () => {
  const file = join(work, inject('postgresTemplate') ? 'hamlet.dump' : 'hamlet.tar.gz');
  let before: Fingerprint;

  it('backs up to a file only its owner can read, and will not overwrite one', async () => {
    before = await withDatabase(fingerprint);
    const made = await cli(backup, ['--output', file]);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(made.stdout).toContain(file);
    expect(statSync(file).mode & 0o077).toBe(0);
    const again = await cli(backup, ['--output', file]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
  }, 120_000);

  it('restores the database to exactly what was backed up, after data and schema changed', async () => {
    await withDatabase(async (db) => {
      await db.updateTable('patient').set({ phone: '07700900000' }).where('id', '=', 1).execute();
      await db.updateTable('slot').set({ status: 'withdrawn' }).where('id', '=', (await db.selectFrom('slot').select('id').where('status', '=', 'free').orderBy('id').executeTakeFirstOrThrow()).id).execute();
      await sql`CREATE TABLE added_after_backup (id int)`.execute(db);
    });
    const changed = await withDatabase(fingerprint);
    expect(changed).not.toEqual(before);

    const restored = await cli(restore, [file]);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/Restored .* patients, .* appointments/);
    expect(await withDatabase(fingerprint)).toEqual(before);
    if (!postgres) {
      const kept = /kept at (\S+)/.exec(restored.stdout)?.[1];
      expect(kept && existsSync(join(kept, 'PG_VERSION'))).toBe(true);
      expect(statSync(join(dataDir, '.token-secret')).mode & 0o777).toBe(0o600);
    }
  }, 180_000);

  it('refuses a file that is not a backup of this kind of database, and changes nothing', async () => {
    const junk = join(work, 'junk.dump');
    writeFileSync(junk, 'not a backup');
    const refused = await cli(restore, [junk]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('is not a Hamlet backup');
    expect(await withDatabase(fingerprint)).toEqual(before);
  }, 120_000);
});

describe.skipIf(inject('postgresTemplate'))('the embedded database while its server runs', () => {
  let holder: ChildProcess;
  beforeAll(() => {
    holder = spawn('sleep', ['60']);
    writeFileSync(join(dataDir, 'hamlet-server.json'), JSON.stringify({ pid: holder.pid, port: 1 }));
  });
  afterAll(() => {
    holder.kill();
    rmSync(join(dataDir, 'hamlet-server.json'), { force: true });
  });

  it('refuses to back up or restore under a running server', async () => {
    const made = await cli(backup, ['--output', join(work, 'while-running.tar.gz')]);
    expect(made.code).toBe(1);
    expect(made.stderr).toContain('Stop it first');
    const restored = await cli(restore, [join(work, 'hamlet.tar.gz')]);
    expect(restored.code).toBe(1);
    expect(restored.stderr).toContain('Stop it first');
  });
});
