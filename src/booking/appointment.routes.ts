// Product API for search and appointments. Every route checks patient access in the service (audited).
import type { FastifyInstance } from 'fastify';
import type { Services } from '../server/services.ts';
import type { Actor } from '../trust/domain/actor.ts';
import type { BookingChannel } from '../shared/domain/vocabulary.ts';
import type { SearchInput } from './slot-search.service.ts';
import {
  appointmentSchema, bookBodySchema, errorSchema, idParams, idempotencyHeaders, searchBodySchema, searchResponseSchema, slotOptionSchema,
} from './booking-schemas.ts';

const tags = ['booking'];
const signedIn = { access: 'authenticated' as const };
const staffOnly = { access: ['receptionist', 'clinician', 'hub_staff', 'link_worker', 'pcn_lead', 'admin'] as const };
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

export function registerAppointmentRoutes(app: FastifyInstance, { booking }: Pick<Services, 'booking'>): void {
  app.addSchema(slotOptionSchema);
  app.addSchema(appointmentSchema);
  const actorOf = (request: { actor: Actor | null }) => request.actor!;

  app.post<{ Body: SearchInput }>('/api/booking/search', {
    config: signedIn,
    schema: { tags, summary: 'Ranked appointment options for a patient across the practice, the PCN and the hubs', body: searchBodySchema, response: { 200: searchResponseSchema, ...errors } },
  }, (request) => booking.search(actorOf(request), request.body));

  app.post<{ Body: { patientId: number; slotId: number; requestId?: string | null; reason?: string | null; channel?: BookingChannel | null } }>('/api/appointments', {
    config: signedIn,
    schema: {
      tags, summary: 'Book a slot (409 slot_taken when someone else got it first)', headers: idempotencyHeaders, body: bookBodySchema,
      response: { 201: { $ref: 'Appointment#' }, ...errors, 422: errorSchema },
    },
  }, async (request, reply) => {
    const key = request.headers['idempotency-key'];
    const view = await booking.book(actorOf(request), { ...request.body, idempotencyKey: typeof key === 'string' ? key : null });
    return reply.status(201).header('location', `/api/appointments/${view.id}`).send(view);
  });

  app.get<{ Params: { id: number } }>('/api/appointments/:id', {
    config: signedIn,
    schema: { tags, summary: 'One appointment', params: idParams, response: { 200: { $ref: 'Appointment#' }, ...errors } },
  }, (request) => booking.get(actorOf(request), request.params.id));

  app.get<{ Params: { patientId: number }; Querystring: { from?: string; to?: string; limit?: number } }>('/api/patients/:patientId/appointments', {
    config: signedIn,
    schema: {
      tags, summary: "A patient's appointments (including cancelled), newest first",
      params: { type: 'object', required: ['patientId'], properties: { patientId: { type: 'integer', minimum: 1 } } },
      querystring: { type: 'object', properties: { from: { type: 'string', format: 'date-time' }, to: { type: 'string', format: 'date-time' }, limit: { type: 'integer', minimum: 1, maximum: 500 } } },
      response: { 200: { type: 'array', items: { $ref: 'Appointment#' } }, ...errors },
    },
  }, (request) => booking.listForPatient(actorOf(request), request.params.patientId, {
    from: request.query.from ? new Date(request.query.from) : null, to: request.query.to ? new Date(request.query.to) : null, limit: request.query.limit ?? 100,
  }));

  const reasonBody = { type: 'object', required: ['reason'], additionalProperties: false, properties: { reason: { type: 'string', minLength: 1, maxLength: 500 } } } as const;
  app.post<{ Params: { id: number }; Body: { reason: string } }>('/api/appointments/:id/cancel', {
    config: signedIn,
    schema: { tags, summary: 'Cancel with a reason; the slot is freed and offered to the waiting list', params: idParams, body: reasonBody, response: { 200: { $ref: 'Appointment#' }, ...errors } },
  }, (request) => booking.cancel(actorOf(request), request.params.id, request.body.reason));

  app.post<{ Params: { id: number }; Body: { slotId: number; reason: string } }>('/api/appointments/:id/rebook', {
    config: signedIn,
    schema: {
      tags, summary: 'Move to another slot: cancel and book in one transaction', params: idParams,
      body: { type: 'object', required: ['slotId', 'reason'], additionalProperties: false, properties: { slotId: { type: 'integer', minimum: 1 }, reason: { type: 'string', minLength: 1, maxLength: 500 } } },
      response: { 200: { $ref: 'Appointment#' }, ...errors },
    },
  }, (request) => booking.rebook(actorOf(request), request.params.id, request.body));

  app.post<{ Params: { id: number }; Body: { status: 'attended' | 'dna' } }>('/api/appointments/:id/outcome', {
    config: staffOnly,
    schema: {
      tags, summary: 'Record attendance (attended or did not attend)', params: idParams,
      body: { type: 'object', required: ['status'], additionalProperties: false, properties: { status: { type: 'string', enum: ['attended', 'dna'] } } },
      response: { 200: { $ref: 'Appointment#' }, ...errors },
    },
  }, (request) => booking.recordOutcome(actorOf(request), request.params.id, request.body.status));

  app.get<{ Params: { id: number } }>('/api/appointments/:id/calendar.ics', {
    config: signedIn,
    schema: { tags, summary: 'The appointment as an iCalendar file', params: idParams, produces: ['text/calendar'], response: { 200: { type: 'string', description: 'text/calendar' }, ...errors } },
  }, async (request, reply) => {
    const ics = await booking.calendar(actorOf(request), request.params.id);
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="appointment-${request.params.id}.ics"`).send(ics);
  });
}
