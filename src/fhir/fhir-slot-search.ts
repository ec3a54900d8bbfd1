// GP Connect slot search over the booking index: free slots lying wholly inside a window of at most two
// weeks, that the searching organisation may book (slot's bookers, release, embargo, booking window),
// re-checked against the database so nothing already taken is returned.
import type { Actor } from '../trust/domain/actor.ts';
import { invalidInput } from '../shared/errors.ts';
import { addDays, londonInstant } from '../shared/domain/london-time.ts';
import type { CandidateSlot } from '../booking/domain/slot-index.ts';
import { lowerBound } from '../booking/domain/slot-index.ts';
import { bookerRelates, checkTiming } from '../booking/domain/booking-permission.ts';
import { bookersFor } from '../booking/domain/booking-actor.ts';
import type { LondonClock } from '../booking/domain/london-clock.ts';
import type { IndexSnapshot } from '../booking/slot-index-cache.ts';
import { slotsNoLongerFree, type Db } from '../booking/booking.repository.ts';
import { DELIVERY_CHANNELS, deliveryChannelOf, parseScheduleId, serviceTypeCode } from './domain/fhir-resources.ts';
import { parseDateParam, parseToken } from './domain/fhir-bundle.ts';

export const MAX_WINDOW_DAYS = 14;
const HOUR_MS = 3_600_000;

export type QueryValue = string | string[] | undefined;
export const allOf = (value: QueryValue): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
export const oneOf = (value: QueryValue): string | undefined => allOf(value)[0];

export interface SlotQuery {
  status?: QueryValue;
  start?: QueryValue;
  end?: QueryValue;
  schedule?: QueryValue;
  'schedule.actor'?: QueryValue;
  'service-type'?: QueryValue;
  'delivery-channel'?: QueryValue;
}

export interface SlotWindow { fromMs: number; toMs: number }

export function parseSlotWindow(query: SlotQuery): SlotWindow {
  const statuses = allOf(query.status);
  if (statuses.length !== 1 || statuses[0] !== 'free') throw invalidInput('status', 'status=free is required (only free slots can be searched)');
  const start = parseDateParam(oneOf(query.start) ?? '');
  const end = parseDateParam(oneOf(query.end) ?? '');
  if (!start || !['ge', 'gt', 'eq'].includes(start.prefix)) throw invalidInput('start', 'start=ge{date or dateTime} is required');
  if (!end || !['le', 'lt', 'eq'].includes(end.prefix)) throw invalidInput('end', 'end=le{date or dateTime} is required');
  const fromMs = start.dateOnly ? londonInstant(start.value, '00:00').getTime() : Date.parse(start.value);
  const toMs = end.dateOnly ? londonInstant(addDays(end.value, 1), '00:00').getTime() : Date.parse(end.value);
  if (!(toMs > fromMs)) throw invalidInput('end', 'must be after start');
  // GP Connect: a search may span at most two weeks (an hour's grace for a clock change inside it).
  if (toMs - fromMs > MAX_WINDOW_DAYS * 24 * HOUR_MS + HOUR_MS) throw invalidInput('end', `the search window may span at most ${MAX_WINDOW_DAYS} days`);
  return { fromMs, toMs };
}

export async function searchFreeSlots(db: Db, snapshot: IndexSnapshot, actor: Actor, query: SlotQuery, now: Date, clock: LondonClock): Promise<CandidateSlot[]> {
  const window = parseSlotWindow(query);
  const { index, reference } = snapshot;
  const organisationPatient = { practiceId: actor.practiceId ?? '', pcnId: actor.pcnId ?? '', optedOutOfSharing: false };
  const bookers = bookersFor(actor, organisationPatient);
  const scheduleIds = allOf(query.schedule).map((s) => parseScheduleId(s.replace(/^.*Schedule\//, '')));
  const actors = allOf(query['schedule.actor']);
  const practitioners = new Set(actors.filter((a) => a.includes('Practitioner/')).map((a) => a.replace(/^.*Practitioner\//, '')));
  const locations = new Set(actors.filter((a) => a.includes('Location/')).map((a) => a.replace(/^.*Location\//, '')));
  const services = new Set(allOf(query['service-type']).map((t) => parseToken(t).value));
  const channels = new Set(allOf(query['delivery-channel']).map((t) => parseToken(t).value));
  for (const channel of channels) if (!(DELIVERY_CHANNELS as readonly string[]).includes(channel)) throw invalidInput('delivery-channel', `must be one of ${DELIVERY_CHANNELS.join(', ')}`);
  const nowMs = now.getTime();
  const matches: CandidateSlot[] = [];
  const lo = lowerBound(index.startMs, Math.max(window.fromMs, nowMs + 1));
  const hi = lowerBound(index.startMs, window.toMs, lo);
  for (let i = lo; i < hi; i++) {
    if (index.endMs[i]! > window.toMs || index.releaseMs[i]! === Number.POSITIVE_INFINITY) continue;
    const slot = index.slots[i]!;
    if (practitioners.size && !practitioners.has(slot.clinicianId)) continue;
    if (locations.size && !locations.has(slot.siteId)) continue;
    if (scheduleIds.length && !scheduleIds.some((s) => s?.staffId === slot.clinicianId && s.siteId === slot.siteId)) continue;
    if (services.size && !services.has(serviceTypeCode(slot.serviceTag))) continue;
    if (channels.size && !channels.has(deliveryChannelOf(slot.mode))) continue;
    const site = reference.sites.get(slot.siteId);
    if (!site) continue;
    const owner = { practiceId: site.practiceId, hubId: site.hubId, pcnId: site.pcnId };
    const permitted = bookers.some((booker) => slot.bookableBy.includes(booker.kind) && bookerRelates(owner, booker, organisationPatient)
      && checkTiming({ ...slot, ...owner }, booker.kind, nowMs, clock).allowed);
    if (permitted) matches.push(slot);
  }
  const gone = new Set((await slotsNoLongerFree(db, matches.map((s) => Number(s.slotId)))).map(String));
  return gone.size ? matches.filter((s) => !gone.has(s.slotId)) : matches;
}
