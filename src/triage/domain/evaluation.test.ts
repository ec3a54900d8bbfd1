import { describe, expect, it } from 'vitest';
import type { EvaluationCase } from './evaluation.ts';
import { evaluate, lowestAcceptable } from './evaluation.ts';

const c = (id: string, acceptable: EvaluationCase['acceptable']): EvaluationCase => ({
  id,
  age: 40,
  sex: 'female',
  text: id,
  acceptable,
});

const CASES = [
  c('e1', ['emergency']),
  c('e2', ['emergency']),
  c('u1', ['urgent', 'emergency']),
  c('r1', ['routine', 'urgent']),
  c('s1', ['self_care']),
];

describe('evaluate', () => {
  it('computes accuracy, sensitivity, under- and over-triage and the confusion matrix', () => {
    const report = evaluate(CASES, [
      { id: 'e1', disposition: 'emergency' },
      { id: 'e2', disposition: 'urgent' }, // under
      { id: 'u1', disposition: 'emergency' }, // acceptable
      { id: 'r1', disposition: 'self_care' }, // under
      { id: 's1', disposition: 'routine' }, // over
    ]);
    expect(report.correct).toBe(2);
    expect(report.accuracy).toBeCloseTo(0.4);
    expect(report.emergency).toEqual({ cases: 2, correct: 1, accuracy: 0.5 });
    expect(report.underTriage).toEqual({ count: 2, rate: 0.4 });
    expect(report.overTriage).toEqual({ count: 1, rate: 0.2 });
    expect(report.perLevel.urgent).toEqual({ cases: 1, correct: 1, accuracy: 1 });
    expect(report.perLevel.routine).toEqual({ cases: 1, correct: 0, accuracy: 0 });
    expect(report.confusion.emergency).toEqual({ emergency: 1, urgent: 1, routine: 0, self_care: 0 });
    expect(report.confusion.routine.self_care).toBe(1);
    expect(report.misses.map((m) => `${m.id}:${m.direction}`)).toEqual(['e2:under', 'r1:under', 's1:over']);
  });

  it('a level without cases has no accuracy rather than a made-up one', () => {
    const report = evaluate([c('s1', ['self_care'])], [{ id: 's1', disposition: 'self_care' }]);
    expect(report.perLevel.emergency.accuracy).toBeNull();
    expect(report.emergency.accuracy).toBeNull();
  });

  it('refuses a missing result or an empty set', () => {
    expect(() => evaluate(CASES, [])).toThrow(/no result for case e1/);
    expect(() => evaluate([], [])).toThrow(/no cases/);
  });

  it('lowest acceptable level is the safety threshold', () => {
    expect(lowestAcceptable(['emergency', 'urgent'])).toBe('urgent');
    expect(lowestAcceptable(['routine', 'self_care', 'urgent'])).toBe('self_care');
  });
});
