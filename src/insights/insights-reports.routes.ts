// Report endpoints: appointment breakdowns, booking lead times, hub utilisation, enhanced access,
// continuity, triage, inequalities and the GPAD extract. All counts of 1–7 come back as "*".
import type { FastifyInstance } from 'fastify';
import type { Services } from '../server/services.ts';
import type { RouteAccess } from '../server/fastify-types.ts';
import { BREAKDOWNS, type Breakdown } from './insights-reports.repository.ts';
import { EQUITY_DIMENSIONS, type EquityDimension } from './domain/equity.ts';
import { PERIODS, type Period } from './domain/periods.ts';
import { gpadCsv } from './domain/gpad.ts';
import { formatCsv } from './domain/csv.ts';
import { invalidInput } from '../shared/errors.ts';
import { checkUnitQuery, errorResponse, type UnitQuery } from './insights-schemas.ts';

interface Options {
  tags: string[];
  access: { access: RouteAccess };
  unitQueryProperties: Record<string, unknown>;
}

const LEVEL_HUB_OR_ABOVE = ['hub', 'locality', 'pcn', 'practice', 'borough'];

export function registerInsightsReportRoutes(app: FastifyInstance, services: Pick<Services, 'insights'>, { tags, access, unitQueryProperties }: Options): void {
  const { summaries: insights, reports } = services.insights;
  const query = (extra: Record<string, unknown> = {}, required: string[] = []) =>
    ({ type: 'object', properties: { ...unitQueryProperties, ...extra }, required, additionalProperties: false }) as const;
  const responses = { 400: errorResponse, 403: errorResponse, 404: errorResponse };
  const meta = (ctx: Awaited<ReturnType<typeof insights.context>>) =>
    ({ level: ctx.unit.level, id: ctx.unit.id, name: ctx.unit.name, from: ctx.window.from, to: ctx.window.to, refreshedAt: ctx.refreshedAt.toISOString() });

  app.get<{ Querystring: UnitQuery & { by: Breakdown; period?: Period } }>('/api/insights/appointments', {
    config: access,
    schema: { tags, summary: 'Appointments per week or month by mode, HCP role, status, national category or service setting',
      querystring: query({ by: { type: 'string', enum: [...BREAKDOWNS] }, period: { type: 'string', enum: [...PERIODS], default: 'week' } }, ['by']), response: responses },
  }, async (request) => {
    checkUnitQuery(request.query);
    const ctx = await insights.context(request.actor!, request.query);
    return { ...meta(ctx), ...(await reports.appointments(ctx, request.query.by, request.query.period ?? 'week')) };
  });

  app.get<{ Querystring: UnitQuery }>('/api/insights/booking-lead', {
    config: access,
    schema: { tags, summary: 'Days from booking to appointment: GPAD bands, distribution by day and median', querystring: query(), response: responses },
  }, async (request) => {
    checkUnitQuery(request.query);
    const ctx = await insights.context(request.actor!, request.query);
    return { ...meta(ctx), ...(await reports.bookingLead(ctx)) };
  });

  app.get<{ Querystring: UnitQuery }>('/api/insights/hub-utilisation', {
    config: access,
    schema: { tags, summary: 'Hub slots offered, booked and attended by day of week', querystring: query(), response: responses },
  }, async (request) => {
    checkUnitQuery(request.query);
    if (request.query.level && !LEVEL_HUB_OR_ABOVE.includes(request.query.level)) throw invalidInput('level', 'not a unit with hubs');
    const ctx = await insights.context(request.actor!, request.query);
    return { ...meta(ctx), weekdays: await reports.hubUtilisation(ctx) };
  });

  app.get<{ Querystring: UnitQuery }>('/api/insights/enhanced-access', {
    config: access,
    schema: { tags, summary: 'Enhanced-access minutes offered per 1,000 patients per week against the DES requirement (60)', querystring: query(), response: responses },
  }, async (request) => {
    checkUnitQuery(request.query);
    const ctx = await insights.context(request.actor!, request.query);
    return { ...meta(ctx), weeks: await reports.enhancedAccess(ctx) };
  });

  app.get<{ Querystring: UnitQuery }>('/api/insights/continuity', {
    config: access,
    schema: { tags, summary: 'Continuity: UPC, COC, SECON, MMCI per patient summarised; SLICC and own-patient ratio per named GP', querystring: query(), response: responses },
  }, async (request) => {
    checkUnitQuery(request.query);
    const ctx = await insights.context(request.actor!, request.query);
    return { ...meta(ctx), ...(await reports.continuity(ctx)) };
  });

  app.get<{ Querystring: UnitQuery }>('/api/insights/triage', {
    config: access,
    schema: { tags, summary: 'Triage dispositions, staff overrides and time from request to first clinical contact', querystring: query(), response: responses },
  }, async (request) => {
    checkUnitQuery(request.query);
    const ctx = await insights.context(request.actor!, request.query);
    return { ...meta(ctx), ...(await reports.triage(ctx)) };
  });

  const inequalitiesQuery = query({ dimension: { type: 'string', enum: [...EQUITY_DIMENSIONS] } }, ['dimension']);
  app.get<{ Querystring: UnitQuery & { dimension: EquityDimension } }>('/api/insights/inequalities', {
    config: access,
    schema: { tags, summary: 'Measures by deprivation quintile, ethnic group, age band, sex, language or need flag, with population denominators',
      querystring: inequalitiesQuery, response: responses },
  }, async (request) => {
    checkUnitQuery(request.query);
    const ctx = await insights.context(request.actor!, request.query);
    return { ...meta(ctx), dimension: request.query.dimension, rows: await reports.inequalities(ctx, request.query.dimension) };
  });

  app.get<{ Querystring: UnitQuery & { dimension: EquityDimension } }>('/api/insights/inequalities.csv', {
    config: access,
    schema: { tags, summary: 'The inequalities table as CSV', querystring: inequalitiesQuery },
  }, async (request, reply) => {
    checkUnitQuery(request.query);
    const ctx = await insights.context(request.actor!, request.query);
    const rows = await reports.inequalities(ctx, request.query.dimension);
    const columns = Object.keys(rows[0] ?? {});
    return reply.type('text/csv; charset=utf-8').send(formatCsv(columns, rows.map((r) => columns.map((c) => (r as Record<string, string | number | null>)[c] ?? null))));
  });

  app.get<{ Querystring: UnitQuery }>('/api/insights/gpad.csv', {
    config: access,
    schema: { tags, summary: 'GPAD-compatible extract: appointments per month and practice by status, HCP type, mode, booking lead band, category, setting',
      querystring: query() },
  }, async (request, reply) => {
    checkUnitQuery(request.query);
    const ctx = await insights.context(request.actor!, request.query);
    const csv = gpadCsv(await reports.gpad(ctx));
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="gpad-${ctx.unit.level}-${ctx.unit.id}-${ctx.window.from}-${ctx.window.to}.csv"`).send(csv);
  });
}
