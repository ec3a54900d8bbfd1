// JSON schemas for booking's product API: they validate requests, shape responses and document OpenAPI.
import { APPOINTMENT_MODES, APPOINTMENT_STATUSES, BOOKING_CHANNELS, CLINICAL_ROLES, LANGUAGES } from '../shared/domain/vocabulary.ts';
import { REASON_CODES } from './domain/ranking-reasons.ts';

const nullable = (schema: Record<string, unknown>) => ({ anyOf: [schema, { type: 'null' }] });
const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;
const localIso = { type: 'string', format: 'date-time', description: 'London local time with offset, e.g. 2027-03-28T08:00:00+01:00' } as const;
const mode = { type: 'string', enum: [...APPOINTMENT_MODES] } as const;

export const siteSchema = {
  type: 'object',
  properties: { id: str, name: str, postcode: str, addressLine: str, stepFree: { type: 'boolean' } },
} as const;
export const clinicianSchema = {
  type: 'object',
  properties: { id: str, name: str, role: str, languages: { type: 'array', items: str } },
} as const;
export const organisationSchema = {
  type: 'object',
  properties: { kind: { type: 'string', enum: ['practice', 'hub'] }, id: str, name: str },
} as const;

export const appointmentSchema = {
  $id: 'Appointment',
  type: 'object',
  properties: {
    id: int, reference: str, patientId: int, slotId: nullable(int), start: localIso, end: localIso, mode,
    status: { type: 'string', enum: [...APPOINTMENT_STATUSES] }, site: siteSchema, clinician: clinicianSchema, organisation: organisationSchema,
    reason: nullable(str), requestId: nullable(str), bookedAt: localIso, cancelledAt: nullable(localIso), cancellationReason: nullable(str),
    outcomeRecordedAt: nullable(localIso), version: int,
    gpad: {
      type: 'object',
      description: 'GP Appointments Data fields',
      properties: {
        nationalCategory: str, serviceSetting: str, bookingChannel: str, bookedByOrg: nullable(str), hcpType: str, appointmentMode: str,
        timeBetweenBookingAndAppointment: str,
      },
    },
  },
} as const;

const travelSchema = nullable({ type: 'object', properties: { walk: int, public_transport: int, car: int } });
export const slotOptionSchema = {
  $id: 'SlotOption',
  type: 'object',
  properties: {
    slotId: int, start: localIso, end: localIso, mode, slotType: str, site: siteSchema, clinician: clinicianSchema,
    organisation: organisationSchema, travelMinutes: travelSchema,
    reasons: { type: 'array', items: { type: 'object', properties: { code: { type: 'string', enum: [...REASON_CODES] }, text: str } } },
    score: { type: 'number' },
  },
} as const;

const waitSchema = nullable({
  type: 'object',
  properties: { clinician: clinicianSchema, firstSlot: nullable({ $ref: 'SlotOption#' }), expectedWaitDays: nullable(int), waitMinutes: nullable(int) },
});

export const searchBodySchema = {
  type: 'object',
  required: ['patientId'],
  additionalProperties: false,
  properties: {
    patientId: int,
    need: {
      type: 'object',
      additionalProperties: false,
      properties: {
        earliest: nullable({ type: 'string', format: 'date-time' }),
        latest: nullable({ type: 'string', format: 'date-time' }),
        modes: nullable({ type: 'array', items: mode }),
        roles: { anyOf: [{ type: 'array', items: { type: 'string', enum: [...CLINICAL_ROLES] } }, { type: 'string', enum: ['any_clinician'] }, { type: 'null' }] },
        serviceTag: nullable(str),
      },
    },
    preferences: {
      type: 'object',
      additionalProperties: false,
      properties: {
        mode: nullable(mode),
        timeOfDay: nullable({ type: 'string', enum: ['morning', 'afternoon', 'evening'] }),
        preferUsualClinician: { type: 'boolean' },
        language: nullable({ type: 'string', enum: LANGUAGES.map((l) => l.code) }),
        stepFreeRequired: { type: 'boolean' },
        maxTravelMinutes: nullable({ type: 'integer', minimum: 1, maximum: 240 }),
        travelMode: { type: 'string', enum: ['walk', 'public_transport', 'car'] },
        limit: { type: 'integer', minimum: 1, maximum: 50 },
      },
    },
  },
} as const;

export const searchResponseSchema = {
  type: 'object',
  properties: {
    patientId: int,
    window: { type: 'object', properties: { earliest: localIso, latest: localIso } },
    eligibleCount: int,
    options: { type: 'array', items: { $ref: 'SlotOption#' } },
    usualClinician: waitSchema,
    firstAvailable: waitSchema,
  },
} as const;

export const bookBodySchema = {
  type: 'object',
  required: ['patientId', 'slotId'],
  additionalProperties: false,
  properties: {
    patientId: int, slotId: int, requestId: nullable({ type: 'string', format: 'uuid' }), reason: nullable({ type: 'string', maxLength: 500 }),
    channel: nullable({ type: 'string', enum: [...BOOKING_CHANNELS] }),
  },
} as const;

export const idempotencyHeaders = {
  type: 'object',
  properties: { 'idempotency-key': { type: 'string', description: 'Retries with the same key replay the first response; 8–128 characters' } },
} as const;

export const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } } as const;

export const errorSchema = {
  type: 'object',
  properties: {
    error: { type: 'object', properties: { code: str, message: str, field: str, reason: str, details: { type: 'object', additionalProperties: true }, reference: str } },
  },
} as const;

export const waitingEntrySchema = {
  $id: 'WaitingListEntry',
  type: 'object',
  properties: {
    id: int, patientId: int, appointmentId: nullable(int),
    criteria: { type: 'object', properties: { modes: { type: 'array', items: mode }, clinicianId: nullable(str), siteIds: nullable({ type: 'array', items: str }), before: str } },
    requestedAt: localIso, status: str, offer: nullable({ type: 'object', properties: { slotId: int, expiresAt: localIso } }), bookedAppointmentId: nullable(int),
  },
} as const;

const counts = { offered: int, booked: int, held: int, free: int };
const countsSchema = { type: 'object', properties: counts } as const;
export const capacitySchema = {
  type: 'object',
  properties: {
    organisation: organisationSchema, from: str, to: str, totals: countsSchema,
    days: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          date: str, totals: countsSchema,
          byMode: { type: 'object', properties: Object.fromEntries(APPOINTMENT_MODES.map((m) => [m, countsSchema])) },
          sessions: { type: 'array', items: { type: 'object', properties: { clinician: clinicianSchema, sessionId: nullable(str), siteId: str, start: str, end: str, mode, ...counts } } },
        },
      },
    },
  },
} as const;

export const enhancedAccessSchema = {
  type: 'object',
  properties: {
    hoursSource: str,
    hours: { type: 'object', additionalProperties: true },
    weeks: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          pcnId: str, weekStart: str, offeredMinutes: int, requiredMinutes: int, compliant: { type: 'boolean' }, shortfallMinutes: int,
          faceToFaceMinutes: int, remoteMinutes: int, ownMinutes: int, hubMinutes: int,
        },
      },
    },
  },
} as const;
