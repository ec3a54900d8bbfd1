// Which triage engine is live, with the evaluation report that let it go live; an administrator can switch
// engines, and the gate refuses (409, with the failures) any engine whose report does not pass.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../server/services.ts';

const evaluationSummary = {
  type: 'object',
  additionalProperties: true,
  properties: {
    id: { type: 'integer' }, engineId: { type: 'string' }, engineVersion: { type: 'string' }, evaluationSet: { type: 'string' },
    evaluatedAt: { type: 'string' }, passed: { type: 'boolean' }, failures: { type: 'array', items: { type: 'string' } },
  },
} as const;

const statusSchema = {
  type: 'object',
  properties: {
    live: { type: 'object', additionalProperties: true, properties: { id: { type: 'string' }, version: { type: 'string' }, switchedAt: { type: ['string', 'null'] }, switchedBy: { type: ['string', 'null'] }, report: evaluationSummary } },
    fallbackFrom: { type: ['string', 'null'] },
    engines: { type: 'array', items: { type: 'object', additionalProperties: true, properties: { id: { type: 'string' }, version: { type: 'string' }, latest: { anyOf: [{ type: 'null' }, evaluationSummary] } } } },
  },
} as const;

export function registerTriageEngineRoutes(app: FastifyInstance, { triageEngines }: Pick<Services, 'triageEngines'>): void {
  app.get('/api/triage/engine', {
    config: { access: ['receptionist', 'clinician', 'hub_staff', 'link_worker', 'pcn_lead', 'commissioner', 'admin'] },
    schema: { tags: ['front door'], summary: "The live triage engine and its evaluation report on the open set; the other engines' latest results", response: { 200: statusSchema } },
  }, () => triageEngines.status());

  app.post<{ Body: { engineId: string } }>('/api/triage/engine', {
    config: { access: ['admin'] },
    schema: {
      tags: ['front door'], summary: 'Evaluate an engine on the open set and make it live if it passes the go-live gate (409 with the failures otherwise)',
      body: { type: 'object', additionalProperties: false, required: ['engineId'], properties: { engineId: { type: 'string', minLength: 1, maxLength: 100 } } },
      response: { 200: statusSchema },
    },
  }, (request) => triageEngines.switchLive(request.actor!, request.body.engineId));
}
