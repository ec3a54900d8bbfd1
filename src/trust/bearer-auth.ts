// API authentication: `Authorization: Bearer <token>`. A token that is present but invalid is refused
// outright (never silently treated as anonymous).
import type { FastifyRequest } from 'fastify';
import type { Authenticator } from '../server/access-control.ts';
import type { Services } from '../server/services.ts';
import { DomainError } from '../shared/errors.ts';
import { verifyToken } from './tokens.ts';
import { EMBEDDED_IDP_PATH } from './embedded-idp.ts';

export function bearerTokenAuthenticator(services: Pick<Services, 'tokenSecret' | 'clock' | 'actors'>): Authenticator {
  return async (request: FastifyRequest) => {
    const header = request.headers.authorization;
    // Other schemes are not Hamlet's (the embedded identity provider's token endpoint takes Basic), and
    // the provider's own endpoints (userinfo) check their own access tokens.
    if (!header || !/^Bearer(\s|$)/i.test(header) || request.url.startsWith(`${EMBEDDED_IDP_PATH}/`)) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new DomainError('unauthenticated', 'The Authorization header must be "Bearer <token>".');
    const claims = await verifyToken(services.tokenSecret, match[1]!, services.clock.now());
    return services.actors.resolve(claims);
  };
}
