// bin/hamlet restore FILE: replaces the configured database with a backup made by `hamlet backup`.
import type { CliCommand } from '../cli/cli-command.ts';
import { UsageError } from '../cli/cli-command.ts';
import { parseCommandArgs } from '../cli/main.ts';
import { loadConfig, type HamletConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { restoreDatabase } from './backup.ts';

export const command: CliCommand = {
  summary: 'Replace the database with a backup made by `hamlet backup`',
  usage: `Usage: hamlet restore FILE

Replaces the configured database with the backup in FILE. The kind of backup is read from the file.
  Embedded database: the server on HAMLET_DATA_DIR must be stopped. The current data folder is kept
    beside the restored one as <folder>.before-restore-<UTC time> (delete it once you are satisfied).
  PostgreSQL (DATABASE_URL): the database's public schema is replaced in one transaction, so a failed
    restore changes nothing. Stop the Hamlet servers first (their caches would be stale), then start them.
A backup from an older Hamlet is brought up to date by the migrations when the server next starts.`,
  async run(args, io) {
    const { positionals } = parseCommandArgs(args, {}, true);
    const [file, ...extra] = positionals;
    if (!file || extra.length) throw new UsageError('name exactly one backup FILE');
    const config = loadConfig(io.env);
    try {
      const result = await restoreDatabase(config, file, new Date());
      io.stdout.write(`Restored ${file} (${result.format}) in ${result.seconds.toFixed(1)} s: ${await summary(config)}\n`);
      if (result.previousDataDir) io.stdout.write(`The data folder it replaced is kept at ${result.previousDataDir}\n`);
      return 0;
    } catch (error) {
      io.stderr.write(`hamlet restore: ${(error as Error).message}\n`);
      return 1;
    }
  },
};

async function summary(config: HamletConfig): Promise<string> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
  try {
    const count = async (table: 'patient' | 'appointment') =>
      Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return `${(await count('patient')).toLocaleString('en-GB')} patients, ${(await count('appointment')).toLocaleString('en-GB')} appointments`;
  } finally {
    await database.close();
  }
}

