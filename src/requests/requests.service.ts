// services.requests: the front door. Every request is accepted, triaged by the live engine, timed honestly
// and routed; staff work the queue. The use cases live in their own files; this composes them.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../trust/domain/actor.ts';
import type { AuditTrail } from '../trust/audit-trail.ts';
import type { PatientAccess } from '../trust/patient-access.service.ts';
import type { TriageEngineRegistry } from '../triage/engine-registry.ts';
import type { Answer } from '../triage/domain/triage-types.ts';
import type { Sex } from '../shared/domain/vocabulary.ts';
import { bankHolidayDates } from '../booking/domain/bank-holidays.ts';
import { DEFAULT_HANDLING, type HandlingAssumptions } from './domain/expected-response.ts';
import { emergencyInstructions } from './domain/request-presentation.ts';
import { respondBy, TARGET_KINDS, type ResponseTargets, type TargetKind } from './domain/response-targets.ts';
import type { WorkingCalendar } from './domain/working-calendar.ts';
import type { BookingPort, RequestDeps } from './request-deps.ts';
import { createPracticeCache } from './practice-cache.ts';
import { createRequestWriter } from './request-writer.ts';
import { addMessage, bookFromRequest, closeRequest, overrideRequest, referRequest, type OverrideInput } from './request-actions.ts';
import { listRequestsForPatient, viewQueue, viewRequest, type QueueScope } from './request-queue.ts';
import { patientRequestView } from './request-views.ts';
import { submitRequest, triageText, type SubmissionBody } from './submit-request.ts';

export interface PreviewInput {
  ageYears: number;
  sex: Sex;
  description: string;
  duration?: string;
  answers?: Record<string, Answer>;
}

export interface RequestServiceOptions {
  db: Kysely<Database>;
  clock: { now(): Date };
  audit: AuditTrail;
  patientAccess: PatientAccess;
  engines: TriageEngineRegistry;
  targets: ResponseTargets;
  /** Looked up when used (lanes' waits, converting a request to a booking): services composes booking later. */
  booking: () => BookingPort;
  calendar?: Partial<WorkingCalendar>;
  handling?: HandlingAssumptions;
}

// Slow-changing practice facts (handling rate, first free slots) are at most this old.
const CACHE_MS = 30_000;
// Same-day slot counts move faster (bookings); the urgent requests waiting are always counted live.
const SLOT_CACHE_MS = 10_000;

/** GMS core hours, Monday to Friday, England and Wales bank holidays excluded. */
export function practiceCalendar(now: Date, overrides: Partial<WorkingCalendar> = {}): WorkingCalendar {
  const year = now.getUTCFullYear();
  return { opens: '08:00', closes: '18:30', weekdays: [1, 2, 3, 4, 5], bankHolidays: bankHolidayDates(year - 1, year + 2), ...overrides };
}

/**
 * Deadlines from the start of the current minute (never later than exact ones), shared by every request that
 * minute: the time-zone arithmetic is otherwise a large share of each request's work in a surge.
 */
function minuteDeadlines(targets: ResponseTargets, calendar: WorkingCalendar): (now: Date) => Record<TargetKind, Date> {
  let memo: { minute: number; deadlines: Record<TargetKind, Date> } | null = null;
  return (now) => {
    const minute = Math.floor(now.getTime() / 60_000);
    if (memo?.minute !== minute) {
      const from = new Date(minute * 60_000);
      memo = { minute, deadlines: Object.fromEntries(TARGET_KINDS.map((k) => [k, respondBy(targets[k], from, calendar)])) as Record<TargetKind, Date> };
    }
    return memo.deadlines;
  };
}

export function createRequestService(options: RequestServiceOptions) {
  const calendar = practiceCalendar(options.clock.now(), options.calendar);
  const deps: RequestDeps = {
    db: options.db, clock: options.clock, audit: options.audit, patientAccess: options.patientAccess, engines: options.engines,
    targets: options.targets, calendar, handling: options.handling ?? DEFAULT_HANDLING,
    booking: options.booking, lookbackDays: 7,
    handledCache: createPracticeCache(options.clock, CACHE_MS), firstSlotCache: createPracticeCache(options.clock, CACHE_MS),
    sameDayCache: createPracticeCache(options.clock, SLOT_CACHE_MS),
    writer: createRequestWriter(options.db, options.audit), deadlines: minuteDeadlines(options.targets, calendar),
  };
  return {
    /** Adaptive safety questions: the engine's outcome and the next question to ask; nothing is stored. */
    async preview(input: PreviewInput) {
      const engine = await deps.engines.live();
      const outcome = await engine.triage({ age: input.ageYears, sex: input.sex, text: triageText(input.description, input.duration), answers: input.answers ?? {} });
      const { nextQuestion, ...rest } = outcome;
      return {
        outcome: { ...rest, engineId: engine.id, engineVersion: engine.version },
        nextQuestion,
        emergency: outcome.disposition === 'emergency' ? emergencyInstructions(outcome.service) : null,
      };
    },
    async submit(actor: Actor, body: SubmissionBody) {
      const { request, expected } = await submitRequest(deps, actor, body);
      return { ...patientRequestView(request, [], expected), expectedResponse: { by: expected.by.toISOString(), text: expected.text, basis: expected.basis, withinTarget: expected.withinTarget, routedTo: expected.routedTo } };
    },
    get: (actor: Actor, id: string) => viewRequest(deps, actor, id),
    listForPatient: (actor: Actor, patientId: number) => listRequestsForPatient(deps, actor, patientId),
    queue: (actor: Actor, scope: QueueScope) => viewQueue(deps, actor, scope),
    override: (actor: Actor, id: string, input: OverrideInput) => overrideRequest(deps, actor, id, input),
    message: (actor: Actor, id: string, body: string) => addMessage(deps, actor, id, body),
    refer: (actor: Actor, id: string, input: { communityServiceId?: string; note: string }) => referRequest(deps, actor, id, input),
    close: (actor: Actor, id: string, outcome: string) => closeRequest(deps, actor, id, outcome),
    book: (actor: Actor, id: string, slotId: number) => bookFromRequest(deps, actor, id, slotId),
  };
}

export type RequestService = ReturnType<typeof createRequestService>;
