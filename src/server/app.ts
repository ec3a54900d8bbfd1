// buildApp: the HTTP application, assembled from explicit services. Reads like a table of contents.
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import './fastify-types.ts';
import type { Services } from './services.ts';
import { installErrorHandler } from './error-handler.ts';
import { installAccessControl } from './access-control.ts';
import { bearerTokenAuthenticator } from '../trust/bearer-auth.ts';
import { sessionAuthenticator } from '../trust/session.ts';
import { installSecurity } from './security.ts';
import { registerTrustRoutes } from '../trust/trust.routes.ts';
import { createReadiness, type Readiness } from './readiness.ts';
import { registerHealthRoutes } from './health.routes.ts';
import { registerBoroughRoutes } from '../borough/borough.routes.ts';
import { registerRequestRoutes } from '../requests/requests.routes.ts';
import { registerTriageEngineRoutes } from '../triage/triage-engine.routes.ts';
import { registerBookingRoutes } from '../booking/booking.routes.ts';
import { registerFhirRoutes } from '../fhir/fhir.routes.ts';
import { registerInsightsRoutes } from '../insights/insights.routes.ts';
import { registerWebApp } from './web-app.ts';

export interface AppOptions {
  /** A pino logger; tests run silent. */
  logger?: FastifyBaseLogger;
  readiness?: Readiness;
}

export async function buildApp(services: Services, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: 256 * 1024,
    // Request ids let a patient quote a reference that staff can find in the logs.
    genReqId: () => crypto.randomUUID(),
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
  });
  const readiness = options.readiness ?? createReadiness(true);

  installErrorHandler(app);
  await installSecurity(app, services);
  installAccessControl(app, [bearerTokenAuthenticator(services), sessionAuthenticator(services)]);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Hamlet API', version: '0.1.0', description: 'Primary care access for a borough: front door, booking, insights.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.addHook('onRequest', async (request, reply) => {
    if (!readiness.ready && request.url !== '/health') {
      return reply.status(503).header('retry-after', '5').send({ error: { code: 'unavailable', message: `Hamlet is starting: ${readiness.message}` } });
    }
  });

  // Background work started by services finishes before the database closes.
  app.addHook('onClose', async () => {
    await services.booking.settled();
  });

  // Features
  registerHealthRoutes(app, readiness);
  registerBoroughRoutes(app, services);
  registerBookingRoutes(app, services);
  await registerFhirRoutes(app, services);
  registerRequestRoutes(app, services);
  registerTriageEngineRoutes(app, services);
  await registerTrustRoutes(app, services);
  registerInsightsRoutes(app, services);

  registerWebApp(app);
  return app;
}
