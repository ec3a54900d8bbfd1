// Insights API for dashboards: the measure catalogue, series, SPC (JSON, CSV, SVG), comparisons with
// funnel limits and drill-down. Every count of 1–7 in any response or export is shown as "*".
import type { FastifyInstance } from 'fastify';
import type { Services } from '../server/services.ts';
import { INSIGHTS_ROLES } from './domain/insights-access.ts';
import { METRICS, METRIC_IDS } from './domain/metrics.ts';
import type { MetricId } from './domain/metrics.ts';
import { renderSpcSvg } from './domain/spc-svg.ts';
import { formatCsv } from './domain/csv.ts';
import { invalidInput } from '../shared/errors.ts';
import { cellSchema, checkUnitQuery, errorResponse, insightsErrorSchema, metricQueryProperties, open, spcQueryProperties, unitQueryProperties } from './insights-schemas.ts';
import type { MetricQuery, SpcQuery } from './insights-schemas.ts';
import type { InsightsContext, InsightsService } from './insights.service.ts';
import { registerInsightsReportRoutes } from './insights-reports.routes.ts';
import { registerAeRoutes } from './ae.routes.ts';
import { registerDataQualityRoutes } from './data-quality.routes.ts';

const tags = ['insights'];
const access = { access: INSIGHTS_ROLES };

function checkMetric(query: MetricQuery): void {
  checkUnitQuery(query);
  const definition = METRICS[query.metric];
  const period = query.period ?? 'week';
  if (!(definition.periods as readonly string[]).includes(period)) throw invalidInput('period', `${query.metric} is reported by ${definition.periods.join(' or ')}`);
  if (query.level && !(definition.levels as readonly string[]).includes(query.level)) {
    throw invalidInput('level', `${query.metric} is reported for ${definition.levels.join(', ')}`);
  }
}

function unitLinks(ctx: InsightsContext, query: SpcQuery) {
  const params = new URLSearchParams({ metric: query.metric, level: ctx.unit.level, id: ctx.unit.id, period: query.period ?? 'week', from: ctx.window.from, to: ctx.window.to });
  return { csv: `/api/insights/spc.csv?${params}`, svg: `/api/insights/spc.svg?${params}` };
}

async function spcFor(insights: InsightsService, actor: Parameters<InsightsService['context']>[0], query: SpcQuery) {
  checkMetric(query);
  const ctx = await insights.context(actor, query);
  const period = query.period ?? 'week';
  const { rows, points } = await insights.series(ctx, query.metric, period);
  const rebaseDates = query.rebase ? query.rebase.split(',') : [];
  const { spc, hidden, raw } = insights.spcOf(query.metric, rows, points, {
    rebaseDates, screenOutliers: query.screenOutliers ?? false, ...(query.target === undefined ? {} : { target: query.target }),
  });
  const definition = METRICS[query.metric];
  return {
    ctx, hidden, raw, period,
    body: {
      metric: query.metric, label: definition.label, unit: definition.unit, improvement: definition.improvement,
      level: ctx.unit.level, id: ctx.unit.id, name: ctx.unit.name, period, from: ctx.window.from, to: ctx.window.to,
      refreshedAt: ctx.refreshedAt.toISOString(), suppressedPoints: hidden.size, spc, links: unitLinks(ctx, query),
    },
  };
}

