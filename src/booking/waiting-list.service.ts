// The earlier-appointment waiting list: patients join (optionally to bring an appointment forward); a freed
// slot is offered in turn with an expiry; accepting books it (moving their appointment) in one transaction.
import { sql, type Selectable } from 'kysely';
import type { WaitingListEntryTable } from '../db/schema.ts';
import type { Actor } from '../trust/domain/actor.ts';
import { conflict, invalidInput, notFound, notPermitted } from '../shared/errors.ts';
import { londonIso } from '../shared/domain/london-time.ts';
import type { AppointmentMode } from '../shared/domain/vocabulary.ts';
import { APPOINTMENT_MODES } from '../shared/domain/vocabulary.ts';
import type { Db } from './booking.repository.ts';
import { appointmentById, markCancelled, slotById } from './booking.repository.ts';
import type { BookingDeps } from './booking-deps.ts';
import { requirePatient } from './booking-deps.ts';
import { dropPendingReminders, queueMessages } from './booking-messages.ts';
import { bookSlot, translateDatabaseError } from './book-appointment.ts';
import { afterRelease, releaseSlot } from './change-appointment.ts';
import type { AppointmentView } from './appointment-view.ts';
import { presentAppointment } from './appointment-view.ts';
import type { OfferSettings, StoredCriteria } from './waiting-list-offers.ts';
import { offerToNext } from './waiting-list-offers.ts';

export interface JoinInput {
  patientId: number;
  appointmentId?: number | null;
  criteria?: { modes?: AppointmentMode[] | null; clinicianId?: string | null; siteIds?: string[] | null; before?: string | null };
}

export interface WaitingEntryView {
  id: number;
  patientId: number;
  appointmentId: number | null;
  criteria: StoredCriteria;
  requestedAt: string;
  status: string;
  offer: { slotId: number; expiresAt: string } | null;
  bookedAppointmentId: number | null;
}

const MAX_AHEAD_MS = 70 * 86_400_000;

