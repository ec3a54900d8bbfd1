// FHIR Patient (search and read) and Appointment (book, read, cancel with If-Match, search by patient).
// Every patient record and appointment is opened through patientAccess, which audits it.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../server/services.ts';
import type { Actor } from '../trust/domain/actor.ts';
import { invalidInput, notFound, preconditionFailed } from '../shared/errors.ts';
import { DomainError } from '../shared/errors.ts';
import { patientForBooking } from '../booking/booking.repository.ts';
import { patientResource } from './domain/fhir-resources.ts';
import { appointmentResource, parseBookingRequest, parseWeakEtag, referenceId } from './domain/fhir-appointment.ts';
import { parseDateParam, searchsetBundle } from './domain/fhir-bundle.ts';
import { appointmentFacts } from './fhir-mapping.ts';
import type { QueryValue } from './fhir-slot-search.ts';
import { allOf, oneOf } from './fhir-slot-search.ts';
import type { PatientQuery } from './fhir-patient-search.ts';
import { searchPatientIds } from './fhir-patient-search.ts';
import { nextLink, pageOf } from './fhir-paging.ts';
import { FHIR_PREFIX, fhirQuery, resourceResponse, sendResource } from './fhir-http.ts';

type Query = Record<string, QueryValue>;
const signedIn = { access: 'authenticated' as const };
const tags = ['fhir'];
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[0-9]{1,15}$' } } } as const;
const responses = { 200: resourceResponse, 400: resourceResponse, 403: resourceResponse, 404: resourceResponse };

