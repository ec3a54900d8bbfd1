// GET /api/insights/data-quality: counts for commissioners and PCN leads (suppressed 1–7), counts and work
// lists for a practice's own staff.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../server/services.ts';
import { practicesOf } from './domain/insights-access.ts';
import { isSmallCount, SUPPRESSED } from './domain/suppression.ts';
import { checkUnitQuery, errorResponse, open, unitQueryProperties, type UnitQuery } from './insights-schemas.ts';

export function registerDataQualityRoutes(app: FastifyInstance, services: Pick<Services, 'insights'>, { tags }: { tags: string[] }): void {
  const { summaries: insights, quality } = services.insights;
  app.get<{ Querystring: Omit<UnitQuery, 'from' | 'to'> }>('/api/insights/data-quality', {
    config: { access: ['commissioner', 'admin', 'pcn_lead', 'receptionist', 'clinician'] },
    schema: {
      tags, summary: 'Data quality: invalid NHS numbers, missing ethnicity/postcode/language, probable duplicates, appointments without outcome, slots without mode',
      description: 'Practice staff see counts and work lists for their own practice (audited); others see counts, with 1–7 shown as "*".',
      querystring: { type: 'object', properties: { level: unitQueryProperties.level, id: unitQueryProperties.id }, additionalProperties: false },
      response: { 200: open({ lists: { type: 'boolean' }, checks: { type: 'array', items: open({ check: { type: 'string' }, count: { anyOf: [{ type: 'integer' }, { type: 'string' }] } }) } }),
        400: errorResponse, 403: errorResponse, 404: errorResponse },
    },
  }, async (request) => {
    checkUnitQuery(request.query);
    const ctx = await insights.resolve(request.actor!, request.query);
    const report = await quality.report(request.actor!, practicesOf(ctx.unit, ctx.org));
    return {
      level: ctx.unit.level, id: ctx.unit.id, name: ctx.unit.name, lists: report.lists,
      checks: report.lists ? report.checks : report.checks.map((c) => ({ ...c, count: isSmallCount(c.count) ? SUPPRESSED : c.count })),
    };
  });
}
