// Browser sessions: a signed, HTTP-only, SameSite=Lax cookie holding the signed-in user's claims. The
// server keeps no session state (any server process can read any session), and the CSRF token is derived
// from the session id, so the web app fetches it from GET /api/session and echoes it in `x-csrf-token`.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import type { Authenticator } from '../server/access-control.ts';
import type { Services } from '../server/services.ts';
import { DomainError } from '../shared/errors.ts';
import { ROLES, type Role } from './domain/actor.ts';
import type { TokenClaims } from './tokens.ts';

export const SESSION_COOKIE = 'hamlet_session';
export const CSRF_HEADER = 'x-csrf-token';
const SESSION_AUDIENCE = 'hamlet-session';
const ISSUER = 'hamlet';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface Session {
  id: string;
  claims: TokenClaims;
  audience: 'patient' | 'staff';
  expiresAt: Date;
}

export async function sealSession(secret: string, session: Omit<Session, 'expiresAt'>, ttlSeconds: number, now: Date): Promise<{ value: string; expiresAt: Date }> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const { sub, ...claims } = session.claims;
  const value = await new SignJWT({ ...claims, sid: session.id, aud_kind: session.audience })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub).setIssuer(ISSUER).setAudience(SESSION_AUDIENCE)
    .setIssuedAt(issuedAt).setExpirationTime(issuedAt + ttlSeconds)
    .sign(new TextEncoder().encode(secret));
  return { value, expiresAt: new Date((issuedAt + ttlSeconds) * 1000) };
}

/** The session in a cookie value, or null when it is missing, forged, expired or malformed. */
export async function openSession(secret: string, value: string | undefined, now: Date): Promise<Session | null> {
  if (!value) return null;
  try {
    const { payload } = await jwtVerify(value, new TextEncoder().encode(secret), {
      issuer: ISSUER, audience: SESSION_AUDIENCE, algorithms: ['HS256'], currentDate: now,
    });
    const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
    const role = text(payload.role);
    const id = text(payload.sid);
    if (!payload.sub || !id || !role || !(ROLES as readonly string[]).includes(role) || payload.exp === undefined) return null;
    return {
      id, audience: payload.aud_kind === 'patient' ? 'patient' : 'staff', expiresAt: new Date(payload.exp * 1000),
      claims: { sub: payload.sub, role: role as Role, name: text(payload.name), practice: text(payload.practice), hub: text(payload.hub),
        pcn: text(payload.pcn), staff: text(payload.staff), patient: text(payload.patient) },
    };
  } catch {
    return null;
  }
}

export const newSessionId = () => randomBytes(18).toString('base64url');

/** The CSRF token for a session (or for an anonymous visitor, keyed by nothing secret: it guards nothing). */
export function csrfTokenFor(secret: string, sessionId: string): string {
  return createHmac('sha256', secret).update(`csrf:${sessionId}`).digest('base64url');
}

function sameToken(expected: string, given: string | string[] | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function cookieOptions(publicUrl: string, maxAgeSeconds?: number) {
  return {
    path: '/', httpOnly: true, sameSite: 'lax' as const, secure: publicUrl.startsWith('https:'),
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
  };
}

export function setSessionCookie(reply: FastifyReply, publicUrl: string, value: string, ttlSeconds: number): void {
  reply.setCookie(SESSION_COOKIE, value, cookieOptions(publicUrl, ttlSeconds));
}

export function clearSessionCookie(reply: FastifyReply, publicUrl: string): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(publicUrl));
}

declare module 'fastify' {
  interface FastifyRequest {
    session: Session | null;
  }
}

/**
 * Recognises the session cookie. A state-changing request authenticated this way must carry the
 * session's CSRF token: a cross-site form can make the browser send the cookie, but not the header.
 * A stale or forged cookie counts as no session (browsers keep cookies after they expire server-side).
 */
export function sessionAuthenticator(services: Pick<Services, 'tokenSecret' | 'clock' | 'actors'>): Authenticator {
  return async (request: FastifyRequest) => {
    const session = await openSession(services.tokenSecret, request.cookies[SESSION_COOKIE], services.clock.now());
    request.session = session;
    if (!session) return null;
    if (!SAFE_METHODS.has(request.method) && !sameToken(csrfTokenFor(services.tokenSecret, session.id), request.headers[CSRF_HEADER])) {
      throw new DomainError('not_permitted', 'This request is missing its security token (x-csrf-token). Reload the page and try again.',
        { details: { reason: 'csrf' } });
    }
    return services.actors.resolve(session.claims);
  };
}
