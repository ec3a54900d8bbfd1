// Triage latency: `node bench/triage.bench.ts [repeats]` runs the rules engine over the open set repeatedly
// and prints the mean and 99th-percentile time per triage. The brief's budget is 2 ms per request.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEvaluationCaseLine } from '../src/triage/domain/request-parsing.ts';
import { triageRequest } from '../src/triage/domain/triage-engine.ts';
import type { TriageInput } from '../src/triage/domain/triage-types.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cases: TriageInput[] = readFileSync(join(root, 'eval/triage/hamlet-open-set.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .flatMap((line) => {
    const parsed = parseEvaluationCaseLine(line);
    return parsed.ok ? [parsed.value] : [];
  });

const total = Number(process.argv[2] ?? 20_000);
for (const c of cases) triageRequest(c); // warm-up, so the JIT has compiled the hot paths

const timings = new Float64Array(total);
for (let i = 0; i < total; i += 1) {
  const input = cases[i % cases.length] as TriageInput;
  const start = performance.now();
  triageRequest(input);
  timings[i] = performance.now() - start;
}
timings.sort();
const mean = timings.reduce((a, b) => a + b, 0) / total;
const p99 = timings[Math.min(total - 1, Math.floor(total * 0.99))] ?? 0;
const max = timings[total - 1] ?? 0;
console.log(`triage: ${total} triages over ${cases.length} open-set cases`);
console.log(`mean ${mean.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms, max ${max.toFixed(3)} ms per triage`);
