// Serves the built web app (web/dist) from the same server, with client-side routes falling back to index.html.
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export function registerWebApp(app: FastifyInstance): void {
  if (!existsSync(WEB_DIST)) return;
  app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: ['index.html'], decorateReply: true });
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/') || request.url.startsWith('/fhir/')) {
      return reply.status(404).send({ error: { code: 'not_found', message: `No route for ${request.method} ${request.url.split('?')[0]}` } });
    }
    return reply.sendFile('index.html');
  });
}
