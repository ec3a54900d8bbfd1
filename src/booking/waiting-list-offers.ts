// Offering a freed slot to the waiting list inside the transaction that freed it: the domain picks who is
// next (first come, first served, passing over those already offered it), the slot is held ('offered') so
// nobody else can book it meanwhile, and the patient is told in the outbox.
import { sql } from 'kysely';
import type { AppointmentMode } from '../shared/domain/vocabulary.ts';
import { LONDON } from '../shared/domain/london-time.ts';
import type { SlotRecord } from './domain/appointment.ts';
import type { FreedSlot, SlotOffer, WaitingCriteria, WaitingEntry } from './domain/waiting-list.ts';
import { advanceOffer } from './domain/waiting-list.ts';
import { mayBook } from './domain/booking-permission.ts';
import { patientBookers } from './domain/booking-actor.ts';
import type { LondonClock } from './domain/london-clock.ts';
import type { Db } from './booking.repository.ts';
import { moveSlot } from './booking.repository.ts';
import { contactOf, queueMessages } from './booking-messages.ts';
import type { ReferenceData } from './reference-data.ts';

export interface OfferSettings {
  offerMinutes: number;
  londonClock: LondonClock;
}

export interface StoredCriteria {
  modes: AppointmentMode[];
  clinicianId: string | null;
  siteIds: string[] | null;
  before: string; // ISO instant
}

export function criteriaOf(stored: Record<string, unknown>): WaitingCriteria {
  const c = stored as unknown as StoredCriteria;
  return { modes: c.modes, clinicianId: c.clinicianId ?? null, siteIds: c.siteIds ?? null, before: new Date(c.before) };
}

/** Offers `slot` (held as 'offered' or free) to the next waiting patient; true when an offer is open. The
 *  caller has already made the slot free or holds it; on no match the slot is left (or made) free. */
export async function offerToNext(trx: Db, slot: SlotRecord, reference: ReferenceData, now: Date, settings: OfferSettings): Promise<boolean> {
  const candidates = await trx.selectFrom('waiting_list_entry as e').innerJoin('patient as p', 'p.id', 'e.patient_id')
    .innerJoin('practice as pr', 'pr.id', 'p.practice_id')
    .select(['e.id', 'e.patient_id', 'e.criteria', 'e.requested_at', 'p.practice_id', 'pr.pcn_id', 'p.opted_out_of_sharing', 'p.given_name', 'p.phone', 'p.email', 'p.postcode'])
    .where('e.status', '=', 'waiting').where(sql<boolean>`(e.criteria->>'before')::timestamptz > ${slot.start}`)
    .orderBy('e.requested_at').orderBy('e.id').limit(500).execute();
  const site = reference.sites.get(slot.siteId);
  const owner = { practiceId: slot.practiceId, hubId: slot.hubId, pcnId: site?.pcnId ?? '' };
  const agreement = reference.sharingAgreements.get(slot.hubId ?? owner.pcnId) ?? new Set<string>();
  const eligible = candidates.filter((c) => {
    const patient = { practiceId: c.practice_id, pcnId: c.pcn_id, optedOutOfSharing: c.opted_out_of_sharing };
    return patientBookers(patient).some((booker) => mayBook({ ...slot, ...owner }, booker, patient, agreement, now, settings.londonClock).allowed);
  });
  const offers = await trx.selectFrom('waiting_list_offer').selectAll().where((eb) => eb.or([
    eb('slot_id', '=', slot.id),
    eb.and([eb('status', '=', 'open'), eb('patient_id', 'in', eligible.length ? eligible.map((e) => e.patient_id) : [-1])]),
  ])).execute();
  const asOffer = (o: (typeof offers)[number]): SlotOffer => ({ slotId: String(o.slot_id), entryId: String(o.entry_id), patientId: String(o.patient_id), offeredAt: o.offered_at,
    // A declined or lapsed offer is over from when it closed.
    expiresAt: o.status === 'open' ? o.expires_at : (o.closed_at ?? o.offered_at) });
  const entries: WaitingEntry[] = eligible.map((e) => ({
    entryId: String(e.id), patientId: String(e.patient_id), requestedAt: e.requested_at, criteria: criteriaOf(e.criteria), status: 'waiting',
  }));
  const freed: FreedSlot = { slotId: String(slot.id), start: slot.start, mode: slot.mode, clinicianId: slot.staffId, siteId: slot.siteId };
  const decision = advanceOffer(freed, entries, offers.filter((o) => o.slot_id === slot.id).map(asOffer), now, {
    offerMinutes: settings.offerMinutes, openOffers: offers.filter((o) => o.slot_id !== slot.id && o.status === 'open').map(asOffer),
  });
  if (decision.kind === 'keep') return true;
  if (decision.kind === 'none') {
    if (slot.status === 'offered') await moveSlot(trx, slot.id, 'offered', 'free');
    return false;
  }
  const { offer } = decision;
  const entry = eligible.find((e) => String(e.id) === offer.entryId)!;
  if (slot.status === 'free' && !(await moveSlot(trx, slot.id, 'free', 'offered'))) return false;
  await trx.insertInto('waiting_list_offer').values({
    entry_id: entry.id, slot_id: slot.id, patient_id: entry.patient_id, offered_at: now, expires_at: offer.expiresAt, status: 'open',
  }).execute();
  await trx.updateTable('waiting_list_entry').set({ status: 'offered', offered_slot_id: slot.id, offer_expires_at: offer.expiresAt })
    .where('id', '=', entry.id).execute();
  const { channel, recipient } = contactOf(entry);
  await queueMessages(trx, [{
    kind: 'waiting_list_offer', patient_id: entry.patient_id, appointment_id: null, channel, language: 'en', recipient,
    subject: 'An earlier appointment is available',
    body: offerText(entry.given_name, slot, reference, offer.expiresAt, entry.id),
    attachment_ics: null, not_before: now, created_at: now,
  }]);
  return true;
}

// English only: the shared catalogues have no offer message yet, and a machine draft must not be sent as reviewed.
function offerText(name: string, slot: SlotRecord, reference: ReferenceData, expiresAt: Date, entryId: number): string {
  const when = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const clinician = reference.staff.get(slot.staffId)?.displayName ?? 'a clinician';
  const site = reference.sites.get(slot.siteId)?.name ?? '';
  return `${name}, an earlier appointment is available on ${when.format(slot.start)} with ${clinician} at ${site}. ` +
    `Accept it in the app by ${when.format(expiresAt)}, or it will be offered to the next person waiting. Waiting list reference WL-${entryId}.`;
}
