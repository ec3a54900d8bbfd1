import { describe, expect, it } from 'vitest';
import { chooseCareLane } from './care-lane.ts';

describe('continuity versus convenience lane', () => {
  const newProblem = { disposition: 'routine', ongoingProblem: false } as const;

  it('a generally well person with a new problem goes to the first available clinician', () => {
    const lane = chooseCareLane(newProblem, {});
    expect(lane.first).toBe('first_available');
    expect(lane.alternative).toBe('own_clinician');
  });

  it.each([
    ['long-term conditions', { longTermConditions: ['diabetes', 'ckd'] }],
    ['frailty', { frail: true }],
    ['serious mental illness', { severeMentalIllness: true }],
  ])('%s put their own clinician first, with first available still offered', (_label, context) => {
    const lane = chooseCareLane(newProblem, context);
    expect(lane.first).toBe('own_clinician');
    expect(lane.alternative).toBe('first_available');
  });

  it('an ongoing or complex problem puts their own clinician first', () => {
    expect(chooseCareLane({ disposition: 'urgent', ongoingProblem: true }).first).toBe('own_clinician');
  });

  it('without a usual clinician, continuity means the named accountable GP', () => {
    const lane = chooseCareLane(newProblem, { frail: true, hasUsualClinician: false });
    expect(lane.first).toBe('own_clinician');
    expect(lane.reasons.join(' ')).toMatch(/named accountable GP/);
  });

  it('refuses emergencies, which go to 999', () => {
    expect(() => chooseCareLane({ disposition: 'emergency' as 'urgent', ongoingProblem: false })).toThrow(RangeError);
  });

  it('the two options are always different, so both stay available', () => {
    for (const context of [{}, { frail: true }]) {
      const lane = chooseCareLane(newProblem, context);
      expect(lane.first).not.toBe(lane.alternative);
    }
  });
});