export function registerFhirPatientRoutes(fhir: FastifyInstance, services: Pick<Services, 'booking' | 'config' | 'database' | 'patientAccess'>): void {
  const { booking, database, patientAccess } = services;
  const baseUrl = `${services.config.publicUrl}${FHIR_PREFIX}`;
  const etag = (version: number) => `W/"${version}"`;

  async function readPatient(actor: Actor, id: number, action: string) {
    await patientAccess.assert(database.db, actor, id, { action, resourceType: 'Patient', resourceId: id });
    const patient = await patientForBooking(database.db, id);
    if (!patient) throw notFound('Patient');
    return patientResource(patient);
  }

  fhir.get<{ Querystring: PatientQuery & Query }>('/Patient', {
    config: signedIn,
    schema: { tags, summary: 'Patients by NHS number (identifier=https://fhir.nhs.uk/Id/nhs-number|…), name, birthdate; _count paging', querystring: fhirQuery, response: responses },
  }, async (request, reply) => {
    const actor = request.actor!;
    const page = pageOf(request.query, 20, 100);
    const { reference } = await booking.snapshot();
    const { ids, total } = await searchPatientIds(database.db, actor, request.query, page, reference.hubAgreements.get(actor.hubId ?? '') ?? new Set());
    const resources = [];
    for (const id of ids) resources.push(await readPatient(actor, id, 'patient.search'));
    const entries = resources.map((resource) => ({ resource, mode: 'match' as const }));
    return sendResource(reply, 200, searchsetBundle(baseUrl, `${baseUrl}${request.url.replace(FHIR_PREFIX, '')}`, entries, total, nextLink(baseUrl, request.url, page, total)));
  });

  fhir.get<{ Params: { id: string } }>('/Patient/:id', { config: signedIn, schema: { tags, params: idParams, response: responses } }, async (request, reply) =>
    sendResource(reply, 200, await readPatient(request.actor!, Number(request.params.id), 'patient.read')));

  fhir.post<{ Body: unknown }>('/Appointment', {
    config: signedIn,
    schema: { tags, summary: 'Book: status booked, one slot, a Patient participant → 201 + Location, or 409 when the slot is taken', body: resourceResponse, response: { 201: resourceResponse, 409: resourceResponse, ...responses } },
  }, async (request, reply) => {
    const parsed = parseBookingRequest(request.body);
    if ('problem' in parsed) throw invalidInput(parsed.field, parsed.problem);
    const key = request.headers['idempotency-key'];
    const view = await booking.book(request.actor!, { patientId: parsed.patientId, slotId: parsed.slotId, reason: parsed.description, idempotencyKey: typeof key === 'string' ? key : null });
    return sendResource(reply.header('location', `${baseUrl}/Appointment/${view.id}/_history/${view.version}`).header('etag', etag(view.version)), 201, appointmentResource(appointmentFacts(view)));
  });

  fhir.get<{ Params: { id: string } }>('/Appointment/:id', { config: signedIn, schema: { tags, params: idParams, response: responses } }, async (request, reply) => {
    const view = await booking.get(request.actor!, Number(request.params.id));
    return sendResource(reply.header('etag', etag(view.version)), 200, appointmentResource(appointmentFacts(view)));
  });

  fhir.put<{ Params: { id: string }; Body: unknown }>('/Appointment/:id', {
    config: signedIn,
    schema: { tags, summary: 'Cancel: the Appointment with status cancelled (+ cancelationReason), If-Match: W/"version"', params: idParams, body: resourceResponse, response: { 412: resourceResponse, 409: resourceResponse, ...responses } },
  }, async (request, reply) => {
    const id = Number(request.params.id);
    const expected = parseWeakEtag(request.headers['if-match']);
    if (expected === null) throw new DomainError('precondition_failed', 'If-Match: W/"version" is required to change an appointment.');
    const body = request.body as { resourceType?: unknown; id?: unknown; status?: unknown; cancelationReason?: { text?: unknown } } | null;
    if (body?.resourceType !== 'Appointment' || (body.id !== undefined && body.id !== request.params.id)) throw invalidInput('Appointment.id', 'must be this Appointment');
    const current = await booking.get(request.actor!, id);
    if (current.version !== expected) throw preconditionFailed(`The appointment has changed (version ${current.version}); read it again.`);
    if (body.status !== 'cancelled') throw invalidInput('Appointment.status', 'only cancellation is supported (status cancelled); rebook by cancelling and booking');
    const reason = typeof body.cancelationReason?.text === 'string' && body.cancelationReason.text.trim() ? body.cancelationReason.text : 'Cancelled through the FHIR API';
    const view = await booking.cancel(request.actor!, id, reason);
    return sendResource(reply.header('etag', etag(view.version)), 200, appointmentResource(appointmentFacts(view)));
  });

  fhir.get<{ Querystring: Query }>('/Appointment', {
    config: signedIn,
    schema: { tags, summary: "A patient's appointments (patient=Patient/{id}, date=ge…&date=le…), cancelled ones included", querystring: fhirQuery, response: responses },
  }, async (request, reply) => {
    const patientId = referenceId({ reference: oneOf(request.query.patient) }, 'Patient') ?? (/^\d+$/.test(oneOf(request.query.patient) ?? '') ? Number(oneOf(request.query.patient)) : null);
    if (patientId === null) throw invalidInput('patient', 'patient=Patient/{id} is required');
    let from: Date | null = null;
    let to: Date | null = null;
    for (const raw of allOf(request.query.date)) {
      const date = parseDateParam(raw);
      if (!date) throw invalidInput('date', 'must be ge/le a date or date-time');
      const instant = new Date(date.dateOnly ? `${date.value}T00:00:00Z` : date.value);
      if (date.prefix === 'ge' || date.prefix === 'gt') from = instant;
      else if (date.prefix === 'le' || date.prefix === 'lt') to = date.dateOnly ? new Date(instant.getTime() + 86_400_000) : instant;
    }
    const page = pageOf(request.query, 50, 500);
    const views = await booking.listForPatient(request.actor!, patientId, { from, to, limit: 500 });
    const entries = views.slice(page.offset, page.offset + page.count).map((v) => ({ resource: appointmentResource(appointmentFacts(v)), mode: 'match' as const }));
    return sendResource(reply, 200, searchsetBundle(baseUrl, `${baseUrl}${request.url.replace(FHIR_PREFIX, '')}`, entries, views.length, nextLink(baseUrl, request.url, page, views.length)));
  });
}
