import type { CliCommand } from '../cli/cli-command.ts';
import { UsageError } from '../cli/cli-command.ts';
import { parseCommandArgs } from '../cli/main.ts';
import { loadConfig } from '../config.ts';
import { londonDate } from '../shared/domain/london-time.ts';
import { assertNoServerOnDataDir, openConfiguredDatabase } from '../server/runtime.ts';
import { seedBorough } from './borough-seeder.ts';

export const command: CliCommand = {
  summary: 'Generate the synthetic borough (replaces any existing data)',
  usage: `Usage: hamlet seed [--seed N] [--scale F] [--anchor-date YYYY-MM-DD]

Generates a deterministic synthetic borough modelled on Tower Hamlets and loads it into the configured
database (HAMLET_DATA_DIR or DATABASE_URL), replacing what is there.
  --seed N          random seed (default HAMLET_SEED or 20240101); the same seed gives the same borough
  --scale F         borough size as a fraction of Tower Hamlets' 293,965 patients, up to 3 (default 1)
  --anchor-date D   the day it is generated for: history ends, slots begin (default today in London)`,
  async run(args, io) {
    const { values } = parseCommandArgs(args, { seed: { type: 'string' }, scale: { type: 'string' }, 'anchor-date': { type: 'string' } });
    const config = loadConfig({ ...io.env, ...(values.seed ? { HAMLET_SEED: values.seed } : {}), ...(values.scale ? { HAMLET_SCALE: values.scale } : {}),
      ...(values['anchor-date'] ? { HAMLET_ANCHOR_DATE: values['anchor-date'] } : {}) });
    if (values.seed && !/^\d+$/.test(values.seed)) throw new UsageError('--seed must be a whole number');
    assertNoServerOnDataDir(config);
    const database = await openConfiguredDatabase(config);
    try {
      const anchorDate = config.anchorDate ?? londonDate(new Date());
      const result = await seedBorough(database, {
        seed: config.seed, scale: config.scale, anchorDate,
        onProgress: (p) => io.stderr.write(`${p.message}${p.total > 1 ? ` (${Math.round((100 * p.done) / p.total)}%)` : ''}\n`),
      });
      io.stdout.write(`Seeded ${result.practices} practices, ${result.patients.toLocaleString('en-GB')} patients, ${result.slots.toLocaleString('en-GB')} slots and ${result.appointments.toLocaleString('en-GB')} appointments in ${result.seconds.toFixed(1)} s (seed ${config.seed}, scale ${config.scale}, anchor ${anchorDate}).\n`);
      return 0;
    } finally {
      await database.close();
    }
  },
};
