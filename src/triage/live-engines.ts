// Builds the engine registry a server runs with: the rules engine (live by default), the LLM engine when
// HAMLET_TRIAGE_LLM_URL and _MODEL are set, and the open set every engine is judged on.
import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { HamletConfig } from '../config.ts';
import type { Database } from '../db/schema.ts';
import type { AuditTrail } from '../trust/audit-trail.ts';
import type { EvaluationCase } from './domain/evaluation.ts';
import { parseEvaluationCaseLine } from './domain/request-parsing.ts';
import { createTriageEngineRegistry, type TriageEngineRegistry } from './engine-registry.ts';
import { createLlmEngine } from './llm-engine.ts';
import { createRulesEngine } from './triage-engines.ts';

export const OPEN_SET_NAME = 'eval/triage/hamlet-open-set.jsonl';
const OPEN_SET_URL = new URL('../../eval/triage/hamlet-open-set.jsonl', import.meta.url);

export async function loadOpenSet(): Promise<EvaluationCase[]> {
  const lines = (await readFile(OPEN_SET_URL, 'utf8')).split('\n').filter((line) => line.trim() !== '');
  return lines.map((line, index) => {
    const parsed = parseEvaluationCaseLine(line);
    if (!parsed.ok) throw new Error(`${OPEN_SET_NAME} line ${index + 1}: ${parsed.error}`);
    return parsed.value;
  });
}

export function createLiveEngines(deps: { db: Kysely<Database>; clock: { now(): Date }; audit: AuditTrail; config: HamletConfig }): TriageEngineRegistry {
  const rules = createRulesEngine();
  const registry = createTriageEngineRegistry({ ...deps, defaultEngine: rules, evaluationSet: { name: OPEN_SET_NAME, load: loadOpenSet } });
  const { triageLlmUrl, triageLlmModel, triageLlmApiKey } = deps.config;
  if (triageLlmUrl && triageLlmModel) {
    registry.register(createLlmEngine({ baseUrl: triageLlmUrl, model: triageLlmModel, ...(triageLlmApiKey ? { apiKey: triageLlmApiKey } : {}), fetch, rules }));
  }
  return registry;
}
