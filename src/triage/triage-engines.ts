// The pluggable engine interface: the rules engine, the LLM engine and any test fake all implement it, so the
// same evaluation and go-live gate judge each one.
import type { RuleSet } from './domain/rule-matcher.ts';
import { DEFAULT_RULE_SET, triageRequest } from './domain/triage-engine.ts';
import type { TriageInput, TriageOutcome } from './domain/triage-types.ts';

export interface TriageEngine {
  id: string;
  version: string;
  triage(input: TriageInput): Promise<TriageOutcome>;
}

export function createRulesEngine(ruleSet: RuleSet = DEFAULT_RULE_SET): TriageEngine {
  return {
    id: 'rules',
    version: ruleSet.version,
    triage: async (input) => triageRequest(input, ruleSet),
  };
}
