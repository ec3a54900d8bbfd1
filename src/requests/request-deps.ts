// What the front door's use cases need, built once in createRequestService.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AuditTrail } from '../trust/audit-trail.ts';
import type { PatientAccess } from '../trust/patient-access.service.ts';
import type { TriageEngineRegistry } from '../triage/engine-registry.ts';
import type { HandlingAssumptions } from './domain/expected-response.ts';
import type { ResponseTargets, TargetKind } from './domain/response-targets.ts';
import type { WorkingCalendar } from './domain/working-calendar.ts';
import type { PracticeCache } from './practice-cache.ts';
import type { RequestWriter } from './request-writer.ts';
import type { FirstFreeSlot, SameDaySlots } from './capacity.repository.ts';
import type { BookingService } from '../booking/booking.service.ts';

/** What the front door uses of services.booking (contract owned by the booking engineer). */
export type BookingPort = Pick<BookingService, 'book' | 'search'>;

export interface RequestDeps {
  db: Kysely<Database>;
  clock: { now(): Date };
  audit: AuditTrail;
  patientAccess: PatientAccess;
  engines: TriageEngineRegistry;
  targets: ResponseTargets;
  calendar: WorkingCalendar;
  handling: HandlingAssumptions;
  /** Looked up when used: the services object composes booking after the front door. */
  booking: () => BookingPort;
  /** Days of history behind the handling rate. */
  lookbackDays: number;
  /** Per-practice facts that change slowly, cached briefly for the surge. */
  handledCache: PracticeCache<{ handled: number; hours: number }>;
  firstSlotCache: PracticeCache<FirstFreeSlot[]>;
  sameDayCache: PracticeCache<SameDaySlots>;
  writer: RequestWriter;
  /** Each kind's response deadline for a request arriving at `now`. */
  deadlines: (now: Date) => Record<TargetKind, Date>;
}
