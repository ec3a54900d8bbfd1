// The demo's own OpenID provider (oidc-provider), mounted under /oidc in the same server, standing in for
// NHS login (client hamlet-patient) and NHS CIS2 (client hamlet-staff). Its login page lists synthetic
// people to pick; everything after that is the real protocol (authorization code + PKCE, ID token,
// userinfo), so switching to the real issuers is configuration only. Demo mode only.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import formbody from '@fastify/formbody';
import Provider, { type OidcContext } from 'oidc-provider';
import { createHmac } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { AUDIENCES, type Audience } from './domain/identity.ts';
import { claimsForAccount, listSyntheticUsers, type SyntheticUser } from './synthetic-users.ts';
import { renderLoginPage } from './login-page.ts';
import { createMemoryAdapter } from './oidc-memory-adapter.ts';

export const EMBEDDED_IDP_PATH = '/oidc';
export const SCOPES: Record<Audience, string> = { patient: 'openid profile', staff: 'openid profile nationalrbacaccess' };

export interface EmbeddedIdp {
  issuer: string;
  client(audience: Audience): { clientId: string; clientSecret: string };
}

export const embeddedClientId = (audience: Audience) => `hamlet-${audience}`;
const derive = (secret: string, purpose: string) => createHmac('sha256', secret).update(`embedded-idp:${purpose}`).digest('base64url');

export async function mountEmbeddedIdp(app: FastifyInstance, options: { db: Kysely<Database>; publicUrl: string; secret: string; callbackUrl: string }): Promise<EmbeddedIdp> {
  const issuer = `${options.publicUrl}${EMBEDDED_IDP_PATH}`;
  const client = (audience: Audience) => ({ clientId: embeddedClientId(audience), clientSecret: derive(options.secret, `client:${audience}`) });
  // A fresh signing key per process: the relying party in this same process reads it from the JWKS.
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: 'hamlet-demo-1', alg: 'ES256', use: 'sig' };

  const provider = new Provider(issuer, {
    adapter: createMemoryAdapter(),
    clients: AUDIENCES.map((audience) => ({
      client_id: client(audience).clientId, client_secret: client(audience).clientSecret, redirect_uris: [options.callbackUrl],
      grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'ES256',
    })),
    jwks: { keys: [signingKey] },
    cookies: { keys: [derive(options.secret, 'cookies')] },
    pkce: { required: () => true },
    scopes: ['openid', 'profile', 'nationalrbacaccess'],
    claims: {
      openid: ['sub'],
      profile: ['name', 'given_name', 'family_name', 'birthdate', 'nhs_number'],
      nationalrbacaccess: ['nhsid_useruid', 'nhsid_nrbac_roles', 'selected_roleid'],
    },
    features: { devInteractions: { enabled: false }, userinfo: { enabled: true } },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 900, Session: 3600, Grant: 3600 },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `${EMBEDDED_IDP_PATH}/interaction/${interaction.uid}` },
    findAccount: async (_ctx: unknown, accountId: string) => {
      const claims = await claimsForAccount(options.db, accountId);
      return claims ? { accountId, claims: async () => claims } : undefined;
    },
    // Hamlet's own clients are first-party: signing in is consent, so no consent page.
    loadExistingGrant: async (ctx: OidcContext) => {
      const { oidc } = ctx;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session.grantIdFor(oidc.client.clientId);
      if (grantId) return oidc.provider.Grant.find(grantId);
      const grant = new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId: oidc.session.accountId });
      grant.addOIDCScope(oidc.client.clientId === embeddedClientId('staff') ? SCOPES.staff : SCOPES.patient);
      await grant.save();
      return grant;
    },
  });
  provider.proxy = true;
  const handle = provider.callback();

  let users: { at: number; list: SyntheticUser[] } | null = null;
  const syntheticUsers = async () => {
    if (!users || Date.now() - users.at > 60_000) users = { at: Date.now(), list: await listSyntheticUsers(options.db) };
    return users.list;
  };
  const audienceOf = (params: Record<string, unknown>): Audience => (params.client_id === embeddedClientId('staff') ? 'staff' : 'patient');

  await app.register(async (scope) => {
    await scope.register(formbody);
    scope.get<{ Params: { uid: string } }>(`${EMBEDDED_IDP_PATH}/interaction/:uid`, {
      config: { access: 'public' }, schema: { hide: true, params: { type: 'object', properties: { uid: { type: 'string', maxLength: 100 } } } },
    }, async (request, reply) => {
      const details = await provider.interactionDetails(request.raw, reply.raw);
      const audience = audienceOf(details.params);
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(renderLoginPage({
        audience, users: await syntheticUsers(), formAction: `${EMBEDDED_IDP_PATH}/interaction/${details.uid}/login`,
      }));
    });
    scope.post<{ Params: { uid: string }; Body: { account: string } }>(`${EMBEDDED_IDP_PATH}/interaction/:uid/login`, {
      config: { access: 'public' },
      schema: { hide: true, body: { type: 'object', properties: { account: { type: 'string', minLength: 1, maxLength: 100 } }, required: ['account'] } },
    }, async (request, reply) => {
      const details = await provider.interactionDetails(request.raw, reply.raw);
      const audience = audienceOf(details.params);
      if (!(await claimsForAccount(options.db, request.body.account))) {
        return reply.status(400).type('text/html; charset=utf-8').send(renderLoginPage({
          audience, users: await syntheticUsers(), formAction: `${EMBEDDED_IDP_PATH}/interaction/${details.uid}/login`, error: 'Choose one of the people listed.',
        }));
      }
      const returnTo = await provider.interactionResult(request.raw, reply.raw, { login: { accountId: request.body.account } }, { mergeWithLastSubmission: false });
      return reply.redirect(returnTo, 303);
    });
  });

  // Everything else under /oidc is the provider's own (discovery, JWKS, authorize, token, userinfo).
  await app.register(async (scope) => {
    // The provider reads the request body itself, so Fastify must leave it unread.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request: FastifyRequest, _payload: unknown, done: (err: Error | null, body?: unknown) => void) => done(null));
    scope.route({
      method: ['GET', 'POST', 'OPTIONS'], url: `${EMBEDDED_IDP_PATH}/*`, config: { access: 'public' }, schema: { hide: true },
      handler: async (request, reply) => {
        reply.hijack();
        const raw = request.raw as typeof request.raw & { originalUrl?: string };
        raw.originalUrl = raw.url;
        raw.url = (raw.url ?? '').slice(EMBEDDED_IDP_PATH.length) || '/';
        handle(raw, reply.raw);
      },
    });
  });

  return { issuer, client };
}