export function createWaitingList(deps: BookingDeps, settings: OfferSettings) {
  return {
    async join(actor: Actor, input: JoinInput): Promise<WaitingEntryView> {
      const now = deps.clock.now();
      const patient = await requirePatient(deps.db, input.patientId);
      await deps.patientAccess.assert(deps.db, actor, patient.id, { action: 'waiting_list.join', resourceType: 'WaitingListEntry' });
      const held = input.appointmentId ? await appointmentById(deps.db, input.appointmentId) : null;
      if (input.appointmentId && (held?.patientId !== patient.id || held.status !== 'booked')) throw invalidInput('appointmentId', "is not one of this patient's booked appointments");
      const criteria = storedCriteria(input.criteria ?? {}, held?.start ?? null, held?.mode ?? null, now);
      return deps.db.transaction().execute(async (trx) => {
        const row = await trx.insertInto('waiting_list_entry').values({
          patient_id: patient.id, appointment_id: held?.id ?? null, criteria: { ...criteria }, requested_at: now, status: 'waiting',
        }).returningAll().executeTakeFirstOrThrow();
        return entryView(row);
      });
    },

    async list(actor: Actor, filter: { practiceId?: string | null; patientId?: number | null }): Promise<WaitingEntryView[]> {
      let query = deps.db.selectFrom('waiting_list_entry').selectAll('waiting_list_entry');
      if (filter.patientId) {
        await deps.patientAccess.assert(deps.db, actor, filter.patientId, { action: 'waiting_list.read', resourceType: 'WaitingListEntry' });
        query = query.where('patient_id', '=', filter.patientId);
      } else if (filter.practiceId) {
        if (actor.role === 'patient' || (actor.role !== 'admin' && actor.practiceId !== filter.practiceId)) throw notPermitted("You can list only your own practice's waiting list.");
        await deps.audit.record(deps.db, actor, { action: 'waiting_list.list', resourceType: 'WaitingListEntry', details: { practiceId: filter.practiceId } });
        query = query.innerJoin('patient', 'patient.id', 'waiting_list_entry.patient_id').where('patient.practice_id', '=', filter.practiceId);
      } else {
        throw invalidInput('practiceId', 'give practiceId or patientId');
      }
      const rows = await query.where('waiting_list_entry.status', 'in', ['waiting', 'offered']).orderBy('requested_at').orderBy('waiting_list_entry.id').limit(1000).execute();
      return rows.map(entryView);
    },

    async accept(actor: Actor, entryId: number): Promise<AppointmentView> {
      const now = deps.clock.now();
      const { entry, patient, reference } = await prepare(actor, entryId, 'waiting_list.accept');
      let result;
      try {
        result = await deps.db.transaction().execute(async (trx) => {
          const offer = await openOfferOf(trx, entryId, now);
          const details = { requestId: null, reason: 'Earlier appointment from the waiting list', channel: null, idempotencyKey: null };
          const { appointment } = await bookSlot(deps, trx, actor, patient, reference, offer.slot_id, details, now, 'offered');
          const previous = entry.appointment_id ? await moveOut(trx, entry.appointment_id, now) : null;
          const freedHeld = previous ? await releaseSlot(deps, trx, previous, reference, now) : false;
          await trx.updateTable('waiting_list_offer').set({ status: 'accepted', closed_at: now }).where('id', '=', offer.id).execute();
          await trx.updateTable('waiting_list_entry').set({ status: 'booked', booked_appointment_id: appointment.id, offer_expires_at: null }).where('id', '=', entryId).execute();
          await queueMessages(trx, deps.messages.compose(previous ? 'change' : 'confirmation', { appointment, patient, reference, now, previousStart: previous?.start ?? null }));
          return { appointment, previous, freedHeld };
        });
      } catch (error) {
        throw translateDatabaseError(error);
      }
      deps.index.markUnavailable(result.appointment.slotId === null ? [] : [result.appointment.slotId]);
      if (result.previous) afterRelease(deps, result.previous.slotId, result.freedHeld);
      return presentAppointment(result.appointment, reference, deps.londonClock);
    },

    async decline(actor: Actor, entryId: number): Promise<WaitingEntryView> {
      const now = deps.clock.now();
      const { reference } = await prepare(actor, entryId, 'waiting_list.decline');
      const { row, slotId, held } = await deps.db.transaction().execute(async (trx) => {
        const offer = await openOfferOf(trx, entryId, now);
        const held = await closeOffer(trx, offer, 'declined', now);
        const row = await trx.selectFrom('waiting_list_entry').selectAll().where('id', '=', entryId).executeTakeFirstOrThrow();
        return { row, slotId: offer.slot_id, held };
      });
      afterRelease(deps, slotId, held);
      return entryView(row);

      async function closeOffer(trx: Db, offer: { id: number; entry_id: number; slot_id: number }, status: 'declined' | 'expired', at: Date) {
        await trx.updateTable('waiting_list_offer').set({ status, closed_at: at }).where('id', '=', offer.id).execute();
        await trx.updateTable('waiting_list_entry').set({ status: 'waiting', offered_slot_id: null, offer_expires_at: null }).where('id', '=', offer.entry_id).execute();
        const slot = await slotById(trx, offer.slot_id);
        return slot?.status === 'offered' ? offerToNext(trx, slot, reference, at, settings) : false;
      }
    },

    /** Lapses offers past their expiry (the slot goes to the next in line, or back to free) and entries whose
     *  wanted-before time has passed. Run by the worker; safe to run concurrently. */
    async sweep(): Promise<{ expiredOffers: number; reoffered: number; expiredEntries: number }> {
      const now = deps.clock.now();
      const reference = await deps.index.reference();
      const due = await deps.db.selectFrom('waiting_list_offer').select(['id']).where('status', '=', 'open').where('expires_at', '<=', now).limit(200).execute();
      let reoffered = 0;
      for (const { id } of due) {
        const outcome = await deps.db.transaction().execute(async (trx) => {
          const offer = await trx.selectFrom('waiting_list_offer').selectAll().where('id', '=', id).where('status', '=', 'open').forUpdate().skipLocked().executeTakeFirst();
          if (!offer) return null;
          await trx.updateTable('waiting_list_offer').set({ status: 'expired', closed_at: now }).where('id', '=', id).execute();
          await trx.updateTable('waiting_list_entry').set({ status: 'waiting', offered_slot_id: null, offer_expires_at: null }).where('id', '=', offer.entry_id).where('status', '=', 'offered').execute();
          const slot = await slotById(trx, offer.slot_id);
          return { slotId: offer.slot_id, held: slot?.status === 'offered' ? await offerToNext(trx, slot, reference, now, settings) : false };
        });
        if (!outcome) continue;
        if (outcome.held) reoffered++;
        afterRelease(deps, outcome.slotId, outcome.held);
      }
      const expired = await deps.db.updateTable('waiting_list_entry').set({ status: 'expired' }).where('status', '=', 'waiting')
        .where(sql<boolean>`(criteria->>'before')::timestamptz <= ${now}`).executeTakeFirst();
      return { expiredOffers: due.length, reoffered, expiredEntries: Number(expired.numUpdatedRows) };
    },
  };

  async function prepare(actor: Actor, entryId: number, action: string) {
    const entry = await deps.db.selectFrom('waiting_list_entry').selectAll().where('id', '=', entryId).executeTakeFirst();
    if (!entry) throw notFound('Waiting list entry');
    const reference = await deps.index.reference();
    const patient = await requirePatient(deps.db, entry.patient_id);
    await deps.patientAccess.assert(deps.db, actor, patient.id, { action, resourceType: 'WaitingListEntry', resourceId: entryId });
    return { entry, patient, reference };
  }
}

