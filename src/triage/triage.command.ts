// `hamlet triage`: JSON lines in ({"id","age","sex","text"}), one JSON outcome per line out. Bad lines are
// reported on stderr with their line number and the rest still run.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../cli/cli-command.ts';
import { parseTriageRequestLine } from './domain/request-parsing.ts';
import { createRulesEngine } from './triage-engines.ts';

const usage = `Usage: hamlet triage < requests.jsonl

Reads one JSON object per line on stdin: {"id","age","sex","text"} (age in years, sex female|male).
Writes one JSON line per request: {"id","disposition","service","reasons":[…]}, using the free text alone.
A bad line is reported on stderr as {"line":N,"error":"…"}; the rest still run and the exit code is 1.`;

export const command: CliCommand = {
  summary: 'Triage free-text requests (JSON lines on stdin) with the rules engine',
  usage,
  async run(args, io) {
    parseArgs({ args, options: {}, strict: true, allowPositionals: false });
    const engine = createRulesEngine();
    let lineNumber = 0;
    let bad = 0;
    for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
      lineNumber += 1;
      if (line.trim() === '') continue;
      const parsed = parseTriageRequestLine(line);
      if (!parsed.ok) {
        bad += 1;
        io.stderr.write(JSON.stringify({ line: lineNumber, error: parsed.error }) + '\n');
        continue;
      }
      const { id, age, sex, text } = parsed.value;
      const outcome = await engine.triage({ age, sex, text });
      const reasons = outcome.reasons.map((r) => `${r.ruleId}: ${r.summary}${r.quote ? ` ("${r.quote}")` : ''}`);
      io.stdout.write(
        JSON.stringify({ id, disposition: outcome.disposition, service: outcome.service, reasons }) + '\n',
      );
    }
    return bad > 0 ? 1 : 0;
  },
};
