// The rules engine: a pure function from a request to a disposition. Every rule that fires is reported with
// the words that fired it; the most urgent one decides, so nothing can lower a red flag.
import type { CareService, Disposition } from '../../shared/domain/vocabulary.ts';
import { chooseCareLane } from './care-lane.ts';
import { readFindings } from './findings.ts';
import { modesFor, safetyNettingFor, TIME_WINDOWS } from './outcome-presentation.ts';
import type { RuleSet } from './rule-matcher.ts';
import { compileRuleSet, fireRule } from './rule-matcher.ts';
import { RULES_VERSION, SAFETY_QUESTIONS, TRIAGE_RULES } from './rules/index.ts';
import { readText } from './text-context.ts';
import type { NeedKind, SafetyQuestion, TriageInput, TriageOutcome, TriageReason } from './triage-types.ts';

/** Most urgent first. */
export const DISPOSITION_RANK = { emergency: 3, urgent: 2, routine: 1, self_care: 0 } as const satisfies Record<
  Disposition,
  number
>;

interface Fired {
  ruleId: string;
  disposition: Disposition;
  service: CareService;
  needKind: NeedKind;
  summary: string;
  quote: string;
  /** Lower wins ties within a level: strong medical, admin, social, then supporting evidence. */
  tieRank: number;
  continuity: boolean;
  asks: readonly string[];
}

export const DEFAULT_RULE_SET: RuleSet = compileRuleSet(TRIAGE_RULES, SAFETY_QUESTIONS, RULES_VERSION);

// An explicit admin request (a letter, a form) names the job to do, so it outranks a social need at the same level.
const TIE_RANK: Record<NeedKind, number> = { medical: 0, admin: 1, social: 2 };
const SUPPORTING = 3;
const MENTAL_HEALTH_RULE = /suicid|mental|overdose/;

function firedRules(input: TriageInput, ruleSet: RuleSet): Fired[] {
  const model = readText(input.text, input.age);
  const { findings, longestDays } = readFindings(model, input.age);
  const ctx = { model, findings, age: input.age, sex: input.sex };
  const fired: Fired[] = [];
  for (const compiled of ruleSet.rules) {
    const quote = fireRule(compiled, ctx);
    if (quote === null) continue;
    const { rule } = compiled;
    const outlasted = rule.selfCareUpToDays !== undefined && longestDays > rule.selfCareUpToDays;
    fired.push({
      ruleId: rule.id,
      disposition: outlasted ? 'routine' : rule.disposition,
      service: outlasted ? 'first_available' : rule.service,
      needKind: rule.needKind,
      summary: outlasted
        ? `${rule.rationale}, but it has lasted longer than ${rule.selfCareUpToDays} days`
        : rule.rationale,
      quote,
      tieRank: rule.supporting ? SUPPORTING : TIE_RANK[rule.needKind],
      continuity: rule.continuity === true || outlasted,
      asks: rule.asks ?? [],
    });
  }
  return fired;
}

function answeredEscalations(input: TriageInput, ruleSet: RuleSet): Fired[] {
  return Object.entries(input.answers ?? {}).flatMap(([questionId, answer]) => {
    const question = ruleSet.questions.get(questionId);
    if (!question || answer === 'no') return [];
    const summary = `Answered "${answer}" to: ${question.text}${answer === 'unsure' ? ' (unsure counts as yes)' : ''}`;
    return [
      {
        ruleId: `question.${questionId}`,
        disposition: question.escalateTo,
        service: question.service,
        needKind: 'medical',
        summary,
        quote: answer,
        tieRank: 0,
        continuity: false,
        asks: [],
      } satisfies Fired,
    ];
  });
}

function byPriority(a: Fired, b: Fired): number {
  return DISPOSITION_RANK[b.disposition] - DISPOSITION_RANK[a.disposition] || a.tieRank - b.tieRank;
}

function defaultReason(text: string): Fired {
  return {
    ruleId: 'default.unclear',
    disposition: 'routine',
    service: 'first_available',
    needKind: 'medical',
    summary: 'No specific pattern recognised: a clinician reviews the request (never self-care by default)',
    quote: text.trim().slice(0, 80),
    tieRank: 0,
    continuity: false,
    asks: [],
  };
}

function nextQuestion(
  fired: readonly Fired[],
  input: TriageInput,
  ruleSet: RuleSet,
  top: Disposition,
): SafetyQuestion | null {
  for (const f of fired) {
    for (const id of f.asks) {
      const q = ruleSet.questions.get(id);
      if (q && input.answers?.[id] === undefined && DISPOSITION_RANK[q.escalateTo] > DISPOSITION_RANK[top]) {
        return { id: q.id, text: q.text, why: q.why };
      }
    }
  }
  return null;
}

function serviceFor(winner: Fired, input: TriageInput, ongoing: boolean): CareService {
  const clinicianLane = winner.service === 'first_available' || winner.service === 'own_clinician';
  if (winner.disposition === 'emergency' || !clinicianLane) return winner.service;
  return chooseCareLane({ disposition: winner.disposition, ongoingProblem: ongoing }, input.context).first;
}

export function triageRequest(input: TriageInput, ruleSet: RuleSet = DEFAULT_RULE_SET): TriageOutcome {
  const all = [...firedRules(input, ruleSet), ...answeredEscalations(input, ruleSet)];
  // Supporting evidence (a condition mentioned in passing) decides only when nothing else fired.
  const strong = all.filter((f) => f.tieRank < SUPPORTING);
  const matched = (strong.length > 0 ? strong : all).sort(byPriority);
  const fired = matched.length > 0 ? matched : [defaultReason(input.text)];
  const winner = fired[0] as Fired;
  const service = serviceFor(
    winner,
    input,
    fired.some((f) => f.continuity),
  );
  const reasons: TriageReason[] = fired.map((f) => ({ ruleId: f.ruleId, summary: f.summary, quote: f.quote }));
  return {
    disposition: winner.disposition,
    service,
    timeWindow: TIME_WINDOWS[service],
    modes: modesFor(service, input.context?.frail === true),
    reasons,
    safetyNetting: safetyNettingFor(winner.disposition, service, {
      child: input.age < 16,
      mentalHealth: fired.some((f) => MENTAL_HEALTH_RULE.test(f.ruleId)),
    }),
    nextQuestion: nextQuestion(fired, input, ruleSet, winner.disposition),
    needKind: winner.needKind,
    rulesVersion: ruleSet.version,
  };
}
