// API authentication: `Authorization: Bearer <token>`. A token that is present but invalid is refused
// outright (never silently treated as anonymous).
import type { FastifyRequest } from 'fastify';
import type { Authenticator } from '../server/access-control.ts';
import type { Services } from '../server/services.ts';
import { DomainError } from '../shared/errors.ts';
import { verifyToken } from './tokens.ts';

export function bearerTokenAuthenticator(services: Pick<Services, 'tokenSecret' | 'clock' | 'actors'>): Authenticator {
  return async (request: FastifyRequest) => {
    const header = request.headers.authorization;
    if (!header) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new DomainError('unauthenticated', 'The Authorization header must be "Bearer <token>".');
    const claims = await verifyToken(services.tokenSecret, match[1]!, services.clock.now());
    return services.actors.resolve(claims);
  };
}
