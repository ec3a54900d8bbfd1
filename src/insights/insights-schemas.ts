// JSON schemas shared by the insights routes (they validate queries and document the API in OpenAPI).
import { LEVELS, METRIC_IDS } from './domain/metrics.ts';
import { PERIODS } from './domain/periods.ts';
import { checkWindow } from './domain/periods.ts';
import { isIsoDate } from './domain/csv.ts';
import { invalidInput } from '../shared/errors.ts';
import type { Level, MetricId } from './domain/metrics.ts';
import type { Period } from './domain/periods.ts';

const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'London calendar date YYYY-MM-DD' } as const;

export const unitQueryProperties = {
  level: { type: 'string', enum: [...LEVELS], description: 'Omit for your own unit (commissioners: the borough)' },
  id: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,20}$', description: 'Practice, PCN, locality or hub code (not needed for the borough)' },
  from: { ...DATE, description: 'First day of the window (default: a year before today)' },
  to: { ...DATE, description: 'Last day of the window (default: yesterday)' },
} as const;

export interface UnitQuery {
  level?: Level;
  id?: string;
  from?: string;
  to?: string;
}

export const metricQueryProperties = {
  ...unitQueryProperties,
  metric: { type: 'string', enum: METRIC_IDS },
  period: { type: 'string', enum: [...PERIODS], default: 'week' },
} as const;

export interface MetricQuery extends UnitQuery {
  metric: MetricId;
  period?: Period;
}

export const spcQueryProperties = {
  ...metricQueryProperties,
  rebase: { type: 'string', pattern: '^(\\d{4}-\\d{2}-\\d{2})(,\\d{4}-\\d{2}-\\d{2})*$', description: 'Comma-separated dates that start new limits' },
  screenOutliers: { type: 'boolean', default: false, description: 'Screen moving ranges (NHSRplotthedots) before the limits' },
  target: { type: 'number', description: 'Override the measure\'s target (assurance icon)' },
} as const;

export interface SpcQuery extends MetricQuery {
  rebase?: string;
  screenOutliers?: boolean;
  target?: number;
}

/** Window dates must be real and in order; a level other than the borough needs an id. */
export function checkUnitQuery(query: UnitQuery): void {
  for (const field of ['from', 'to'] as const) {
    const value = query[field];
    if (value !== undefined && !isIsoDate(value)) throw invalidInput(field, `${value} is not a calendar date`);
  }
  if (query.from && query.to) {
    try {
      checkWindow({ from: query.from, to: query.to });
    } catch (error) {
      const [field, reason] = (error as Error).message.split(': ');
      throw invalidInput(field ?? 'from', reason ?? 'is not valid');
    }
  }
  if (query.level && query.level !== 'borough' && !query.id) throw invalidInput('id', `a ${query.level} needs its id`);
}

export const errorResponse = { $ref: 'InsightsError#' } as const;
export const insightsErrorSchema = {
  $id: 'InsightsError',
  type: 'object',
  properties: { error: { type: 'object', additionalProperties: true, properties: { code: { type: 'string' }, message: { type: 'string' } } } },
} as const;

/** Objects documented by their main fields; anything else is passed through (charts read more). */
export const open = (properties: Record<string, unknown>) => ({ type: 'object', additionalProperties: true, properties }) as const;

export const cellSchema = { anyOf: [{ type: 'number' }, { type: 'string', enum: ['*'] }, { type: 'null' }], description: 'A count or value; "*" when suppressed (1–7)' } as const;
