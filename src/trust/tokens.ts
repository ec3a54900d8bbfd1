// Short-lived bearer tokens for the APIs: standard JWTs (HS256) so any tool can read them, signed with
// the deployment's secret. The claims name a role and, where it applies, a practice, hub, staff member
// or patient; the server resolves the rest from the database on each request.
import { SignJWT, jwtVerify, errors } from 'jose';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ROLES, type Role } from './domain/actor.ts';
import { DomainError } from '../shared/errors.ts';

export interface TokenClaims {
  sub: string;
  role: Role;
  name?: string | undefined;
  practice?: string | undefined;
  hub?: string | undefined;
  pcn?: string | undefined;
  staff?: string | undefined;
  /** NHS number of the patient (role patient). */
  patient?: string | undefined;
}

const ISSUER = 'hamlet';
const AUDIENCE = 'hamlet-api';

export async function issueToken(secret: string, claims: TokenClaims, ttlSeconds: number, now: Date): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const { sub, ...rest } = claims;
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ttlSeconds)
    .sign(new TextEncoder().encode(secret));
}

export async function verifyToken(secret: string, token: string, now: Date): Promise<TokenClaims> {
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'], currentDate: now,
    });
    const role = payload.role;
    if (typeof payload.sub !== 'string' || typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
      throw new DomainError('unauthenticated', 'The token does not name a known role.');
    }
    const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
    return {
      sub: payload.sub, role: role as Role, name: text(payload.name), practice: text(payload.practice), hub: text(payload.hub),
      pcn: text(payload.pcn), staff: text(payload.staff), patient: text(payload.patient),
    };
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const expired = error instanceof errors.JWTExpired;
    throw new DomainError('unauthenticated', expired ? 'The token has expired. Sign in again.' : 'The token is not valid.');
  }
}

/** The configured secret, or one kept in the data folder so the server and `bin/hamlet token` agree locally. */
export function resolveTokenSecret(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  const file = join(dataDir, '.token-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
  return secret;
}
