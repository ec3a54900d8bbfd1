// Browser sign-in and sessions: /auth/login → identity provider → /auth/callback → session cookie;
// GET /api/session tells the web app who is signed in and its CSRF token; POST /auth/logout ends it.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../server/services.ts';
import { DomainError } from '../shared/errors.ts';
import { AUDIENCES, type Audience } from './domain/identity.ts';
import type { SignIn } from './sign-in.ts';
import { PENDING_COOKIE, PENDING_TTL_SECONDS } from './sign-in.ts';
import { clearSessionCookie, cookieOptions, csrfTokenFor, newSessionId, sealSession, setSessionCookie } from './session.ts';
import { nhsStylesheet, STYLESHEET_PATH } from './login-page.ts';
import { renderSignInProblem } from './sign-in-problem.ts';

const actorSchema = {
  type: 'object',
  properties: {
    role: { type: 'string' }, displayName: { type: 'string' }, practiceId: { type: ['string', 'null'] }, hubId: { type: ['string', 'null'] },
    pcnId: { type: ['string', 'null'] }, patientId: { type: ['integer', 'null'] }, nhsNumber: { type: ['string', 'null'] },
    actsFor: { type: 'array', items: { type: 'integer' } },
  },
  required: ['role', 'displayName'],
} as const;

export function registerSessionRoutes(app: FastifyInstance, services: Pick<Services, 'config' | 'tokenSecret' | 'clock'>, signIn: SignIn): void {
  const { config, tokenSecret } = services;

  app.get('/api/session', {
    config: { access: 'public' },
    schema: {
      tags: ['session'], summary: 'Who is signed in, and the CSRF token to send as x-csrf-token on state-changing requests', security: [],
      response: { 200: { type: 'object', properties: { signedIn: { type: 'boolean' }, actor: actorSchema, csrfToken: { type: 'string' } }, required: ['signedIn', 'csrfToken'] } },
    },
  }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const csrfToken = csrfTokenFor(tokenSecret, request.session?.id ?? 'anonymous');
    const actor = request.actor;
    if (!actor) return { signedIn: false, csrfToken };
    return {
      signedIn: true, csrfToken,
      actor: { role: actor.role, displayName: actor.displayName, practiceId: actor.practiceId, hubId: actor.hubId, pcnId: actor.pcnId,
        patientId: actor.patientId, nhsNumber: actor.nhsNumber, actsFor: [...actor.actsFor] },
    };
  });

  app.get<{ Querystring: { audience?: Audience; returnTo?: string } }>('/auth/login', {
    config: { access: 'public' },
    schema: {
      tags: ['session'], summary: 'Starts sign-in through the audience\'s identity provider (NHS login for patients, NHS CIS2 for staff)', security: [],
      querystring: { type: 'object', properties: { audience: { type: 'string', enum: [...AUDIENCES] }, returnTo: { type: 'string', maxLength: 2000 } } },
    },
  }, async (request, reply) => {
    const audience = request.query.audience ?? 'patient';
    if (!signIn.available(audience)) return problem(reply, 503, `Sign-in for ${audience === 'patient' ? 'patients' : 'staff'} is not configured on this server.`);
    const { url, pending } = await signIn.start(audience, request.query.returnTo);
    reply.setCookie(PENDING_COOKIE, pending, { ...cookieOptions(config.publicUrl, PENDING_TTL_SECONDS), path: '/auth/callback' });
    return reply.header('cache-control', 'no-store').redirect(url, 302);
  });

  app.get('/auth/callback', {
    config: { access: 'public' },
    schema: { tags: ['session'], summary: 'Where the identity provider returns after sign-in', security: [], hide: true },
  }, async (request, reply) => {
    reply.clearCookie(PENDING_COOKIE, { ...cookieOptions(config.publicUrl), path: '/auth/callback' });
    try {
      const currentUrl = new URL(request.url, config.publicUrl);
      const { audience, claims, returnTo } = await signIn.finish(currentUrl, request.cookies[PENDING_COOKIE]);
      const ttl = config.sessionTtlSeconds;
      const { value } = await sealSession(tokenSecret, { id: newSessionId(), claims, audience }, ttl, services.clock.now());
      setSessionCookie(reply, config.publicUrl, value, ttl);
      return reply.header('cache-control', 'no-store').redirect(returnTo, 303);
    } catch (error) {
      request.log.warn({ err: error, details: (error as DomainError).details }, 'sign-in did not complete');
      if (error instanceof DomainError) return problem(reply, error.code === 'unavailable' ? 503 : error.code === 'not_permitted' ? 403 : 400, error.message);
      throw error;
    }
  });

  app.post('/auth/logout', {
    config: { access: 'public' },
    schema: { tags: ['session'], summary: 'Signs out: the session cookie is cleared (send x-csrf-token)', security: [], response: { 200: { type: 'object', properties: { signedIn: { const: false } } } } },
  }, async (_request, reply) => {
    clearSessionCookie(reply, config.publicUrl);
    return { signedIn: false as const };
  });

  app.get(STYLESHEET_PATH, { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=86400').send(nhsStylesheet()));

  function problem(reply: FastifyReply, status: number, message: string) {
    return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(renderSignInProblem(message));
  }
}
