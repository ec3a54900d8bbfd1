// Plain-text rendering of an evaluation report for `hamlet triage-eval`.
import type { Disposition } from '../shared/domain/vocabulary.ts';
import { DISPOSITIONS } from '../shared/domain/vocabulary.ts';
import type { EvaluationReport, Tally } from './domain/evaluation.ts';
import type { GoLiveDecision } from './domain/go-live-gate.ts';

const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);
const fraction = (n: number, d: number) => `${n}/${d}`.padEnd(9);
const LEVELS = [...DISPOSITIONS] as Disposition[];

function tallyLine(label: string, t: Tally): string {
  return `  ${label.padEnd(24)}${fraction(t.correct, t.cases)}${pct(t.accuracy)}`;
}

function confusionLines(report: EvaluationReport): string[] {
  const header = '  ' + 'expected \\ got'.padEnd(16) + LEVELS.map((d) => d.padStart(11)).join('');
  const rows = LEVELS.map(
    (expected) =>
      '  ' + expected.padEnd(16) + LEVELS.map((got) => String(report.confusion[expected][got]).padStart(11)).join(''),
  );
  return [header, ...rows];
}

export function formatReport(
  report: EvaluationReport,
  options: { file: string; engine: string; misses: boolean; gate: GoLiveDecision | undefined },
): string {
  const lines = [
    `Triage evaluation of ${options.file} (${report.total} cases) with engine ${options.engine}`,
    '',
    tallyLine('Accuracy', { cases: report.total, correct: report.correct, accuracy: report.accuracy }),
    tallyLine('Emergency sensitivity', report.emergency),
    `  ${'Under-triage'.padEnd(24)}${fraction(report.underTriage.count, report.total)}${pct(report.underTriage.rate)}`,
    `  ${'Over-triage'.padEnd(24)}${fraction(report.overTriage.count, report.total)}${pct(report.overTriage.rate)}`,
    '',
    'Per-level accuracy (cases grouped by their lowest acceptable level):',
    ...LEVELS.map((d) => tallyLine(d, report.perLevel[d])),
    '',
    'Confusion matrix (rows: lowest acceptable level; columns: engine answer):',
    ...confusionLines(report),
  ];
  if (options.misses) {
    lines.push('', `Misses (${report.misses.length}):`);
    for (const m of report.misses)
      lines.push(`  ${m.direction.padEnd(6)}${m.id}: got ${m.got}, acceptable ${m.acceptable.join('|')}`);
  }
  if (options.gate) {
    lines.push(
      '',
      `Go-live gate: ${options.gate.allowed ? 'PASSED' : 'FAILED'}`,
      ...options.gate.failures.map((f) => `  - ${f}`),
    );
  }
  return lines.join('\n') + '\n';
}
