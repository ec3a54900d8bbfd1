// bin/hamlet continuity: continuity-of-care indices per patient from a visits CSV, one JSON line each.
import { parseArgs } from 'node:util';
import type { CliCommand } from '../cli/cli-command.ts';
import { UsageError } from '../cli/cli-command.ts';
import { continuityByPatient } from './domain/continuity.ts';
import { parseVisitsCsv } from './domain/visits-csv.ts';
import { readInput } from './read-input.ts';

const usage = `Usage: hamlet continuity --input FILE.csv [--min-visits N]

Reads a CSV with header patient_id,date,clinician_id (one row per visit, dates YYYY-MM-DD) and prints one JSON
line per patient: {"patient_id","visits","upc","coc","secon","mmci"}. Indices are null below --min-visits
(default 2). Visits are ordered by date; same-day visits keep file order.

Exit codes: 0 done; 1 done, but some rows were rejected (listed on stderr with line numbers);
2 bad arguments, unreadable file or bad header.`;

export const command: CliCommand = {
  summary: 'Continuity of care (UPC, COC, SECON, MMCI) per patient from a visits CSV',
  usage,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      strict: true,
      options: { input: { type: 'string' }, 'min-visits': { type: 'string' } },
    });
    if (values.input === undefined) throw new UsageError('--input is required');
    const minText = values['min-visits'] ?? '2';
    if (!/^\d+$/.test(minText) || Number(minText) < 2)
      throw new UsageError(`--min-visits must be a whole number of at least 2, not '${minText}'`);
    const input = await readInput(values.input, io.stdin);
    if (!input.ok) {
      io.stderr.write(`hamlet continuity: ${input.message}\n`);
      return 2;
    }
    const parsed = parseVisitsCsv(input.text);
    if (!parsed.ok) {
      io.stderr.write(`hamlet continuity: ${values.input}: line ${parsed.error.line}: ${parsed.error.message}\n`);
      return 2;
    }
    for (const e of parsed.rowErrors)
      io.stderr.write(`hamlet continuity: ${values.input}: line ${e.line}: ${e.message} (row skipped)\n`);
    for (const p of continuityByPatient(parsed.visits, Number(minText))) {
      io.stdout.write(
        JSON.stringify({
          patient_id: p.patientId,
          visits: p.visits,
          upc: p.upc,
          coc: p.coc,
          secon: p.secon,
          mmci: p.mmci,
        }) + '\n',
      );
    }
    return parsed.rowErrors.length > 0 ? 1 : 0;
  },
};
