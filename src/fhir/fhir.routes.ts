// FHIR R4 under /fhir/r4: its own content type, and every error as an OperationOutcome (GP Connect: a slot
// taken in the meantime is 409 DUPLICATE_REJECTED). Routes declare access like every other route.
import { isInputDataError } from '../server/error-handler.ts';
import type { FastifyError, FastifyInstance } from 'fastify';
import type { Services } from '../server/services.ts';
import { DomainError, HTTP_STATUS, type ErrorCode } from '../shared/errors.ts';
import { capabilityStatement, operationOutcome, type IssueCode } from './domain/fhir-bundle.ts';
import { FHIR_PREFIX, resourceResponse, sendResource } from './fhir-http.ts';
import { registerFhirDirectoryRoutes } from './fhir-directory.routes.ts';
import { registerFhirPatientRoutes } from './fhir-patient.routes.ts';


const ISSUE_CODES = {
  invalid_input: 'invalid', unauthenticated: 'login', not_permitted: 'forbidden', not_found: 'not-found', conflict: 'conflict',
  slot_taken: 'duplicate', precondition_failed: 'conflict', idempotency_mismatch: 'conflict', unavailable: 'transient',
} as const satisfies Record<ErrorCode, IssueCode>;

export async function registerFhirRoutes(app: FastifyInstance, services: Pick<Services, 'booking' | 'config' | 'database' | 'patientAccess' | 'clock'>): Promise<void> {
  await app.register(async (fhir) => {
    fhir.addContentTypeParser(['application/fhir+json', 'application/json+fhir'], { parseAs: 'string' }, (_request, body, done) => {
      try {
        done(null, JSON.parse(body as string));
      } catch {
        done(Object.assign(new Error('The body is not valid JSON.'), { statusCode: 400 }), undefined);
      }
    });
    fhir.setErrorHandler((error: FastifyError | DomainError | Error, request, reply) => {
      if (error instanceof DomainError) {
        const spine = error.code === 'slot_taken' ? 'DUPLICATE_REJECTED' : error.code === 'invalid_input' ? 'INVALID_PARAMETER' : undefined;
        return sendResource(reply, HTTP_STATUS[error.code], operationOutcome(ISSUE_CODES[error.code], error.message, spine, error.field));
      }
      const fastifyError = error as FastifyError;
      // Input the database rejects (an id beyond integer range, a NUL byte) is the caller's error, not ours.
      const status = fastifyError.validation || isInputDataError(error) ? 400 : fastifyError.statusCode && fastifyError.statusCode < 500 ? fastifyError.statusCode : 500;
      if (status >= 500) {
        request.log.error({ err: error }, 'unhandled FHIR error');
        return sendResource(reply, 500, operationOutcome('exception', `Something went wrong on our side (reference ${request.id}).`));
      }
      return sendResource(reply, status, operationOutcome(status === 415 ? 'not-supported' : 'invalid', fastifyError.message));
    });
    fhir.setNotFoundHandler((request, reply) => sendResource(reply, 404, operationOutcome('not-found', `No FHIR route for ${request.method} ${request.url.split('?')[0]}`)));

    fhir.get('/metadata', {
      config: { access: 'public' },
      schema: { tags: ['fhir'], summary: 'CapabilityStatement', security: [], response: { 200: resourceResponse } },
    }, (_request, reply) => sendResource(reply, 200, capabilityStatement(`${services.config.publicUrl}${FHIR_PREFIX}`, services.clock.now().toISOString(), '0.1.0')));

    registerFhirDirectoryRoutes(fhir, services);
    registerFhirPatientRoutes(fhir, services);
  }, { prefix: FHIR_PREFIX });
}
