// The front door over HTTP: preview (adaptive questions), submit, read, the staff queue and staff actions.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../server/services.ts';
import type { Role } from '../trust/domain/actor.ts';
import { invalidInput } from '../shared/errors.ts';
import type { CareService, Disposition } from '../shared/domain/vocabulary.ts';
import type { PreviewInput } from './requests.service.ts';
import type { SubmissionBody } from './submit-request.ts';
import {
  bookBodySchema, closeBodySchema, idParams, messageBodySchema, overrideBodySchema, previewBodySchema, previewResponseSchema,
  queueQuerySchema, referBodySchema, requestViewSchema, submissionBodySchema,
} from './request-schemas.ts';

const STAFF: readonly Role[] = ['receptionist', 'clinician', 'hub_staff', 'link_worker', 'pcn_lead', 'admin'];
const SUBMITTERS: readonly Role[] = ['patient', ...STAFF];
const tags = ['front door'];
type Id = { Params: { id: string } };

export function registerRequestRoutes(app: FastifyInstance, { requests }: Pick<Services, 'requests'>): void {
  app.post<{ Body: PreviewInput }>('/api/requests/triage-preview', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Triage without storing anything: the outcome so far and the next safety question, until none remain', body: previewBodySchema, response: { 200: previewResponseSchema } },
  }, (request) => requests.preview(request.body));

  app.post<{ Body: SubmissionBody }>('/api/requests', {
    config: { access: SUBMITTERS },
    schema: { tags, summary: 'Send a request (patient, proxy or navigator): triaged, timed and routed; never refused for capacity', body: submissionBodySchema, response: { 201: requestViewSchema } },
  }, async (request, reply) => reply.status(201).send(await requests.submit(request.actor!, request.body)));

  app.get<Id>('/api/requests/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: "A request: its status, the engine's outcome and the practice's replies", params: idParams, response: { 200: requestViewSchema } },
  }, (request) => requests.get(request.actor!, request.params.id));

  app.get<{ Params: { patientId: number } }>('/api/patients/:patientId/requests', {
    config: { access: 'authenticated' },
    schema: { tags, summary: "A patient's requests, newest first", params: { type: 'object', required: ['patientId'], properties: { patientId: { type: 'integer', minimum: 1 } } }, response: { 200: { type: 'array', items: requestViewSchema } } },
  }, (request) => requests.listForPatient(request.actor!, request.params.patientId));

  app.get<{ Querystring: { practiceId?: string; hubId?: string } }>('/api/queue', {
    config: { access: STAFF },
    schema: { tags, summary: 'The staff queue: emergency alerts first, then by urgency and response deadline, with breach flags', querystring: queueQuerySchema },
  }, (request) => {
    const { practiceId, hubId } = request.query;
    const actor = request.actor!;
    if (hubId) return requests.queue(actor, { hubId });
    const practice = practiceId ?? actor.practiceId;
    if (!practice) throw invalidInput('practiceId', 'name the practice whose queue to show');
    return requests.queue(actor, { practiceId: practice });
  });

  app.post<Id & { Body: { disposition: Disposition; service: CareService; reason: string } }>('/api/requests/:id/override', {
    config: { access: STAFF },
    schema: { tags, summary: 'Change the disposition or service, with a reason (audited; only a clinician may lower one)', params: idParams, body: overrideBodySchema, response: { 200: requestViewSchema } },
  }, async (request) => requests.get(request.actor!, (await requests.override(request.actor!, request.params.id, request.body)).id));

  app.post<Id & { Body: { body: string } }>('/api/requests/:id/messages', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Reply to a request (staff) or add to it (the patient)', params: idParams, body: messageBodySchema, response: { 201: requestViewSchema } },
  }, async (request, reply) => {
    await requests.message(request.actor!, request.params.id, request.body.body);
    return reply.status(201).send(await requests.get(request.actor!, request.params.id));
  });

  app.post<Id & { Body: { slotId: number } }>('/api/requests/:id/book', {
    config: { access: STAFF },
    schema: { tags, summary: 'Book an appointment for the request through the booking service (never for an emergency without a clinician override)', params: idParams, body: bookBodySchema },
  }, async (request, reply) => {
    const { request: updated, appointment } = await requests.book(request.actor!, request.params.id, request.body.slotId);
    return reply.status(201).send({ request: await requests.get(request.actor!, updated.id), appointment });
  });

  app.post<Id & { Body: { communityServiceId?: string; note: string } }>('/api/requests/:id/refer', {
    config: { access: STAFF },
    schema: { tags, summary: 'Refer on to a community service or the social prescribing link worker', params: idParams, body: referBodySchema },
  }, async (request, reply) => {
    const { request: updated, referralId } = await requests.refer(request.actor!, request.params.id, request.body);
    return reply.status(201).send({ referralId, request: await requests.get(request.actor!, updated.id) });
  });

  app.post<Id & { Body: { outcome: string } }>('/api/requests/:id/close', {
    config: { access: STAFF },
    schema: { tags, summary: 'Close a request with its outcome (an emergency only by a clinician)', params: idParams, body: closeBodySchema, response: { 200: requestViewSchema } },
  }, async (request) => requests.get(request.actor!, (await requests.close(request.actor!, request.params.id, request.body.outcome)).id));
}
