// Serves the built web app (web/dist) from the same server, with client-side routes falling back to index.html.
// Hashed files live under /assets/ (public, cached for a year); index.html is never cached, so a new build shows at once.
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));
const WEB_ASSETS = fileURLToPath(new URL('../../web/dist/assets/', import.meta.url));

export function registerWebApp(app: FastifyInstance): void {
  if (!existsSync(WEB_DIST) || !existsSync(WEB_ASSETS)) return;
  app.register(fastifyStatic, { root: WEB_ASSETS, prefix: '/assets/', wildcard: false, index: false, decorateReply: true, immutable: true, maxAge: '365d' });
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/') || request.url.startsWith('/fhir/') || request.url.startsWith('/assets/')) {
      return reply.status(404).send({ error: { code: 'not_found', message: `No route for ${request.method} ${request.url.split('?')[0]}` } });
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html', WEB_DIST, { cacheControl: false });
  });
}