export type WaitingList = ReturnType<typeof createWaitingList>;

async function openOfferOf(trx: Db, entryId: number, now: Date) {
  const entry = await trx.selectFrom('waiting_list_entry').select('status').where('id', '=', entryId).forUpdate().executeTakeFirst();
  const offer = await trx.selectFrom('waiting_list_offer').selectAll().where('entry_id', '=', entryId).where('status', '=', 'open').executeTakeFirst();
  if (entry?.status !== 'offered' || !offer) throw conflict('There is no open offer on this waiting list entry.', { reason: 'no_open_offer' });
  if (offer.expires_at.getTime() <= now.getTime()) throw conflict('This offer has expired.', { reason: 'offer_expired' });
  return offer;
}

/** The appointment being brought forward is cancelled as part of accepting the earlier one. */
async function moveOut(trx: Db, appointmentId: number, now: Date) {
  const current = await appointmentById(trx, appointmentId, { forUpdate: true });
  if (current?.status !== 'booked' || current.start.getTime() <= now.getTime()) return null;
  await dropPendingReminders(trx, appointmentId);
  return markCancelled(trx, appointmentId, 'Moved to an earlier appointment from the waiting list', now);
}

function storedCriteria(input: NonNullable<JoinInput['criteria']>, heldStart: Date | null, heldMode: AppointmentMode | null, now: Date): StoredCriteria {
  const before = input.before ? new Date(input.before) : heldStart;
  if (!before || Number.isNaN(before.getTime())) throw invalidInput('criteria.before', 'is required without an appointment to bring forward');
  if (before.getTime() <= now.getTime() || before.getTime() - now.getTime() > MAX_AHEAD_MS) throw invalidInput('criteria.before', 'must be in the next 70 days');
  const modes = input.modes?.length ? input.modes : heldMode ? [heldMode] : ['in_person', 'telephone', 'video'] as AppointmentMode[];
  if (modes.some((m) => !APPOINTMENT_MODES.includes(m))) throw invalidInput('criteria.modes', 'contains an unknown mode');
  return { modes, clinicianId: input.clinicianId ?? null, siteIds: input.siteIds?.length ? input.siteIds : null, before: before.toISOString() };
}

function entryView(row: Selectable<WaitingListEntryTable>): WaitingEntryView {
  return {
    id: row.id, patientId: row.patient_id, appointmentId: row.appointment_id, criteria: row.criteria as unknown as StoredCriteria,
    requestedAt: londonIso(row.requested_at), status: row.status,
    offer: row.status === 'offered' && row.offered_slot_id !== null && row.offer_expires_at ? { slotId: row.offered_slot_id, expiresAt: londonIso(row.offer_expires_at) } : null,
    bookedAppointmentId: row.booked_appointment_id,
  };
}
