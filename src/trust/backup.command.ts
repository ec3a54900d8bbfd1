// bin/hamlet backup: a consistent copy of the configured database in one file (see docs/operations.md).
import type { CliCommand } from '../cli/cli-command.ts';
import { parseCommandArgs } from '../cli/main.ts';
import { loadConfig } from '../config.ts';
import { backupDatabase } from './backup.ts';

export const command: CliCommand = {
  summary: 'Back up the database to one file (embedded: a data-folder dump; PostgreSQL: pg_dump)',
  usage: `Usage: hamlet backup [--output FILE]

Writes a backup of the configured database to FILE (default: hamlet-backup-<UTC time>.tar.gz for the
embedded database in HAMLET_DATA_DIR, or hamlet-backup-<UTC time>.dump for DATABASE_URL).
  Embedded database: PGlite's dump of the data folder. Stop the server on that folder first: PGlite
    serves one process, and the backup says so if the server is running.
  PostgreSQL: pg_dump's custom format, a consistent snapshot taken while the servers keep running
    (needs pg_dump of the server's major version on PATH or under /usr/lib/postgresql).
The file is readable by its owner only: it holds patient data. Restore it with \`hamlet restore FILE\`.`,
  async run(args, io) {
    const { values } = parseCommandArgs(args, { output: { type: 'string', short: 'o' } });
    const config = loadConfig(io.env);
    try {
      const result = await backupDatabase(config, values.output, new Date());
      const where = config.databaseUrl ? 'PostgreSQL database' : `embedded database in ${config.dataDir}`;
      io.stdout.write(`Backed up the ${where} to ${result.file} (${result.format}, ${(result.bytes / 1_048_576).toFixed(1)} MiB, ${result.seconds.toFixed(1)} s)\n`);
      return 0;
    } catch (error) {
      io.stderr.write(`hamlet backup: ${(error as Error).message}\n`);
      return 1;
    }
  },
};
