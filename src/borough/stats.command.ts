import type { CliCommand, CliIO } from '../cli/cli-command.ts';
import { parseCommandArgs } from '../cli/main.ts';
import { loadConfig } from '../config.ts';
import { openConfiguredDatabase, runningServer } from '../server/runtime.ts';
import { readBoroughSummary } from './borough-stats.ts';
import { compareToReference, type BoroughSummary, type ReferenceCheck } from './domain/borough-reference.ts';

type Stats = BoroughSummary['counts'] & { summary: BoroughSummary; reference: ReferenceCheck[] };

export const command: CliCommand = {
  summary: 'Counts and summary statistics of the borough, against the reference',
  usage: `Usage: hamlet stats [--json]

Prints counts of practices, PCNs, hubs, patients, staff, slots and appointments, and the borough's
summary statistics (age pyramid, ethnicity, list sizes, conditions, appointment mode mix, DNA rate)
beside the reference figures and tolerances. While the server runs on the embedded database, the
figures come from it (GET /api/stats).
  --json   one JSON object: the counts at the top level, plus "summary" and "reference"`,
  async run(args, io) {
    const { values } = parseCommandArgs(args, { json: { type: 'boolean' } });
    const config = loadConfig(io.env);
    const stats = await readStats(config);
    if (values.json) io.stdout.write(JSON.stringify(stats, null, 2) + '\n');
    else printStats(io, stats);
    return 0;
  },
};

async function readStats(config: ReturnType<typeof loadConfig>): Promise<Stats> {
  const server = config.databaseUrl ? null : runningServer(config.dataDir);
  if (server) {
    const response = await fetch(`http://127.0.0.1:${server.port}/api/stats`);
    if (!response.ok) throw new Error(`the running server answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as Stats;
  }
  const database = await openConfiguredDatabase(config);
  try {
    const summary = await readBoroughSummary(database.db);
    return { ...summary.counts, summary, reference: compareToReference(summary) };
  } finally {
    await database.close();
  }
}

function printStats(io: CliIO, stats: Stats): void {
  const s = stats.summary;
  const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
  const lines = [
    'Hamlet borough',
    `  ${stats.localities} localities, ${stats.pcns} PCNs, ${stats.practices} practices, ${stats.hubs} hubs, ${stats.sites} sites`,
    `  ${stats.patients.toLocaleString('en-GB')} patients, ${stats.staff} staff`,
    `  ${stats.appointments.toLocaleString('en-GB')} appointments from ${s.coverage.historyFrom} (${s.coverage.historyMonths} months of history)`,
    `  ${stats.slots.toLocaleString('en-GB')} slots, ${s.coverage.slotsFrom} to ${s.coverage.slotsTo} (${s.coverage.slotWeeks} weeks ahead)`,
    '',
    `List sizes: min ${s.listSizes.min.toLocaleString('en-GB')}, median ${s.listSizes.median.toLocaleString('en-GB')}, max ${s.listSizes.max.toLocaleString('en-GB')}`,
    `Age: median ${s.medianAge}; ` + s.ageBands.map((b) => `${b.band} ${pct(b.share)}`).join(', '),
    `Ethnicity: ` + s.ethnicityGroups.map((g) => `${g.group} ${pct(g.share)}`).join(', ') + `, not recorded ${pct(s.ethnicityMissingShare)}`,
    `Conditions: ` + Object.entries(s.conditionPrevalence).sort((a, b) => b[1] - a[1]).map(([c, v]) => `${c} ${pct(v)}`).join(', '),
    `Appointments: ${s.appointmentsPerPatientYear.toFixed(2)} per patient a year, GP ${pct(s.gpShare)}, DNA ${pct(s.dnaRate)}, busiest day ${s.busiestWeekday}`,
    `Modes: ` + Object.entries(s.modeMix).map(([m, v]) => `${m} ${pct(v)}`).join(', '),
    '',
    'Against the reference (shared/reference/borough.md):',
    ...stats.reference.map((r) => `  ${r.ok ? 'ok  ' : 'OFF '} ${r.metric.padEnd(34)} ${String(r.actual).padStart(8)}  (reference ${r.reference} ± ${r.tolerance})`),
  ];
  io.stdout.write(lines.join('\n') + '\n');
}
