// bin/hamlet spc: a Making Data Count SPC analysis of a `date,value` CSV, as JSON.
import { parseArgs } from 'node:util';
import type { CliCommand } from '../cli/cli-command.ts';
import { UsageError } from '../cli/cli-command.ts';
import { analyseSpc } from './domain/spc.ts';
import type { SpcOptions } from './domain/spc.ts';
import { IMPROVEMENT_DIRECTIONS, SPC_PRESETS, isSpcPresetName } from './domain/spc-rules.ts';
import type { ImprovementDirection, SpcRuleSet } from './domain/spc-rules.ts';
import { isIsoDate, parseDecimal } from './domain/csv.ts';
import { parseSpcCsv } from './domain/spc-csv.ts';
import { readInput } from './read-input.ts';

const usage = `Usage: hamlet spc --input FILE.csv [options]

Reads a CSV with header date,value (YYYY-MM-DD, one row per date) and prints the SPC analysis as JSON:
points (mean, limits, rule, type), variation and assurance icons, segments and warnings.

Options:
  --input FILE              the CSV file, or - for standard input (required)
  --improvement DIRECTION   increase | decrease | neutral (default neutral)
  --target X                target value, for the assurance icon
  --rebase DATE[,DATE...]   start new limits at the first point on or after each date
  --screen-outliers         drop moving ranges >= 3.267 x mean before the limits (NHSRplotthedots' default)
  --baseline N              compute each segment's limits from its first N points
  --rules PRESET            ${Object.keys(SPC_PRESETS).join(' | ')} (default making_data_count)
  --limit-constant X        override the limit constant (2.66; qicharts2 uses 3/1.128 = 2.6596)

Exit codes: 0 done, 2 bad arguments or bad CSV (errors name the line).`;

function positiveNumber(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const value = parseDecimal(text);
  if (value === null || value <= 0) throw new UsageError(`--${name} must be a positive number, not '${text}'`);
  return value;
}

function buildOptions(values: Record<string, string | boolean | undefined>): SpcOptions {
  const improvement = (values['improvement'] as string | undefined) ?? 'neutral';
  if (!(IMPROVEMENT_DIRECTIONS as readonly string[]).includes(improvement)) {
    throw new UsageError(`--improvement must be one of ${IMPROVEMENT_DIRECTIONS.join(', ')}, not '${improvement}'`);
  }
  const targetText = values['target'] as string | undefined;
  const target = targetText === undefined ? null : parseDecimal(targetText);
  if (targetText !== undefined && target === null)
    throw new UsageError(`--target must be a number, not '${targetText}'`);
  const rebaseDates = ((values['rebase'] as string | undefined) ?? '')
    .split(',')
    .map((d) => d.trim())
    .filter((d) => d !== '');
  const badDate = rebaseDates.find((d) => !isIsoDate(d));
  if (badDate !== undefined) throw new UsageError(`--rebase dates must be YYYY-MM-DD, not '${badDate}'`);
  const baseline = positiveNumber(values['baseline'] as string | undefined, 'baseline');
  if (baseline !== undefined && !Number.isInteger(baseline))
    throw new UsageError('--baseline must be a whole number of points');
  const presetName = (values['rules'] as string | undefined) ?? 'making_data_count';
  if (!isSpcPresetName(presetName))
    throw new UsageError(`--rules must be one of ${Object.keys(SPC_PRESETS).join(', ')}`);
  const limitConstant = positiveNumber(values['limit-constant'] as string | undefined, 'limit-constant');
  const preset: SpcRuleSet = SPC_PRESETS[presetName];
  const rules =
    limitConstant === undefined ? preset : { ...preset, name: `${preset.name}+limit_constant`, limitConstant };
  return {
    improvement: improvement as ImprovementDirection,
    target,
    rebaseDates,
    screenOutliers: values['screen-outliers'] === true,
    ...(baseline === undefined ? {} : { baselinePoints: baseline }),
    rules,
  };
}

export const command: CliCommand = {
  summary: 'SPC (Making Data Count XmR) analysis of a date,value CSV, as JSON',
  usage,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      strict: true,
      options: {
        input: { type: 'string' },
        improvement: { type: 'string' },
        target: { type: 'string' },
        rebase: { type: 'string' },
        'screen-outliers': { type: 'boolean' },
        baseline: { type: 'string' },
        rules: { type: 'string' },
        'limit-constant': { type: 'string' },
      },
    });
    if (values.input === undefined) throw new UsageError('--input is required');
    const options = buildOptions(values);
    const input = await readInput(values.input, io.stdin);
    if (!input.ok) {
      io.stderr.write(`hamlet spc: ${input.message}\n`);
      return 2;
    }
    const parsed = parseSpcCsv(input.text);
    if (!parsed.ok) {
      for (const e of parsed.errors) io.stderr.write(`hamlet spc: ${values.input}: line ${e.line}: ${e.message}\n`);
      return 2;
    }
    io.stdout.write(JSON.stringify(analyseSpc(parsed.points, options), null, 2) + '\n');
    return 0;
  },
};
