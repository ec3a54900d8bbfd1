// Validates one JSON line of a triage request or an evaluation case. Returns an error message, never throws,
// so a batch can report a bad line and carry on.
import type { Disposition, Sex } from '../../shared/domain/vocabulary.ts';
import { DISPOSITIONS, SEXES } from '../../shared/domain/vocabulary.ts';
import type { EvaluationCase } from './evaluation.ts';

export interface TriageRequestLine {
  id: string;
  age: number;
  sex: Sex;
  text: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const MAX_AGE = 125;

function parseObject(line: string): Parsed<Record<string, unknown>> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { ok: false, error: 'not valid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, error: 'not a JSON object' };
  return { ok: true, value: value as Record<string, unknown> };
}

export function parseTriageRequestLine(line: string): Parsed<TriageRequestLine> {
  const parsed = parseObject(line);
  if (!parsed.ok) return parsed;
  const { id, age, sex, text } = parsed.value;
  if (typeof id !== 'string' && typeof id !== 'number') return { ok: false, error: '"id" must be a string or number' };
  if (typeof age !== 'number' || !Number.isFinite(age) || age < 0 || age > MAX_AGE) {
    return { ok: false, error: `"age" must be a number of years from 0 to ${MAX_AGE}` };
  }
  if (typeof sex !== 'string' || !(SEXES as readonly string[]).includes(sex)) {
    return { ok: false, error: `"sex" must be one of ${SEXES.join(', ')}` };
  }
  if (typeof text !== 'string' || text.trim() === '') return { ok: false, error: '"text" must be a non-empty string' };
  return { ok: true, value: { id: String(id), age, sex: sex as Sex, text } };
}

export function parseEvaluationCaseLine(line: string): Parsed<EvaluationCase> {
  const request = parseTriageRequestLine(line);
  if (!request.ok) return request;
  const { acceptable, justification } = JSON.parse(line) as Record<string, unknown>;
  const valid =
    Array.isArray(acceptable) &&
    acceptable.length > 0 &&
    acceptable.every((d) => (DISPOSITIONS as readonly unknown[]).includes(d));
  if (!valid) return { ok: false, error: `"acceptable" must be a non-empty list of ${DISPOSITIONS.join(', ')}` };
  return {
    ok: true,
    value: {
      ...request.value,
      acceptable: acceptable as Disposition[],
      ...(typeof justification === 'string' ? { justification } : {}),
    },
  };
}
