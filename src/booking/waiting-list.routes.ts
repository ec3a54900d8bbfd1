// Product API for the earlier-appointment waiting list and the staff capacity views.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../server/services.ts';
import type { Actor } from '../trust/domain/actor.ts';
import type { JoinInput } from './waiting-list.service.ts';
import { APPOINTMENT_MODES } from '../shared/domain/vocabulary.ts';
import { capacitySchema, enhancedAccessSchema, errorSchema, idParams, waitingEntrySchema } from './booking-schemas.ts';

const signedIn = { access: 'authenticated' as const };
const staff = { access: ['receptionist', 'clinician', 'hub_staff', 'link_worker', 'pcn_lead', 'commissioner', 'admin'] as const };
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

export function registerWaitingListRoutes(app: FastifyInstance, { booking }: Pick<Services, 'booking'>): void {
  app.addSchema(waitingEntrySchema);
  const tags = ['waiting list'];
  const actorOf = (request: { actor: Actor | null }) => request.actor!;

  app.post<{ Body: JoinInput }>('/api/waiting-list', {
    config: signedIn,
    schema: {
      tags, summary: 'Ask for an earlier appointment if one frees up',
      body: {
        type: 'object', required: ['patientId'], additionalProperties: false,
        properties: {
          patientId: { type: 'integer' }, appointmentId: { type: ['integer', 'null'] },
          criteria: {
            type: 'object', additionalProperties: false,
            properties: {
              modes: { type: 'array', items: { type: 'string', enum: [...APPOINTMENT_MODES] } }, clinicianId: { type: ['string', 'null'] },
              siteIds: { type: ['array', 'null'], items: { type: 'string' } }, before: { type: ['string', 'null'], format: 'date-time' },
            },
          },
        },
      },
      response: { 201: { $ref: 'WaitingListEntry#' }, ...errors },
    },
  }, async (request, reply) => reply.status(201).send(await booking.waitingList.join(actorOf(request), request.body)));

  app.get<{ Querystring: { practiceId?: string; patientId?: number } }>('/api/waiting-list', {
    config: signedIn,
    schema: {
      tags, summary: "A practice's waiting list (staff) or one patient's entries",
      querystring: { type: 'object', properties: { practiceId: { type: 'string' }, patientId: { type: 'integer' } } },
      response: { 200: { type: 'array', items: { $ref: 'WaitingListEntry#' } }, ...errors },
    },
  }, (request) => booking.waitingList.list(actorOf(request), request.query));

  app.post<{ Params: { id: number } }>('/api/waiting-list/:id/accept', {
    config: signedIn,
    schema: { tags, summary: 'Accept the offered slot: books it (and cancels the later appointment)', params: idParams, response: { 200: { $ref: 'Appointment#' }, ...errors } },
  }, (request) => booking.waitingList.accept(actorOf(request), request.params.id));

  app.post<{ Params: { id: number } }>('/api/waiting-list/:id/decline', {
    config: signedIn,
    schema: { tags, summary: 'Decline the offered slot: it goes to the next person; the entry keeps waiting', params: idParams, response: { 200: { $ref: 'WaitingListEntry#' }, ...errors } },
  }, (request) => booking.waitingList.decline(actorOf(request), request.params.id));

  app.get<{ Querystring: { practiceId?: string; hubId?: string; from: string; to: string } }>('/api/capacity', {
    config: staff,
    schema: {
      tags: ['capacity'], summary: 'Offered, booked, held and free slots per day, per clinician session and by mode',
      querystring: { type: 'object', required: ['from', 'to'], properties: { practiceId: { type: 'string' }, hubId: { type: 'string' }, from: date, to: date } },
      response: { 200: capacitySchema, ...errors },
    },
  }, (request) => booking.capacity(request.query));

  app.get<{ Querystring: { pcnId?: string; from: string; to: string; hours?: 'hub' | 'network_standard' } }>('/api/enhanced-access', {
    config: staff,
    schema: {
      tags: ['capacity'], summary: 'Enhanced Access per PCN per week: offered minutes against 60 per 1,000 patients within the hours',
      querystring: {
        type: 'object', required: ['from', 'to'],
        properties: { pcnId: { type: 'string' }, from: date, to: date, hours: { type: 'string', enum: ['hub', 'network_standard'] } },
      },
      response: { 200: enhancedAccessSchema, ...errors },
    },
  }, (request) => booking.enhancedAccess(request.query));
}
