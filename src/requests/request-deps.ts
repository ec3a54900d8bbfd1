// What the front door's use cases need, built once in createRequestService.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AuditTrail } from '../trust/audit-trail.ts';
import type { PatientAccess } from '../trust/patient-access.service.ts';
import type { TriageEngineRegistry } from '../triage/engine-registry.ts';
import type { HandlingAssumptions } from './domain/expected-response.ts';
import type { ResponseTargets } from './domain/response-targets.ts';
import type { WorkingCalendar } from './domain/working-calendar.ts';
import type { Actor } from '../trust/domain/actor.ts';

/** The booking contract (owner: booking engineer) as the front door uses it. */
export interface BookingPort {
  book(actor: Actor, input: { patientId: number; slotId: number; idempotencyKey?: string; requestId?: string; reason?: string; channel?: string }): Promise<{ id: number } & Record<string, unknown>>;
}

export interface RequestDeps {
  db: Kysely<Database>;
  clock: { now(): Date };
  audit: AuditTrail;
  patientAccess: PatientAccess;
  engines: TriageEngineRegistry;
  targets: ResponseTargets;
  calendar: WorkingCalendar;
  handling: HandlingAssumptions;
  /** Absent until the booking service is composed in. */
  booking: () => BookingPort | undefined;
  /** Working hours of history behind the handling rate. */
  lookbackWorkingDays: number;
}
