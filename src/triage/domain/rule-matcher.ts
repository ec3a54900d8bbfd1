// Compiles the rule tables once (one regex per signal) and finds which rules an input fires.
import type { Sex } from '../../shared/domain/vocabulary.ts';
import type { Finding, FindingId, Population, SafetyQuestionRule, Signal, TriageRule } from './triage-types.ts';
import type { TextModel } from './text-context.ts';
import { findMatches } from './text-context.ts';

interface CompiledSignal {
  regex: RegExp | null;
  findings: ReadonlySet<FindingId>;
}

export interface CompiledRule {
  rule: TriageRule;
  when: CompiledSignal;
  also: CompiledSignal[];
  unless: CompiledSignal | null;
}

export interface RuleSet {
  version: string;
  rules: readonly CompiledRule[];
  questions: ReadonlyMap<string, SafetyQuestionRule>;
}

export interface MatchContext {
  model: TextModel;
  findings: readonly Finding[];
  age: number;
  sex: Sex;
}

function compileSignal(signal: Signal, ruleId: string): CompiledSignal {
  const sources = signal.patterns ?? [];
  let regex: RegExp | null = null;
  try {
    regex = sources.length ? new RegExp(sources.map((s) => `(?:${s})`).join('|'), 'gi') : null;
  } catch (error) {
    throw new Error(`triage rule ${ruleId}: invalid pattern: ${(error as Error).message}`);
  }
  return { regex, findings: new Set(signal.findings ?? []) };
}

export function compileRuleSet(
  rules: readonly TriageRule[],
  questions: readonly SafetyQuestionRule[],
  version: string,
): RuleSet {
  const ids = new Set<string>();
  for (const rule of rules) {
    if (ids.has(rule.id)) throw new Error(`triage rule ${rule.id}: duplicate id`);
    ids.add(rule.id);
    for (const asked of rule.asks ?? []) {
      if (!questions.some((q) => q.id === asked)) throw new Error(`triage rule ${rule.id}: unknown question ${asked}`);
    }
  }
  return {
    version,
    rules: rules.map((rule) => ({
      rule,
      when: compileSignal(rule.when, rule.id),
      also: (rule.also ?? []).map((s) => compileSignal(s, rule.id)),
      unless: rule.unless ? compileSignal(rule.unless, rule.id) : null,
    })),
    questions: new Map(questions.map((q) => [q.id, q])),
  };
}

export function inPopulation(population: Population, age: number, sex: Sex): boolean {
  if (population.sex !== undefined && population.sex !== sex) return false;
  if (population.minAge !== undefined && age < population.minAge) return false;
  return population.belowAge === undefined || age < population.belowAge;
}

/** The quote of the first asserted match of a signal, or null when it does not match. */
function matchSignal(signal: CompiledSignal, ctx: MatchContext, countHypothetical: boolean): string | null {
  if (signal.regex) {
    for (const match of findMatches(ctx.model, signal.regex)) {
      if (match.assertion === 'asserted' || (countHypothetical && match.assertion === 'hypothetical')) {
        return match.quote;
      }
    }
  }
  const finding = ctx.findings.find((f) => signal.findings.has(f.id));
  return finding ? finding.quote : null;
}

/** The quote that fires the rule, or null when it does not apply to this patient and text. */
export function fireRule(compiled: CompiledRule, ctx: MatchContext): string | null {
  const { rule } = compiled;
  if (rule.who && !inPopulation(rule.who, ctx.age, ctx.sex)) return null;
  if (rule.notWho && inPopulation(rule.notWho, ctx.age, ctx.sex)) return null;
  const hypothetical = rule.countHypothetical === true;
  const quote = matchSignal(compiled.when, ctx, hypothetical);
  if (quote === null) return null;
  if (compiled.also.some((s) => matchSignal(s, ctx, hypothetical) === null)) return null;
  if (compiled.unless && matchSignal(compiled.unless, ctx, false) !== null) return null;
  return quote;
}
