// Earlier-appointment waiting list: when a slot frees, offer it to the longest-waiting matching patient for a
// limited time; when that offer lapses or is declined, the next in line gets it.
import type { AppointmentMode } from '../../shared/domain/vocabulary.ts';

export interface WaitingCriteria {
  modes: readonly AppointmentMode[];
  clinicianId: string | null; // null = any clinician
  siteIds: readonly string[] | null; // null = any site the patient may use
  /** The offered slot must start before this instant (usually their current appointment). */
  before: Date;
}

export interface WaitingEntry {
  entryId: string;
  patientId: string;
  requestedAt: Date;
  criteria: WaitingCriteria;
  status: 'waiting' | 'booked' | 'withdrawn';
}

export interface FreedSlot {
  slotId: string;
  start: Date;
  mode: AppointmentMode;
  clinicianId: string;
  siteId: string;
}

export interface SlotOffer {
  slotId: string;
  entryId: string;
  patientId: string;
  offeredAt: Date;
  expiresAt: Date;
}

export interface OfferOptions {
  /** How long a patient has to accept (default 30 minutes). */
  offerMinutes?: number;
  /** An offer must close at least this long before the slot starts (default 0: at the start at the latest). */
  minNoticeMinutes?: number;
  /** Offers of this slot already made (declined or lapsed): those entries are passed over. */
  previousOffers?: readonly SlotOffer[];
  /** Open offers of other slots: a patient holds one open offer at a time. */
  openOffers?: readonly SlotOffer[];
}

export type OfferDecision =
  | { kind: 'offer'; offer: SlotOffer }
  | { kind: 'none'; reason: 'too_late' | 'no_matching_entry' };

export const DEFAULT_OFFER_MINUTES = 30;

/** First come, first served: by request time, then entry id so equal times have a fixed order. */
export function waitingListOrder(entries: readonly WaitingEntry[]): WaitingEntry[] {
  return [...entries].sort(
    (a, b) => a.requestedAt.getTime() - b.requestedAt.getTime() || (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0),
  );
}

export function matchesCriteria(slot: FreedSlot, criteria: WaitingCriteria): boolean {
  return (
    slot.start.getTime() < criteria.before.getTime() &&
    criteria.modes.includes(slot.mode) &&
    (criteria.clinicianId === null || criteria.clinicianId === slot.clinicianId) &&
    (criteria.siteIds === null || criteria.siteIds.includes(slot.siteId))
  );
}

/** Which waiting entry to offer a freed slot to, and until when. */
export function offerCancelledSlot(
  slot: FreedSlot,
  entries: readonly WaitingEntry[],
  now: Date,
  options: OfferOptions = {},
): OfferDecision {
  const expiresAt = offerExpiry(slot, now, options);
  if (expiresAt === null) return { kind: 'none', reason: 'too_late' };
  const alreadyOffered = new Set((options.previousOffers ?? []).filter((o) => o.slotId === slot.slotId).map((o) => o.patientId));
  const busy = new Set(
    (options.openOffers ?? []).filter((o) => o.slotId !== slot.slotId && isOpen(o, now)).map((o) => o.patientId),
  );
  const next = waitingListOrder(entries).find(
    (entry) =>
      entry.status === 'waiting' &&
      entry.requestedAt.getTime() <= now.getTime() &&
      !alreadyOffered.has(entry.patientId) &&
      !busy.has(entry.patientId) &&
      matchesCriteria(slot, entry.criteria),
  );
  if (!next) return { kind: 'none', reason: 'no_matching_entry' };
  return {
    kind: 'offer',
    offer: { slotId: slot.slotId, entryId: next.entryId, patientId: next.patientId, offeredAt: now, expiresAt },
  };
}

/** Keeps the current offer while it is open; once it lapses, offers the slot to the next in line. */
export function advanceOffer(
  slot: FreedSlot,
  entries: readonly WaitingEntry[],
  offersOfThisSlot: readonly SlotOffer[],
  now: Date,
  options: Omit<OfferOptions, 'previousOffers'> = {},
): { kind: 'keep'; offer: SlotOffer } | OfferDecision {
  const current = offersOfThisSlot.find((offer) => offer.slotId === slot.slotId && isOpen(offer, now));
  if (current) return { kind: 'keep', offer: current };
  return offerCancelledSlot(slot, entries, now, { ...options, previousOffers: offersOfThisSlot });
}

export function isOpen(offer: SlotOffer, now: Date): boolean {
  return now.getTime() < offer.expiresAt.getTime();
}

// The offer runs for offerMinutes but never past the slot start less the notice; null if no time is left.
function offerExpiry(slot: FreedSlot, now: Date, options: OfferOptions): Date | null {
  const offerMs = (options.offerMinutes ?? DEFAULT_OFFER_MINUTES) * 60_000;
  const latestMs = slot.start.getTime() - (options.minNoticeMinutes ?? 0) * 60_000;
  const expiresMs = Math.min(now.getTime() + offerMs, latestMs);
  return expiresMs > now.getTime() ? new Date(expiresMs) : null;
}
