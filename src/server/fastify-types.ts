// Hamlet's additions to Fastify's types: every route declares who may call it, and every request carries its actor.
import type { Actor, Role } from '../trust/domain/actor.ts';

/** Who may call a route: anyone, any signed-in user, or the listed roles. */
export type RouteAccess = 'public' | 'authenticated' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export {};
