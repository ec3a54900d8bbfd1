// The gate, exercised end to end with fake engines behind the TriageEngine interface.
import { describe, expect, it } from 'vitest';
import type { Disposition } from '../shared/domain/vocabulary.ts';
import type { EvaluationCase } from './domain/evaluation.ts';
import { evaluate } from './domain/evaluation.ts';
import { assessGoLive, DEFAULT_GO_LIVE_THRESHOLDS } from './domain/go-live-gate.ts';
import { triageRequest } from './domain/triage-engine.ts';
import type { TriageEngine } from './triage-engines.ts';

// 40 cases: 10 per level, each acceptable only at its own level.
const LEVELS: Disposition[] = ['emergency', 'urgent', 'routine', 'self_care'];
const CASES: EvaluationCase[] = LEVELS.flatMap((level) =>
  Array.from({ length: 10 }, (_, i) => ({
    id: `${level}-${i}`,
    age: 40,
    sex: 'male' as const,
    text: `${level}-${i}`,
    acceptable: [level],
  })),
);

/** A fake engine that answers each case's own level, except for the answers overridden by id. */
function fakeEngine(overrides: Record<string, Disposition> = {}): TriageEngine {
  return {
    id: 'fake',
    version: '0',
    async triage(input) {
      const [level] = input.text.split('-') as [Disposition];
      const base = triageRequest({ ...input, text: 'placeholder' });
      return { ...base, disposition: overrides[input.text] ?? level };
    },
  };
}

async function gateFor(engine: TriageEngine) {
  const results = await Promise.all(
    CASES.map(async (c) => ({ id: c.id, disposition: (await engine.triage(c)).disposition })),
  );
  return assessGoLive(evaluate(CASES, results));
}

describe('go-live gate', () => {
  it('allows an engine that meets every threshold', async () => {
    // 4 over-triage errors: accuracy 90%, no under-triage.
    const decision = await gateFor(
      fakeEngine({
        'self_care-0': 'routine',
        'self_care-1': 'routine',
        'routine-0': 'urgent',
        'urgent-0': 'emergency',
      }),
    );
    expect(decision).toEqual({ allowed: true, failures: [] });
  });

  it('blocks an engine that misses a single emergency', async () => {
    const decision = await gateFor(fakeEngine({ 'emergency-3': 'urgent' }));
    expect(decision.allowed).toBe(false);
    expect(decision.failures).toEqual(['emergency sensitivity 90.0% is below 100.0%']);
  });

  it('blocks an engine that under-triages more than 3%', async () => {
    const decision = await gateFor(fakeEngine({ 'routine-1': 'self_care', 'urgent-1': 'routine' }));
    expect(decision.allowed).toBe(false);
    expect(decision.failures).toEqual(['under-triage 5.0% is above 3.0%']);
  });

  it('blocks an engine below 85% accuracy even when it only over-triages', async () => {
    const overrides = Object.fromEntries(
      ['self_care-0', 'self_care-1', 'self_care-2', 'self_care-3', 'routine-0', 'routine-1', 'routine-2'].map((id) => [
        id,
        'urgent' as Disposition,
      ]),
    );
    const decision = await gateFor(fakeEngine(overrides));
    expect(decision.allowed).toBe(false);
    expect(decision.failures).toEqual(['accuracy 82.5% is below 85.0%']);
  });

  it('cannot pass a set with no emergencies to measure', () => {
    const only = [CASES[39] as EvaluationCase];
    const decision = assessGoLive(evaluate(only, [{ id: only[0]!.id, disposition: 'self_care' }]));
    expect(decision.failures[0]).toMatch(/no emergency-only cases/);
  });

  it('has the thresholds from the brief', () => {
    expect(DEFAULT_GO_LIVE_THRESHOLDS).toEqual({
      minEmergencySensitivity: 1,
      maxUnderTriageRate: 0.03,
      minAccuracy: 0.85,
    });
  });
});
