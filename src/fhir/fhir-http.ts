// What every FHIR route shares: the prefix, the content type and the generic resource schemas.
import type { FastifyReply } from 'fastify';
import type { FhirResource } from './domain/fhir-resources.ts';

export const FHIR_PREFIX = '/fhir/r4';
export const FHIR_CONTENT_TYPE = 'application/fhir+json; charset=utf-8';
export const resourceResponse = { type: 'object', additionalProperties: true, description: 'A FHIR R4 resource (application/fhir+json)' } as const;
export const fhirQuery = { type: 'object', additionalProperties: true } as const;

export function sendResource(reply: FastifyReply, status: number, resource: FhirResource): FastifyReply {
  return reply.status(status).type(FHIR_CONTENT_TYPE).send(resource);
}
