// services.booking: network booking for every route and feature that books (product API, FHIR, front door).
import type { HamletDatabase } from '../db/database.ts';
import type { HamletConfig } from '../config.ts';
import type { Clock } from '../server/clock.ts';
import type { Actor } from '../trust/domain/actor.ts';
import type { AuditTrail } from '../trust/audit-trail.ts';
import type { PatientAccess } from '../trust/patient-access.service.ts';
import type { LocalDate } from '../shared/domain/london-time.ts';
import { createLondonClock } from './domain/london-clock.ts';
import { createSlotIndexCache, type IndexSnapshot } from './slot-index-cache.ts';
import { createMessageComposer } from './booking-messages.ts';
import type { BookingDeps } from './booking-deps.ts';
import { bookAppointment, type BookInput } from './book-appointment.ts';
import { cancelAppointment, listAppointments, readAppointment, rebookAppointment, recordOutcome } from './change-appointment.ts';
import { searchSlots, type SearchInput, type SearchResult } from './slot-search.service.ts';
import { createWaitingList, type WaitingList } from './waiting-list.service.ts';
import { offerToNext } from './waiting-list-offers.ts';
import { capacityOf, enhancedAccessOf } from './capacity.service.ts';
import { generateSlots } from './slot-generation.ts';
import { presentAppointment, type AppointmentView } from './appointment-view.ts';
import type { Appointment } from './domain/appointment.ts';
import type { ReferenceData } from './reference-data.ts';

export interface BookingService {
  search(actor: Actor, input: SearchInput): Promise<SearchResult>;
  book(actor: Actor, input: BookInput): Promise<AppointmentView>;
  cancel(actor: Actor, appointmentId: number, reason: string): Promise<AppointmentView>;
  rebook(actor: Actor, appointmentId: number, input: { slotId: number; reason: string }): Promise<AppointmentView>;
  recordOutcome(actor: Actor, appointmentId: number, status: 'attended' | 'dna'): Promise<AppointmentView>;
  get(actor: Actor, appointmentId: number): Promise<AppointmentView>;
  /** The appointment itself (for FHIR), after the same audited access check as `get`. */
  read(actor: Actor, appointmentId: number): Promise<{ appointment: Appointment; reference: ReferenceData }>;
  listForPatient(actor: Actor, patientId: number, range?: { from?: Date | null; to?: Date | null; limit?: number }): Promise<AppointmentView[]>;
  calendar(actor: Actor, appointmentId: number): Promise<string>;
  waitingList: WaitingList;
  capacity(query: Parameters<typeof capacityOf>[1]): ReturnType<typeof capacityOf>;
  enhancedAccess(query: Parameters<typeof enhancedAccessOf>[1]): ReturnType<typeof enhancedAccessOf>;
  /** Expands the rotas into slots for a date range (existing slots kept). */
  generateSlots(range: { from: LocalDate; to: LocalDate }): Promise<{ expanded: number; created: number }>;
  /** The candidate index and reference data (FHIR slot search reads them). */
  snapshot(): Promise<IndexSnapshot>;
  /** Reloads the candidate index from the database (after slots were generated or changed elsewhere). */
  reloadIndex(): Promise<void>;
  /** Waits for background index work to finish (on shutdown). */
  settled(): Promise<void>;
  readonly deps: BookingDeps;
}

export interface BookingServiceDependencies {
  database: HamletDatabase;
  config: HamletConfig;
  clock: Clock;
  audit: AuditTrail;
  patientAccess: PatientAccess;
}

export interface BookingOptions {
  /** Full reload of the candidate index at most this often (default 5 minutes). */
  indexReloadSeconds?: number;
  /** How long a waiting-list patient has to accept an offer (default 30 minutes). */
  offerMinutes?: number;
}

export function createBookingService({ database, config, clock, audit, patientAccess }: BookingServiceDependencies, options: BookingOptions = {}): BookingService {
  const londonClock = createLondonClock();
  const { db } = database;
  const index = createSlotIndexCache({ db, clock, londonClock, reloadAfterMs: (options.indexReloadSeconds ?? 300) * 1000 });
  const offerSettings = { offerMinutes: options.offerMinutes ?? 30, londonClock };
  const deps: BookingDeps = {
    db, clock, londonClock, patientAccess, audit, index,
    messages: createMessageComposer({ calendarDomain: hostOf(config.publicUrl), londonClock }),
    offerFreedSlot: (trx, slot, reference, now) => offerToNext(trx, slot, reference, now, offerSettings),
  };
  const waitingList = createWaitingList(deps, offerSettings);
  return {
    deps,
    search: (actor, input) => searchSlots(deps, actor, input),
    book: (actor, input) => bookAppointment(deps, actor, input),
    cancel: (actor, id, reason) => cancelAppointment(deps, actor, id, reason),
    rebook: (actor, id, input) => rebookAppointment(deps, actor, id, input),
    recordOutcome: (actor, id, status) => recordOutcome(deps, actor, id, status),
    read: (actor, id) => readAppointment(deps, actor, id),
    async get(actor, id) {
      const { appointment, reference } = await readAppointment(deps, actor, id);
      return presentAppointment(appointment, reference, londonClock);
    },
    listForPatient: (actor, patientId, range = {}) => listAppointments(deps, actor, patientId, range),
    async calendar(actor, id) {
      const { appointment, reference } = await readAppointment(deps, actor, id);
      return deps.messages.ics(appointment, reference, clock.now());
    },
    waitingList,
    capacity: (query) => capacityOf(deps, query),
    enhancedAccess: (query) => enhancedAccessOf(deps, query),
    generateSlots: (range) => generateSlots(db, range, clock.now()),
    snapshot: () => index.current(),
    async reloadIndex() {
      await index.reload();
    },
    settled: () => index.settled(),
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname || 'hamlet.local';
  } catch {
    return 'hamlet.local';
  }
}