export function registerInsightsRoutes(app: FastifyInstance, services: Pick<Services, 'insights' | 'audit'>): void {
  const { summaries: insights } = services.insights;
  app.addSchema(insightsErrorSchema);

  app.get('/api/insights/metrics', {
    config: access,
    schema: { tags, summary: 'The measures the insights API charts: label, unit, improvement direction, levels, periods, target' },
  }, async () => METRIC_IDS.map((id) => {
    const m = METRICS[id];
    return { id, label: m.label, unit: m.unit, improvement: m.improvement, levels: m.levels, periods: m.periods, target: 'target' in m ? m.target : null, funnel: 'proportion' in m };
  }));

  app.post('/api/insights/refresh', {
    config: { access: ['commissioner', 'admin'] },
    schema: { tags, summary: 'Rebuild the insights summaries now (they are also rebuilt when older than a day)' },
  }, async () => {
    const { state, steps } = await insights.refresh();
    return { refreshedAt: state.refreshedAt.toISOString(), windowFrom: state.windowFrom, windowTo: state.windowTo, seconds: state.seconds, steps };
  });

  app.get<{ Querystring: MetricQuery }>('/api/insights/series', {
    config: access,
    schema: {
      tags, summary: 'A measure per week or month for a unit, with the counts behind each value (suppressed as "*")',
      querystring: { type: 'object', properties: metricQueryProperties, required: ['metric'], additionalProperties: false },
      response: { 400: errorResponse, 403: errorResponse, 404: errorResponse },
    },
  }, async (request) => {
    checkMetric(request.query);
    const ctx = await insights.context(request.actor!, request.query);
    const period = request.query.period ?? 'week';
    const { points } = await insights.series(ctx, request.query.metric, period);
    return { metric: request.query.metric, label: METRICS[request.query.metric].label, level: ctx.unit.level, id: ctx.unit.id, name: ctx.unit.name,
      period, from: ctx.window.from, to: ctx.window.to, refreshedAt: ctx.refreshedAt.toISOString(), points };
  });

  app.get<{ Querystring: SpcQuery }>('/api/insights/spc', {
    config: access,
    schema: {
      tags, summary: 'SPC (Making Data Count XmR) of a measure for a unit: limits, rules, icons; suppressed points show "*"',
      querystring: { type: 'object', properties: spcQueryProperties, required: ['metric'], additionalProperties: false },
      response: {
        200: open({ metric: { type: 'string' }, level: { type: 'string' }, id: { type: 'string' }, period: { type: 'string' },
          spc: open({ variation: { type: 'string' }, assurance: { type: 'string' }, points: { type: 'array', items: open({ date: { type: 'string' }, value: cellSchema }) } }),
          links: open({ csv: { type: 'string' }, svg: { type: 'string' } }) }),
        400: errorResponse, 403: errorResponse, 404: errorResponse,
      },
    },
  }, async (request) => (await spcFor(insights, request.actor!, request.query)).body);

  app.get<{ Querystring: SpcQuery }>('/api/insights/spc.csv', {
    config: access,
    schema: { tags, summary: 'The SPC chart as CSV (one row per point)', querystring: { type: 'object', properties: spcQueryProperties, required: ['metric'], additionalProperties: false } },
  }, async (request, reply) => {
    const { body } = await spcFor(insights, request.actor!, request.query);
    const csv = formatCsv(['date', 'value', 'mean', 'lower', 'upper', 'rule', 'type', 'segment'],
      body.spc.points.map((p) => [p.date, p.value, p.mean, p.lower, p.upper, p.rule, p.type, p.segment]));
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${body.metric}-${body.level}-${body.id}-${body.period}.csv"`).send(csv);
  });

  app.get<{ Querystring: SpcQuery }>('/api/insights/spc.svg', {
    config: access,
    schema: { tags, summary: 'The SPC chart as SVG (suppressed points are not drawn)', querystring: { type: 'object', properties: spcQueryProperties, required: ['metric'], additionalProperties: false } },
  }, async (request, reply) => {
    const { body, raw, hidden } = await spcFor(insights, request.actor!, request.query);
    const svg = renderSpcSvg(raw, { title: `${body.label} — ${body.name} (${body.period}ly)`, unit: body.unit, hidden });
    return reply.type('image/svg+xml; charset=utf-8').send(svg);
  });

  app.get<{ Querystring: MetricQuery }>('/api/insights/compare', {
    config: access,
    schema: {
      tags, summary: 'Practices within a unit on one measure over the window, ranked, with funnel limits for proportions',
      querystring: { type: 'object', properties: metricQueryProperties, required: ['metric'], additionalProperties: false },
      response: { 400: errorResponse, 403: errorResponse, 404: errorResponse },
    },
  }, async (request) => {
    checkUnitQuery(request.query);
    const ctx = await insights.context(request.actor!, request.query);
    const metric: MetricId = request.query.metric;
    return { metric, label: METRICS[metric].label, level: ctx.unit.level, id: ctx.unit.id, from: ctx.window.from, to: ctx.window.to, ...(await insights.compare(ctx, metric)) };
  });

  app.get<{ Querystring: MetricQuery }>('/api/insights/drilldown', {
    config: access,
    schema: {
      tags, summary: 'A measure for a unit and each unit one level down (borough → PCNs → practices)',
      querystring: { type: 'object', properties: metricQueryProperties, required: ['metric'], additionalProperties: false },
      response: { 400: errorResponse, 403: errorResponse, 404: errorResponse },
    },
  }, async (request) => {
    checkUnitQuery(request.query);
    const ctx = await insights.context(request.actor!, request.query);
    const drill = await insights.drilldown(ctx, request.query.metric);
    return { metric: request.query.metric, from: ctx.window.from, to: ctx.window.to, ...drill,
      children: drill.children.map((c) => ({ ...c, links: { drilldown: `/api/insights/drilldown?metric=${request.query.metric}&level=${c.level}&id=${c.id}` } })) };
  });

  registerInsightsReportRoutes(app, services, { tags, access, unitQueryProperties });
  registerAeRoutes(app, services, { tags, access });
  registerDataQualityRoutes(app, services, { tags });
}
