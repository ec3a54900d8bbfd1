// The server's defences against hostile input, installed before any route: cookies (parsed once, before
// authentication), security headers with a strict content security policy, and rate limits keyed by who
// is calling. Body size limits are set where Fastify is created (app.ts: bodyLimit).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { createHash } from 'node:crypto';
import type { Services } from './services.ts';
import { SESSION_COOKIE } from '../trust/session.ts';

/** The policy the web app lives with: its own scripts and styles only, no inline scripts, no framing. */
export function contentSecurityPolicy(publicUrl: string) {
  return {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'"],
      // React's style={{…}} sets style attributes; <style> elements and inline scripts stay forbidden.
      styleSrcAttr: ["'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
      ...(publicUrl.startsWith('https:') ? { upgradeInsecureRequests: [] } : {}),
    },
  };
}

/**
 * Who a caller is for rate limiting: the signed-in subject when there is one (so many patients behind one
 * NAT address each get their own allowance during the 08:00 surge), else the session cookie, else the address.
 */
export function rateLimitKey(request: FastifyRequest): string {
  if (request.actor) return `subject:${request.actor.subject}`;
  const session = request.cookies?.[SESSION_COOKIE];
  if (session) return `session:${createHash('sha256').update(session).digest('base64url').slice(0, 22)}`;
  return `ip:${request.ip}`;
}

export async function installSecurity(app: FastifyInstance, services: Pick<Services, 'config'>): Promise<void> {
  const { config } = services;
  await app.register(cookie, { hook: 'onRequest' });
  app.decorateRequest('session', null);
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: contentSecurityPolicy(config.publicUrl),
    crossOriginEmbedderPolicy: false,
    hsts: config.publicUrl.startsWith('https:') ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
  });
  await app.register(rateLimit, {
    global: true,
    // Route-level onRequest runs after authentication (an app-level onRequest hook), so the key can be the
    // caller rather than only the address, and before the body is read, so floods are cheap to refuse.
    hook: 'onRequest',
    timeWindow: 60_000,
    keyGenerator: rateLimitKey,
    max: (request) => (request.actor ? config.rateLimit.signedInPerMinute : config.rateLimit.publicPerMinute),
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      message: `Too many requests: please wait ${Math.ceil(context.ttl / 1000)} seconds and try again.`,
    }),
  });
}
