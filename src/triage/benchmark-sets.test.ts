// The engine on whole case sets: Hamlet's open set (the go-live gate) and the public Semigran 45 vignettes.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { EvaluationCase } from './domain/evaluation.ts';
import { evaluate } from './domain/evaluation.ts';
import { assessGoLive } from './domain/go-live-gate.ts';
import { parseEvaluationCaseLine } from './domain/request-parsing.ts';
import { triageRequest } from './domain/triage-engine.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SHARED_DIR = process.env.HAMLET_SHARED_DIR ?? join(REPO_ROOT, '..', 'shared');
const SEMIGRAN = join(SHARED_DIR, 'benchmarks/triage/semigran45.jsonl');

function loadCases(file: string): EvaluationCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      const parsed = parseEvaluationCaseLine(l);
      if (!parsed.ok) throw new Error(`${file}:${i + 1}: ${parsed.error}`);
      return parsed.value;
    });
}

function run(cases: EvaluationCase[]) {
  return evaluate(
    cases,
    cases.map((c) => ({ id: c.id, disposition: triageRequest(c).disposition })),
  );
}

describe('Hamlet open set', () => {
  const cases = loadCases(join(REPO_ROOT, 'eval/triage/hamlet-open-set.jsonl'));

  it('has at least 120 cases covering every level', () => {
    expect(cases.length).toBeGreaterThanOrEqual(120);
    const report = run(cases);
    for (const level of ['emergency', 'urgent', 'routine', 'self_care'] as const) {
      expect(report.perLevel[level].cases, level).toBeGreaterThanOrEqual(20);
    }
  });

  it('passes the go-live gate: emergency sensitivity 100%, under-triage ≤ 3%, accuracy ≥ 85%', () => {
    const report = run(cases);
    expect(report.emergency.accuracy).toBe(1);
    expect(report.underTriage.rate).toBeLessThanOrEqual(0.03);
    expect(report.accuracy).toBeGreaterThanOrEqual(0.85);
    expect(assessGoLive(report)).toEqual({ allowed: true, failures: [] });
  });

  it('a second check set, written after the first rule draft, stays safe', () => {
    const report = run(loadCases(join(REPO_ROOT, 'eval/triage/hamlet-fresh-check.jsonl')));
    expect(report.emergency.accuracy).toBe(1);
    expect(report.underTriage.rate).toBeLessThanOrEqual(0.03);
  });
});

describe('Semigran 45 (BMJ 2015) vignettes', () => {
  const present = existsSync(SEMIGRAN);
  const skip = !present && !process.env.CI;
  it.skipIf(skip)(
    `emergency sensitivity ≥ 90% and accuracy ≥ 70% (${present ? SEMIGRAN : `skipped: ${SEMIGRAN} not found; set HAMLET_SHARED_DIR`})`,
    () => {
      expect(present, `${SEMIGRAN} is missing (required when CI is set)`).toBe(true);
      const report = run(loadCases(SEMIGRAN));
      expect(report.total).toBe(45);
      expect(report.emergency.accuracy).toBeGreaterThanOrEqual(0.9);
      expect(report.accuracy).toBeGreaterThanOrEqual(0.7);
    },
  );
});
