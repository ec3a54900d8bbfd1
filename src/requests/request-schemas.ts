// JSON schemas for the front door's routes: they validate input (400 with field and reason), type the
// handlers and document the API at /api/docs. Response schemas name the main fields and allow the rest.
import { CARE_SERVICES, DISPOSITIONS, LANGUAGES, SEXES } from '../shared/domain/vocabulary.ts';

const LANGUAGE_CODES = LANGUAGES.map((l) => l.code);
const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;
const nonBlank = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength, pattern: '\\S' }) as const;

export const answersSchema = {
  type: 'object',
  description: 'Answers to the adaptive safety questions, by question id ("unsure" counts as yes)',
  additionalProperties: { type: 'string', enum: ['yes', 'no', 'unsure'] },
  maxProperties: 20,
} as const;

export const previewBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['ageYears', 'sex', 'description'],
  properties: {
    ageYears: { type: 'number', minimum: 0, maximum: 125, description: 'Years; fractions for infants' },
    sex: { type: 'string', enum: [...SEXES] },
    description: nonBlank(5000),
    duration: text(100),
    answers: answersSchema,
  },
} as const;

export const submissionBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['submittedFor', 'ageYears', 'sex', 'description'],
  properties: {
    patientId: { type: 'integer', minimum: 1, description: 'Required when writing for someone else, and for navigators' },
    submittedFor: { type: 'string', enum: ['self', 'someone_else'] },
    relationship: text(100),
    ageYears: previewBodySchema.properties.ageYears,
    sex: previewBodySchema.properties.sex,
    description: nonBlank(5000),
    duration: text(100),
    answers: answersSchema,
    contactPreferences: {
      type: 'object',
      additionalProperties: false,
      properties: {
        methods: { type: 'array', uniqueItems: true, maxItems: 5, items: { type: 'string', enum: ['sms', 'email', 'phone', 'app', 'letter'] } },
        phone: { type: 'string', maxLength: 20, pattern: '^[+0-9 ()-]{6,20}$' },
        email: { type: 'string', maxLength: 200, pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$' },
        bestTimes: text(200),
        leaveMessage: { type: 'boolean' },
      },
    },
    interpreterLanguage: { type: 'string', enum: LANGUAGE_CODES },
    accessibilityNeeds: text(1000),
    language: { type: 'string', enum: LANGUAGE_CODES },
    channel: { type: 'string', enum: ['online', 'phone', 'desk', 'nhs111'] },
  },
} as const;

const reason = { type: 'object', properties: { ruleId: { type: 'string' }, summary: { type: 'string' }, quote: { type: 'string' } } } as const;
const outcome = {
  type: 'object',
  additionalProperties: true,
  properties: {
    disposition: { type: 'string', enum: [...DISPOSITIONS] },
    service: { type: 'string', enum: [...CARE_SERVICES] },
    timeWindow: { type: 'object', properties: { label: { type: 'string' }, withinHours: { type: 'number' } } },
    modes: { type: 'array', items: { type: 'string' } },
    reasons: { type: 'array', items: reason },
    safetyNetting: { type: 'array', items: { type: 'string' } },
  },
} as const;
const nullableObject = { type: ['object', 'null'], additionalProperties: true } as const;

export const requestViewSchema = {
  type: 'object',
  additionalProperties: true,
  properties: {
    id: { type: 'string', format: 'uuid' },
    status: { type: 'string' },
    statusText: { type: 'string' },
    outcome,
    lanes: nullableObject,
    expectedResponse: { type: ['object', 'null'], additionalProperties: true, properties: { by: { type: 'string' }, text: { type: 'string' } } },
    emergency: nullableObject,
    messages: { type: 'array', items: { type: 'object', additionalProperties: true } },
  },
} as const;

export const previewResponseSchema = {
  type: 'object',
  properties: {
    outcome,
    nextQuestion: { type: ['object', 'null'], properties: { id: { type: 'string' }, text: { type: 'string' }, why: { type: 'string' } } },
    emergency: nullableObject,
  },
} as const;

export const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' } } } as const;

export const overrideBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['disposition', 'service', 'reason'],
  properties: { disposition: { type: 'string', enum: [...DISPOSITIONS] }, service: { type: 'string', enum: [...CARE_SERVICES] }, reason: nonBlank(2000) },
} as const;

export const messageBodySchema = { type: 'object', additionalProperties: false, required: ['body'], properties: { body: nonBlank(5000) } } as const;
export const bookBodySchema = { type: 'object', additionalProperties: false, required: ['slotId'], properties: { slotId: { type: 'integer', minimum: 1 } } } as const;
export const referBodySchema = {
  type: 'object', additionalProperties: false, required: ['note'],
  properties: { communityServiceId: { type: 'string', maxLength: 50 }, note: nonBlank(2000) },
} as const;
export const closeBodySchema = { type: 'object', additionalProperties: false, required: ['outcome'], properties: { outcome: nonBlank(2000) } } as const;
export const queueQuerySchema = {
  type: 'object', additionalProperties: false,
  properties: { practiceId: { type: 'string', pattern: '^[A-Z0-9]{3,8}$' }, hubId: { type: 'string', maxLength: 20 } },
} as const;
