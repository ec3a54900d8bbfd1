// Scores a triage engine against gold-labelled cases. Overall accuracy hides the asymmetry that matters,
// so the report separates emergency sensitivity, under-triage and over-triage (reference/triage.md).
import type { Disposition, Sex } from '../../shared/domain/vocabulary.ts';
import { DISPOSITIONS } from '../../shared/domain/vocabulary.ts';
import { DISPOSITION_RANK } from './triage-engine.ts';

export interface EvaluationCase {
  id: string;
  age: number;
  sex: Sex;
  text: string;
  /** Every disposition that counts as correct; anything below the lowest is under-triage. */
  acceptable: Disposition[];
  justification?: string;
}

export interface CaseResult {
  id: string;
  disposition: Disposition;
}

export interface Tally {
  cases: number;
  correct: number;
  /** null when there were no cases to measure. */
  accuracy: number | null;
}

export interface EvaluationReport {
  total: number;
  correct: number;
  accuracy: number;
  /** Grouped by each case's lowest acceptable level. */
  perLevel: Record<Disposition, Tally>;
  /** Cases where only emergency is acceptable, and the share the engine sent to emergency. */
  emergency: Tally;
  underTriage: { count: number; rate: number };
  overTriage: { count: number; rate: number };
  /** confusion[lowest acceptable level][engine's answer] = count. */
  confusion: Record<Disposition, Record<Disposition, number>>;
  misses: { id: string; acceptable: Disposition[]; got: Disposition; direction: 'under' | 'over' }[];
}

const byRank = (a: Disposition, b: Disposition) => DISPOSITION_RANK[a] - DISPOSITION_RANK[b];

export function lowestAcceptable(acceptable: readonly Disposition[]): Disposition {
  const [lowest] = [...acceptable].sort(byRank);
  if (!lowest) throw new Error('a case needs at least one acceptable disposition');
  return lowest;
}

function highestAcceptable(acceptable: readonly Disposition[]): Disposition {
  return [...acceptable].sort(byRank).at(-1) as Disposition;
}

const ratio = (n: number, d: number): number | null => (d === 0 ? null : n / d);

function emptyMatrix(): Record<Disposition, Record<Disposition, number>> {
  const row = () => Object.fromEntries(DISPOSITIONS.map((d) => [d, 0])) as Record<Disposition, number>;
  return Object.fromEntries(DISPOSITIONS.map((d) => [d, row()])) as Record<Disposition, Record<Disposition, number>>;
}

export function evaluate(cases: readonly EvaluationCase[], results: readonly CaseResult[]): EvaluationReport {
  if (cases.length === 0) throw new Error('evaluate: no cases');
  const answers = new Map(results.map((r) => [r.id, r.disposition]));
  const confusion = emptyMatrix();
  const levelCounts = Object.fromEntries(DISPOSITIONS.map((d) => [d, { cases: 0, correct: 0 }]));
  const misses: EvaluationReport['misses'] = [];
  let correct = 0;
  let emergencyCases = 0;
  let emergencyCaught = 0;
  for (const c of cases) {
    const got = answers.get(c.id);
    if (got === undefined) throw new Error(`evaluate: no result for case ${c.id}`);
    const level = lowestAcceptable(c.acceptable);
    const ok = c.acceptable.includes(got);
    confusion[level][got] += 1;
    const tally = levelCounts[level] as { cases: number; correct: number };
    tally.cases += 1;
    if (ok) {
      correct += 1;
      tally.correct += 1;
    } else {
      const direction = DISPOSITION_RANK[got] < DISPOSITION_RANK[level] ? 'under' : 'over';
      misses.push({ id: c.id, acceptable: c.acceptable, got, direction });
    }
    if (c.acceptable.every((d) => d === 'emergency')) {
      emergencyCases += 1;
      if (got === 'emergency') emergencyCaught += 1;
    }
  }
  const under = misses.filter((m) => m.direction === 'under').length;
  const over = cases.filter((c) => {
    const got = answers.get(c.id) as Disposition;
    return DISPOSITION_RANK[got] > DISPOSITION_RANK[highestAcceptable(c.acceptable)];
  }).length;
  const perLevel = Object.fromEntries(
    DISPOSITIONS.map((d) => {
      const t = levelCounts[d] as { cases: number; correct: number };
      return [d, { ...t, accuracy: ratio(t.correct, t.cases) }];
    }),
  ) as Record<Disposition, Tally>;
  return {
    total: cases.length,
    correct,
    accuracy: correct / cases.length,
    perLevel,
    emergency: { cases: emergencyCases, correct: emergencyCaught, accuracy: ratio(emergencyCaught, emergencyCases) },
    underTriage: { count: under, rate: under / cases.length },
    overTriage: { count: over, rate: over / cases.length },
    confusion,
    misses,
  };
}
