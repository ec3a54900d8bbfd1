import type { FastifyInstance } from 'fastify';
import type { Readiness } from './readiness.ts';

export function registerHealthRoutes(app: FastifyInstance, readiness: Readiness): void {
  app.get('/health', {
    config: { access: 'public' },
    schema: {
      tags: ['system'],
      summary: 'Liveness and readiness: 200 only once Hamlet can take requests',
      security: [],
      response: {
        200: { type: 'object', properties: { status: { const: 'ok' } }, required: ['status'] },
        503: {
          type: 'object',
          properties: {
            status: { const: 'starting' },
            message: { type: 'string' },
            progress: { type: ['object', 'null'], properties: { step: { type: 'string' }, done: { type: 'number' }, total: { type: 'number' } } },
          },
        },
      },
    },
  }, async (_request, reply) => {
    if (readiness.ready) return { status: 'ok' as const };
    return reply.status(503).send({ status: 'starting', message: readiness.message, progress: readiness.progress });
  });
}
