// `hamlet triage-eval FILE.jsonl`: scores the rules engine on gold-labelled cases and prints the figures that
// matter for safety (emergency sensitivity, under- and over-triage, confusion matrix).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../cli/cli-command.ts';
import { UsageError } from '../cli/cli-command.ts';
import type { EvaluationCase } from './domain/evaluation.ts';
import { evaluate } from './domain/evaluation.ts';
import { assessGoLive } from './domain/go-live-gate.ts';
import { parseEvaluationCaseLine } from './domain/request-parsing.ts';
import { formatReport } from './evaluation-report.ts';
import { createRulesEngine } from './triage-engines.ts';

const usage = `Usage: hamlet triage-eval FILE.jsonl [--json] [--misses] [--gate]

Triages each case {"id","age","sex","text","acceptable":[…]} with the rules engine and prints accuracy,
per-level accuracy, emergency sensitivity, under-triage, over-triage and the confusion matrix.
  --json     print the report as JSON
  --misses   also list the cases the engine got wrong
  --gate     apply the go-live gate (emergency sensitivity 100%, under-triage ≤ 3%, accuracy ≥ 85%);
             exit code 1 if it fails`;

async function readCases(file: string, stderr: NodeJS.WritableStream): Promise<EvaluationCase[] | null> {
  const lines = (await readFile(resolve(file), 'utf8')).split('\n');
  const cases: EvaluationCase[] = [];
  let bad = false;
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const parsed = parseEvaluationCaseLine(line);
    if (parsed.ok) cases.push(parsed.value);
    else {
      bad = true;
      stderr.write(JSON.stringify({ line: index + 1, error: parsed.error }) + '\n');
    }
  });
  return bad ? null : cases;
}

export const command: CliCommand = {
  summary: 'Evaluate the triage rules on a gold-labelled JSON-lines file',
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { json: { type: 'boolean' }, misses: { type: 'boolean' }, gate: { type: 'boolean' } },
      strict: true,
      allowPositionals: true,
    });
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0) throw new UsageError('give exactly one FILE.jsonl');
    const cases = await readCases(file, io.stderr);
    if (!cases) return 1;
    if (cases.length === 0) throw new UsageError(`${file} has no cases`);
    const engine = createRulesEngine();
    const results = await Promise.all(
      cases.map(async (c) => ({ id: c.id, disposition: (await engine.triage(c)).disposition })),
    );
    const report = evaluate(cases, results);
    const gate = values.gate ? assessGoLive(report) : undefined;
    if (values.json) {
      io.stdout.write(
        JSON.stringify({ file, engine: { id: engine.id, version: engine.version }, ...report, gate }, null, 2) + '\n',
      );
    } else {
      io.stdout.write(
        formatReport(report, { file, engine: `${engine.id} ${engine.version}`, misses: values.misses === true, gate }),
      );
    }
    return gate && !gate.allowed ? 1 : 0;
  },
};
