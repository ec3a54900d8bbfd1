// A&E: import extracts (text/csv), see batches with every rejected row, attendances per 1,000 over time,
// and a difference-in-differences estimate for units that started a hub or other change.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../server/services.ts';
import type { RouteAccess } from '../server/fastify-types.ts';
import { PERIODS, type Period } from './domain/periods.ts';
import { AE_OUTCOMES, type AeOutcome } from './ae-import.service.ts';
import { checkUnitQuery, errorResponse, open, unitQueryProperties, type UnitQuery } from './insights-schemas.ts';
import { invalidInput } from '../shared/errors.ts';

/** A year of the whole borough's attendances is a few megabytes. */
const CSV_BODY_LIMIT = 64 * 1024 * 1024;
const IMPORTERS = ['commissioner', 'admin'] as const;

interface Options {
  tags: string[];
  access: { access: RouteAccess };
}

export function registerAeRoutes(app: FastifyInstance, services: Pick<Services, 'insights' | 'audit'>, { tags, access }: Options): void {
  const { summaries: insights, ae } = services.insights;
  if (!app.hasContentTypeParser('text/csv')) {
    app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: CSV_BODY_LIMIT }, (_request, body, done) => done(null, body));
  }
  const batchSchema = open({
    id: { type: 'integer' }, filename: { type: 'string' }, importedAt: { type: 'string' }, rowsTotal: { type: 'integer' }, rowsImported: { type: 'integer' },
    rowsRejected: { type: 'integer' }, rowsLinked: { type: 'integer' },
    rejections: { type: 'array', items: { type: 'object', properties: { line: { type: 'integer' }, field: { type: 'string' }, reason: { type: 'string' } } } },
  });

  app.post<{ Body: string; Querystring: { filename?: string } }>('/api/insights/ae-imports', {
    config: { access: IMPORTERS },
    bodyLimit: CSV_BODY_LIMIT,
    schema: {
      tags, summary: 'Import an A&E attendance extract (text/csv: nhs_number, arrival_time, department_type, referral_source, discharge_outcome)',
      description: 'Bad rows are stored on the batch with line, field and reason; good rows are linked to registered patients by NHS number.',
      querystring: { type: 'object', properties: { filename: { type: 'string', maxLength: 200 } }, additionalProperties: false },
      response: { 201: batchSchema, 400: errorResponse, 415: errorResponse },
    },
  }, async (request, reply) => {
    if (typeof request.body !== 'string' || request.body.trim() === '') throw invalidInput('body', 'send the extract as text/csv');
    const batch = await ae.importCsv(request.body, request.query.filename ?? 'upload.csv');
    await services.audit.record(services.insights.db, request.actor!, { action: 'ae_import.create', resourceType: 'ae_import_batch', resourceId: batch.id,
      details: { rowsImported: batch.rowsImported, rowsRejected: batch.rowsRejected } });
    return reply.status(201).send(batch);
  });

  app.get('/api/insights/ae-imports', {
    config: { access: IMPORTERS },
    schema: { tags, summary: 'A&E import batches, newest first' },
  }, async () => ae.batches());

  app.get<{ Params: { id: number } }>('/api/insights/ae-imports/:id', {
    config: { access: IMPORTERS },
    schema: { tags, summary: 'One A&E import batch with every rejected row', params: { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] },
      response: { 200: batchSchema, 404: errorResponse } },
  }, async (request) => ae.batch(request.params.id));

  app.get<{ Querystring: UnitQuery & { period?: Period } }>('/api/insights/ae', {
    config: access,
    schema: { tags, summary: 'A&E attendances per 1,000 registered patients per period: all, minor, self-referred, discharged, in and out of GP hours',
      querystring: { type: 'object', properties: { ...unitQueryProperties, period: { type: 'string', enum: [...PERIODS], default: 'month' } }, additionalProperties: false },
      response: { 400: errorResponse, 403: errorResponse, 404: errorResponse } },
  }, async (request) => {
    checkUnitQuery(request.query);
    const ctx = await insights.context(request.actor!, request.query);
    const period = request.query.period ?? 'month';
    return { level: ctx.unit.level, id: ctx.unit.id, name: ctx.unit.name, period, from: ctx.window.from, to: ctx.window.to, points: await ae.series(ctx, period) };
  });

  interface DidQuery { unit: 'practice' | 'pcn' | 'locality'; treated: string; start: string; period?: Period; outcome?: AeOutcome; from?: string; to?: string }
  app.get<{ Querystring: DidQuery }>('/api/insights/ae/did', {
    config: { access: IMPORTERS },
    schema: {
      tags, summary: 'Difference-in-differences: change in A&E attendances per 1,000 for units that started a hub or change, against the others',
      querystring: { type: 'object', additionalProperties: false, required: ['unit', 'treated', 'start'], properties: {
        unit: { type: 'string', enum: ['practice', 'pcn', 'locality'] }, treated: { type: 'string', pattern: '^[A-Za-z0-9]+(,[A-Za-z0-9]+)*$', description: 'Comma-separated codes' },
        start: unitQueryProperties.from, period: { type: 'string', enum: [...PERIODS], default: 'month' }, outcome: { type: 'string', enum: [...AE_OUTCOMES], default: 'all' },
        from: unitQueryProperties.from, to: unitQueryProperties.to } },
      response: { 400: errorResponse },
    },
  }, async (request) => {
    const q = request.query;
    checkUnitQuery({ from: q.from, to: q.to, start: q.start } as UnitQuery);
    const ctx = await insights.context(request.actor!, { level: 'borough', ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}) });
    const estimate = await ae.differenceInDifferences(ctx, { level: q.unit, treated: q.treated.split(','), start: q.start, period: q.period ?? 'month', outcome: q.outcome ?? 'all' });
    return { ...estimate, unit: q.unit, treated: q.treated.split(','), start: q.start, period: q.period ?? 'month', measure: 'attendances per 1,000 registered patients per period' };
  });
}
