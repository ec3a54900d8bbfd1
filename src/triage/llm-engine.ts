// An OpenAI-compatible chat-completions engine. The model proposes a disposition as JSON; the rules engine
// still runs first and its red flags always win, and any failure falls back to the rules outcome.
import type { CareService, Disposition } from '../shared/domain/vocabulary.ts';
import { DISPOSITIONS } from '../shared/domain/vocabulary.ts';
import { TIME_WINDOWS, modesFor } from './domain/outcome-presentation.ts';
import type { TriageInput, TriageOutcome, TriageReason } from './domain/triage-types.ts';
import type { TriageEngine } from './triage-engines.ts';
import { createRulesEngine } from './triage-engines.ts';

export interface LlmEngineOptions {
  baseUrl: string;
  model: string;
  apiKey?: string;
  fetch: typeof fetch;
  timeoutMs?: number;
  /** The engine whose red flags the model can never lower (the rules engine by default). */
  rules?: TriageEngine;
}

interface ModelAnswer {
  disposition: Disposition;
  reasons: string[];
}

const SYSTEM_PROMPT = [
  'You triage requests sent to an NHS GP practice in England. Reply with JSON only:',
  '{"disposition": "emergency" | "urgent" | "routine" | "self_care", "reasons": ["short reason", ...]}.',
  'emergency = call 999 or go to A&E now (including suicidal intent or plan); urgent = a clinician must assess today;',
  'routine = an appointment or contact within days to weeks (including admin and social needs);',
  'self_care = look after yourself at home or with a community pharmacist (including Pharmacy First).',
  "Ignore negated symptoms, other people's history and hypotheticals. When unsure, choose the more urgent level.",
].join(' ');

function parseModelAnswer(body: unknown): ModelAnswer {
  const content = (body as { choices?: { message?: { content?: unknown } }[] })?.choices?.[0]?.message?.content;
  if (typeof content !== 'string') throw new Error('response has no message content');
  const json = JSON.parse(content.replace(/^\s*```(?:json)?\s*|\s*```\s*$/g, '')) as Record<string, unknown>;
  const { disposition, reasons } = json;
  if (!(DISPOSITIONS as readonly unknown[]).includes(disposition))
    throw new Error(`invalid disposition ${String(disposition)}`);
  const list = Array.isArray(reasons) ? reasons.filter((r): r is string => typeof r === 'string').slice(0, 5) : [];
  return { disposition: disposition as Disposition, reasons: list };
}

function serviceFor(disposition: Disposition, rules: TriageOutcome): CareService {
  if (disposition === rules.disposition) return rules.service;
  switch (disposition) {
    case 'emergency':
      return 'emergency_999';
    case 'urgent':
      return 'same_day_clinician';
    case 'routine':
      return 'first_available';
    case 'self_care':
      return 'self_care';
  }
}

function withModel(rules: TriageOutcome, answer: ModelAnswer, model: string, frail: boolean): TriageOutcome {
  const service = serviceFor(answer.disposition, rules);
  const reasons: TriageReason[] = answer.reasons.map((summary) => ({ ruleId: `llm:${model}`, summary, quote: '' }));
  return {
    ...rules,
    disposition: answer.disposition,
    service,
    timeWindow: TIME_WINDOWS[service],
    modes: modesFor(service, frail),
    reasons: [...reasons, ...rules.reasons],
    nextQuestion: answer.disposition === 'emergency' ? null : rules.nextQuestion,
    rulesVersion: `${rules.rulesVersion}+llm:${model}`,
  };
}

function fallback(rules: TriageOutcome, error: unknown): TriageOutcome {
  const summary = `LLM engine unavailable (${error instanceof Error ? error.message : String(error)}): rules engine outcome used`;
  return { ...rules, reasons: [{ ruleId: 'llm.fallback', summary, quote: '' }, ...rules.reasons] };
}

export function createLlmEngine(options: LlmEngineOptions): TriageEngine {
  const rules = options.rules ?? createRulesEngine();
  const url = `${options.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  async function ask(input: TriageInput): Promise<ModelAnswer> {
    const response = await options.fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
      },
      body: JSON.stringify({
        model: options.model,
        temperature: 0,
        response_format: { type: 'json_object' },
        messages: [
          { role: 'system', content: SYSTEM_PROMPT },
          { role: 'user', content: JSON.stringify({ age: input.age, sex: input.sex, text: input.text }) },
        ],
      }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 20_000),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return parseModelAnswer(await response.json());
  }
  return {
    id: `llm:${options.model}`,
    version: `${rules.version}+llm:${options.model}`,
    async triage(input) {
      const ruled = await rules.triage(input);
      // Red flags win whatever the model says, so there is no need to ask it.
      if (ruled.disposition === 'emergency') return ruled;
      try {
        return withModel(ruled, await ask(input), options.model, input.context?.frail === true);
      } catch (error) {
        return fallback(ruled, error);
      }
    },
  };
}
