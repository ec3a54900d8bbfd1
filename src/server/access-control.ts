// Authentication and route access, enforced for every route in one place. A route that does not declare
// its access fails the server at start-up (fail closed), so nothing can be exposed by forgetting.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import './fastify-types.ts';
import type { RouteAccess } from './fastify-types.ts';
import { DomainError } from '../shared/errors.ts';
import type { Actor } from '../trust/domain/actor.ts';

/** A way of recognising who sent a request (bearer token, session cookie…); null when it does not apply. */
export type Authenticator = (request: FastifyRequest) => Promise<Actor | null>;

const ALWAYS_PUBLIC = [/^\/api\/docs(\/|$)/, /^\/assets\//];

export interface RouteAccessEntry {
  method: string;
  url: string;
  access: RouteAccess;
}
const registered = new WeakMap<FastifyInstance, RouteAccessEntry[]>();

/** Every route the app registered, with its declared access (the route-table test checks each against its expectations). */
export function routeAccessTable(app: FastifyInstance): readonly RouteAccessEntry[] {
  return registered.get(app) ?? [];
}

export function installAccessControl(app: FastifyInstance, authenticators: readonly Authenticator[]): void {
  app.decorateRequest('actor', null);
  const table: RouteAccessEntry[] = [];
  registered.set(app, table);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      const url = route.url ?? route.path;
      table.push({ method, url, access: ALWAYS_PUBLIC.some((pattern) => pattern.test(url)) ? 'public' : (route.config?.access ?? 'authenticated') });
    }
    if (ALWAYS_PUBLIC.some((pattern) => pattern.test(route.url))) {
      route.config = { ...(route.config ?? {}), access: 'public' };
      return;
    }
    if (route.config?.access === undefined) {
      throw new Error(`route ${route.method} ${route.url} does not declare config.access`);
    }
  });
  app.addHook('onRequest', async (request) => {
    for (const authenticate of authenticators) {
      const actor = await authenticate(request);
      if (actor) {
        request.actor = actor;
        break;
      }
    }
  });
  // Before body validation, so a caller who may not use a route learns nothing about its schema.
  app.addHook('preValidation', async (request) => {
    const access = ALWAYS_PUBLIC.some((pattern) => pattern.test(request.routeOptions.url ?? '')) ? 'public' : (request.routeOptions.config.access ?? 'authenticated');
    if (access === 'public') return;
    if (!request.actor) throw new DomainError('unauthenticated', 'Sign in to continue.');
    if (access === 'authenticated') return;
    if (!access.includes(request.actor.role)) throw new DomainError('not_permitted', 'Your role does not allow this.', { details: { reason: 'role' } });
  });
}
