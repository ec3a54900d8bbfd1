// Trust's routes in one registration: the embedded demo identity provider (demo mode only), browser
// sign-in and sessions, and the audit log.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../server/services.ts';
import { mountEmbeddedIdp, type EmbeddedIdp } from './embedded-idp.ts';
import { callbackUrl, createSignIn } from './sign-in.ts';
import { registerSessionRoutes } from './session.routes.ts';
import { registerAuditRoutes } from './audit.routes.ts';

export async function registerTrustRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { config } = services;
  let embedded: EmbeddedIdp | null = null;
  if (config.demoMode && (!config.oidc.patient || !config.oidc.staff)) {
    embedded = await mountEmbeddedIdp(app, { db: services.database.db, publicUrl: config.publicUrl, secret: services.tokenSecret, callbackUrl: callbackUrl(config.publicUrl) });
  }
  const signIn = createSignIn({
    config, secret: services.tokenSecret, clock: services.clock, db: services.database.db, embedded,
    inProcessFetch: embedded ? inProcessFetch(app, config.publicUrl) : undefined,
  });
  registerSessionRoutes(app, services, signIn);
  registerAuditRoutes(app, services);
}

/** A fetch that answers requests to this server through app.inject: the relying party talks to the embedded provider without a network hop. */
function inProcessFetch(app: FastifyInstance, publicUrl: string) {
  const host = new URL(publicUrl).host;
  return async (url: string, options: { method: string; headers: Record<string, string> | Headers; body?: unknown }): Promise<Response> => {
    const target = new URL(url);
    const headers = Object.fromEntries(new Headers(options.headers as HeadersInit).entries());
    const body = options.body == null ? undefined : String(options.body);
    const response = await app.inject({ method: options.method as 'GET', url: target.pathname + target.search, headers: { ...headers, host }, ...(body === undefined ? {} : { payload: body }) });
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined) responseHeaders.set(name, Array.isArray(value) ? value.join(', ') : String(value));
    }
    const empty = response.statusCode === 204 || response.statusCode === 304 || response.rawPayload.length === 0;
    return new Response(empty ? null : new Uint8Array(response.rawPayload), { status: response.statusCode, headers: responseHeaders });
  };
}
