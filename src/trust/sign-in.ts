// Hamlet as an OpenID Connect relying party (openid-client), one issuer per audience: NHS login for
// patients and NHS CIS2 for staff in real deployments, the embedded provider in the demo. Authorization
// code flow with PKCE, state and nonce; the pending sign-in travels in a short-lived signed cookie so any
// server process can finish it.
import * as oidc from 'openid-client';
import { SignJWT, jwtVerify, importPKCS8 } from 'jose';
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { HamletConfig, OidcIssuerConfig } from '../config.ts';
import { DomainError } from '../shared/errors.ts';
import type { Role } from './domain/actor.ts';
import { identityFromClaims, safeReturnPath, type Audience } from './domain/identity.ts';
import { tokenClaimsForIdentity } from './identity-claims.ts';
import { SCOPES, type EmbeddedIdp } from './embedded-idp.ts';
import type { TokenClaims } from './tokens.ts';

export const PENDING_COOKIE = 'hamlet_sign_in';
export const PENDING_TTL_SECONDS = 600;
const PENDING_AUDIENCE = 'hamlet-sign-in';

interface Pending {
  audience: Audience;
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
}

export interface SignIn {
  available(audience: Audience): boolean;
  /** The identity provider's authorization URL, and the cookie value that remembers this attempt. */
  start(audience: Audience, returnTo: string | undefined): Promise<{ url: string; pending: string }>;
  /** Completes the code exchange for the callback URL; throws DomainError when anything does not check out. */
  finish(callbackUrl: URL, pendingCookie: string | undefined): Promise<{ audience: Audience; claims: TokenClaims; returnTo: string }>;
}

export interface SignInDependencies {
  config: HamletConfig;
  secret: string;
  clock: { now(): Date };
  db: Kysely<Database>;
  /** The embedded demo provider, when this process runs one. */
  embedded: EmbeddedIdp | null;
  /** Reaches the embedded provider in-process (no network hop, works before the server listens). */
  inProcessFetch: oidc.DiscoveryRequestOptions[typeof oidc.customFetch] | undefined;
}

export function callbackUrl(publicUrl: string): string {
  return `${publicUrl}/auth/callback`;
}

export function createSignIn(deps: SignInDependencies): SignIn {
  const key = new TextEncoder().encode(deps.secret);
  const configurations = new Map<Audience, Promise<oidc.Configuration>>();
  const issuerFor = (audience: Audience): OidcIssuerConfig | 'embedded' | null =>
    deps.config.oidc[audience] ?? (deps.embedded && deps.config.demoMode ? 'embedded' : null);

  async function discover(audience: Audience): Promise<oidc.Configuration> {
    const issuer = issuerFor(audience);
    if (!issuer) throw new DomainError('unavailable', `Sign-in for ${audience === 'patient' ? 'patients' : 'staff'} is not configured.`);
    if (issuer === 'embedded') {
      const { clientId, clientSecret } = deps.embedded!.client(audience);
      return oidc.discovery(new URL(deps.embedded!.issuer), clientId, undefined, oidc.ClientSecretBasic(clientSecret), {
        execute: [oidc.allowInsecureRequests], ...(deps.inProcessFetch ? { [oidc.customFetch]: deps.inProcessFetch } : {}),
      });
    }
    const auth = issuer.clientSecret
      ? oidc.ClientSecretBasic(issuer.clientSecret)
      : oidc.PrivateKeyJwt({ key: await importPKCS8(readFileSync(issuer.privateKeyFile!, 'utf8'), 'RS512') });
    const insecure = new URL(issuer.issuer).protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : {};
    return oidc.discovery(new URL(issuer.issuer), issuer.clientId, undefined, auth, insecure);
  }
  const configuration = (audience: Audience) => {
    let found = configurations.get(audience);
    if (!found) {
      found = discover(audience);
      // A failed discovery (issuer briefly down) is retried on the next sign-in.
      found.catch(() => configurations.delete(audience));
      configurations.set(audience, found);
    }
    return found;
  };
  const scopes = (audience: Audience) => {
    const issuer = issuerFor(audience);
    return issuer === 'embedded' || !issuer ? SCOPES[audience] : issuer.scopes;
  };

  return {
    available: (audience) => issuerFor(audience) !== null,

    async start(audience, returnTo) {
      const config = await configuration(audience);
      const pending: Pending = { audience, state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier(), returnTo: safeReturnPath(returnTo) };
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: callbackUrl(deps.config.publicUrl), scope: scopes(audience), state: pending.state, nonce: pending.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier), code_challenge_method: 'S256',
        // The demo always shows its people to pick, so testers can switch between them.
        ...(issuerFor(audience) === 'embedded' ? { prompt: 'login' } : {}),
      });
      const now = Math.floor(deps.clock.now().getTime() / 1000);
      const sealed = await new SignJWT({ ...pending }).setProtectedHeader({ alg: 'HS256' }).setAudience(PENDING_AUDIENCE)
        .setIssuedAt(now).setExpirationTime(now + PENDING_TTL_SECONDS).sign(key);
      return { url: url.href, pending: sealed };
    },

    async finish(currentUrl, pendingCookie) {
      const pending = await openPending(key, pendingCookie, deps.clock.now());
      const error = currentUrl.searchParams.get('error');
      if (error) throw new DomainError('not_permitted', error === 'access_denied' ? 'Sign-in was cancelled.' : `Sign-in failed (${error.slice(0, 80)}).`);
      const config = await configuration(pending.audience);
      let claims: Record<string, unknown>;
      try {
        const tokens = await oidc.authorizationCodeGrant(config, currentUrl, { pkceCodeVerifier: pending.verifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true });
        const idClaims = tokens.claims()!;
        // NHS login and CIS2 put most of what we need (NHS number, RBAC roles) in userinfo, not the ID token.
        const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
        claims = { ...idClaims, ...userinfo };
      } catch (cause) {
        throw new DomainError('unauthenticated', 'Sign-in could not be completed. Please try again.', { details: { cause: (cause as Error).message?.slice(0, 200) } });
      }
      const roleMap = (deps.config.oidc[pending.audience]?.roleMap ?? {}) as Record<string, Role>;
      const identity = identityFromClaims(pending.audience, claims, roleMap);
      if (!identity.ok) throw new DomainError('not_permitted', identity.reason);
      return { audience: pending.audience, claims: await tokenClaimsForIdentity(deps.db, identity.identity), returnTo: pending.returnTo };
    },
  };
}

async function openPending(key: Uint8Array, value: string | undefined, now: Date): Promise<Pending> {
  if (!value) throw new DomainError('unauthenticated', 'Your sign-in took too long or started in another browser. Please start again.');
  try {
    const { payload } = await jwtVerify(value, key, { audience: PENDING_AUDIENCE, algorithms: ['HS256'], currentDate: now });
    return payload as unknown as Pending;
  } catch {
    throw new DomainError('unauthenticated', 'Your sign-in took too long or started in another browser. Please start again.');
  }
}
