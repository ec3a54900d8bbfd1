// The one place domain errors and validation failures become HTTP responses: status, code, field, reason.
// A 5xx never leaks internals: the caller gets a reference to quote, the log gets the detail.
import type { FastifyError, FastifyInstance } from 'fastify';
import { DomainError, HTTP_STATUS } from '../shared/errors.ts';

export interface ErrorBody {
  error: { code: string; message: string; field?: string; reason?: string; details?: Record<string, unknown>; reference?: string };
}

/** PostgreSQL data exceptions caused by input values: numeric out of range, bad text representation, datetime
 *  out of range or badly formatted, string too long, NUL or untranslatable characters. */
const INPUT_SQLSTATES = new Set(['22003', '22P02', '22007', '22008', '22001', '22021', '22P05']);

/** True for a database error caused by a value the caller sent (see INPUT_SQLSTATES): answer 400, not 500. */
export function isInputDataError(error: unknown): boolean {
  const sqlState = (error as { code?: unknown } | null)?.code;
  return typeof sqlState === 'string' && INPUT_SQLSTATES.has(sqlState);
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | DomainError | Error, request, reply) => {
    if (error instanceof DomainError) {
      const body: ErrorBody = { error: { code: error.code, message: error.message } };
      if (error.field) Object.assign(body.error, { field: error.field, reason: error.message });
      if (error.details) body.error.details = error.details;
      return reply.status(HTTP_STATUS[error.code]).send(body);
    }
    const fastifyError = error as FastifyError;
    if (isInputDataError(error)) {
      // The database refused a value that got past the schemas (an id beyond integer range, a NUL byte):
      // the caller's input, not our fault, but logged so the missing schema limit gets added.
      request.log.warn({ err: error }, 'input refused by the database');
      return reply.status(400).send({ error: { code: 'invalid_input', message: 'A value in the request is out of range or not allowed.', field: 'request', reason: 'A value in the request is out of range or not allowed.' } } satisfies ErrorBody);
    }
    if (fastifyError.validation) {
      const first = fastifyError.validation[0];
      const path = first?.instancePath?.replace(/^\//, '').replace(/\//g, '.') ?? '';
      const missing = (first?.params as { missingProperty?: string } | undefined)?.missingProperty;
      const field = [fastifyError.validationContext, path || missing].filter(Boolean).join('.') || 'request';
      const reason = missing ? `${missing} is required` : `${path || 'value'} ${first?.message ?? 'is not valid'}`;
      return reply.status(400).send({ error: { code: 'invalid_input', message: reason, field, reason } } satisfies ErrorBody);
    }
    const status = fastifyError.statusCode && fastifyError.statusCode >= 400 ? fastifyError.statusCode : 500;
    if (status < 500) {
      const code = status === 413 ? 'payload_too_large' : status === 429 ? 'rate_limited' : status === 415 ? 'unsupported_media_type' : 'bad_request';
      return reply.status(status).send({ error: { code, message: fastifyError.message } } satisfies ErrorBody);
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: 'Something went wrong on our side. Please try again.', reference: request.id } } satisfies ErrorBody);
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: { code: 'not_found', message: `No route for ${request.method} ${request.url.split('?')[0]}` } } satisfies ErrorBody),
  );
}
