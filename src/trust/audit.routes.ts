// The audit log over HTTP: staff search (admins, practice managers, PCN leads within their scope), the
// chain check, and each patient's own access log (who looked at my record, from where, and why).
import type { FastifyInstance } from 'fastify';
import type { Services } from '../server/services.ts';
import { notPermitted } from '../shared/errors.ts';
import { addDays, londonInstant } from '../shared/domain/london-time.ts';
import { auditScopeFor, accessLogView } from './domain/audit-scope.ts';
import { verifyAuditChain } from './audit-trail.ts';
import { STAFF_ROLES_WITH_PATIENT_ACCESS } from './domain/actor.ts';
import { organisationNames, patientAccessLog, searchAudit, type AuditSearch } from './audit.repository.ts';

const DATE = { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const entrySchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' }, at: { type: 'string' },
    actor: { type: 'object', properties: { id: { type: 'string' }, role: { type: 'string' }, organisation: { type: ['string', 'null'] } } },
    action: { type: 'string' }, resourceType: { type: 'string' }, resourceId: { type: ['string', 'null'] }, patientId: { type: ['integer', 'null'] },
    reason: { type: ['string', 'null'] }, details: { type: 'object', additionalProperties: true },
  },
} as const;

export function registerAuditRoutes(app: FastifyInstance, services: Pick<Services, 'database' | 'audit' | 'patientAccess'>): void {
  const { db } = services.database;

  app.get<{ Querystring: { patientId?: number; actor?: string; action?: string; from?: string; to?: string; before?: number; limit?: number } }>('/api/audit', {
    config: { access: ['admin', 'pcn_lead'] },
    schema: {
      tags: ['audit'], summary: 'Search the audit log (administrators: everything or their practice; PCN leads: their network)',
      querystring: {
        type: 'object', additionalProperties: false,
        properties: {
          patientId: { type: 'integer', minimum: 1 }, actor: { type: 'string', minLength: 1, maxLength: 200 },
          action: { type: 'string', minLength: 1, maxLength: 100 }, from: DATE, to: DATE,
          before: { type: 'integer', minimum: 1, description: 'Entries older than this id (paging)' },
          limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
        },
      },
      response: { 200: { type: 'object', properties: { entries: { type: 'array', items: entrySchema }, nextBefore: { type: ['integer', 'null'] } } } },
    },
  }, async (request) => {
    const actor = request.actor!;
    const scope = auditScopeFor(actor);
    if (scope.kind === 'none') throw notPermitted('Your role does not include searching the audit log.');
    const q = request.query;
    const search: AuditSearch = {
      scope, patientId: q.patientId, actorId: q.actor, action: q.action, limit: q.limit ?? 100, before: q.before,
      from: q.from ? londonInstant(q.from, '00:00') : undefined, to: q.to ? londonInstant(addDays(q.to, 1), '00:00') : undefined,
    };
    const rows = await searchAudit(db, search);
    // Searching the log is itself recorded: who looked at whose history.
    await services.audit.record(db, actor, { action: 'audit.search', resourceType: 'AuditLog', patientId: q.patientId ?? null, details: { query: { ...q } } });
    return {
      entries: rows.map((r) => ({
        id: r.id, at: r.at.toISOString(), actor: { id: r.actor_id, role: r.actor_role, organisation: r.actor_org }, action: r.action,
        resourceType: r.resource_type, resourceId: r.resource_id, patientId: r.patient_id, reason: r.reason, details: r.details,
      })),
      nextBefore: rows.length === search.limit ? rows.at(-1)!.id : null,
    };
  });

  app.get('/api/audit/verify', {
    config: { access: ['admin'] },
    schema: {
      tags: ['audit'], summary: 'Recomputes the audit hash chain: any edited, removed or inserted entry shows as a break',
      response: { 200: { type: 'object', properties: { valid: { type: 'boolean' }, checked: { type: 'integer' }, firstBrokenId: { type: ['integer', 'null'] }, unsealed: { type: 'integer' } } } },
    },
  }, () => verifyAuditChain(db));

  app.get<{ Params: { patientId: number }; Querystring: { limit?: number } }>('/api/patients/:patientId/access-log', {
    config: { access: ['patient', ...STAFF_ROLES_WITH_PATIENT_ACCESS] },
    schema: {
      tags: ['audit'], summary: 'Who has looked at or changed this patient\'s record: role, organisation, when and why (no staff personal details)',
      params: { type: 'object', properties: { patientId: { type: 'integer', minimum: 1 } }, required: ['patientId'] },
      querystring: { type: 'object', additionalProperties: false, properties: { limit: { type: 'integer', minimum: 1, maximum: 500, default: 200 } } },
      response: {
        200: {
          type: 'object',
          properties: {
            entries: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  at: { type: 'string' }, role: { type: 'string' }, action: { type: 'string' }, reason: { type: ['string', 'null'] },
                  organisation: { type: ['object', 'null'], properties: { id: { type: 'string' }, name: { type: 'string' } } },
                },
              },
            },
          },
        },
      },
    },
  }, async (request) => {
    const { patientId } = request.params;
    await services.patientAccess.assert(db, request.actor!, patientId, { action: 'access_log.read', resourceType: 'AccessLog', resourceId: patientId });
    const rows = await patientAccessLog(db, patientId, request.query.limit ?? 200);
    const names = await organisationNames(db);
    return { entries: rows.map((r) => accessLogView(r, names)) };
  });
}
