// What booking's use cases share: built once by createBookingService, passed explicitly.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Clock } from '../server/clock.ts';
import type { PatientAccess } from '../trust/patient-access.service.ts';
import type { AuditTrail } from '../trust/audit-trail.ts';
import { notFound } from '../shared/errors.ts';
import type { LondonClock } from './domain/london-clock.ts';
import type { SlotRecord } from './domain/appointment.ts';
import type { SlotIndexCache } from './slot-index-cache.ts';
import type { MessageComposer } from './booking-messages.ts';
import type { BookingPatient, Db } from './booking.repository.ts';
import { patientForBooking } from './booking.repository.ts';
import type { ReferenceData } from './reference-data.ts';

export interface BookingDeps {
  db: Kysely<Database>;
  clock: Clock;
  londonClock: LondonClock;
  patientAccess: PatientAccess;
  audit: AuditTrail;
  index: SlotIndexCache;
  messages: MessageComposer;
  /** Offers a slot just freed to the waiting list; true when it is now held for an offer. */
  offerFreedSlot(trx: Db, slot: SlotRecord, reference: ReferenceData, now: Date): Promise<boolean>;
}

export async function requirePatient(db: Db, patientId: number): Promise<BookingPatient> {
  const patient = await patientForBooking(db, patientId);
  if (!patient) throw notFound('Patient');
  return patient;
}
