// An honest expected response time: how long the requests ahead of this one will take at the rate the
// practice has actually been handling them, and, for urgent requests, whether today's same-day
// appointments can absorb it. When they cannot, the request still lands (at the hub or with the next
// free clinician) and the patient is told the real wait, never a closed door.
import { DateTime } from 'luxon';
import { LONDON } from '../../shared/domain/london-time.ts';
import type { CareService, Disposition } from '../../shared/domain/vocabulary.ts';
import { addWorkingMinutes, type WorkingCalendar } from './working-calendar.ts';

export interface QueueLoad {
  /** Open requests at the practice that staff will reach before this one. */
  ahead: number;
  /** Requests the practice finished in the look-back window, and that window's working hours. */
  handledRecently: number;
  windowWorkingHours: number;
}

export interface SameDayCapacity {
  /** Free same-day appointments left today at the practice, and urgent requests already waiting for them. */
  practiceFreeSlots: number;
  urgentAhead: number;
  /** The hub serving the practice today, if it has free appointments left. */
  hub: { id: string; name: string; freeSlots: number; urgentAhead: number; firstFreeAt: Date } | null;
  /** The next free clinician appointment anywhere the patient can be booked. */
  nextFreeAt: Date | null;
}

export interface HandlingAssumptions {
  /** Below this many recent handled requests the history is too thin to trust. */
  minHistory: number;
  /** Requests an hour a practice team handles when there is no history (a stated assumption). */
  assumedPerHour: number;
}

export const DEFAULT_HANDLING = { minHistory: 20, assumedPerHour: 6 } as const satisfies HandlingAssumptions;

export type RoutedTo = { kind: 'practice' } | { kind: 'hub'; hubId: string; hubName: string } | { kind: 'next_available' };

export interface ExpectedResponse {
  by: Date;
  text: string;
  /** How the estimate was made, for staff and for anyone checking it. */
  basis: string;
  withinTarget: boolean;
  routedTo: RoutedTo;
}

export interface ExpectedResponseInput {
  now: Date;
  disposition: Disposition;
  service: CareService;
  respondBy: Date;
  load: QueueLoad;
  /** Needed for urgent requests only. */
  capacity?: SameDayCapacity;
  calendar: WorkingCalendar;
  handling?: HandlingAssumptions;
}

/** "14:30 today", "09:10 tomorrow", "18:30 on Wednesday 25 November" (London time). */
export function describeWhen(instant: Date, now: Date): string {
  const at = DateTime.fromJSDate(instant, { zone: LONDON });
  const today = DateTime.fromJSDate(now, { zone: LONDON }).startOf('day');
  const days = Math.round(at.startOf('day').diff(today, 'days').days);
  const time = at.toFormat('HH:mm');
  if (days === 0) return `${time} today`;
  if (days === 1) return `${time} tomorrow`;
  return `${time} on ${at.toFormat('cccc d LLLL')}`;
}

function handlingRate(load: QueueLoad, handling: HandlingAssumptions): { perHour: number; basis: string } {
  if (load.handledRecently >= handling.minHistory && load.windowWorkingHours > 0) {
    const perHour = load.handledRecently / load.windowWorkingHours;
    return { perHour, basis: `${load.handledRecently} requests handled in the last ${Math.round(load.windowWorkingHours)} working hours (${perHour.toFixed(1)} an hour)` };
  }
  return { perHour: handling.assumedPerHour, basis: `too little recent history, so an assumed ${handling.assumedPerHour} requests an hour` };
}

function queueWait(input: ExpectedResponseInput, handling: HandlingAssumptions): { at: Date; basis: string } {
  const rate = handlingRate(input.load, handling);
  const minutes = ((input.load.ahead + 1) / rate.perHour) * 60;
  return { at: addWorkingMinutes(input.now, minutes, input.calendar), basis: `${input.load.ahead} requests ahead; ${rate.basis}` };
}

const later = (a: Date, b: Date) => (a > b ? a : b);

function emergency(input: ExpectedResponseInput): ExpectedResponse {
  const text = input.service === 'mental_health_crisis'
    ? 'Now. Do not wait for a reply from the practice: call 999 if you are in danger, or NHS 111 and choose option 2 for mental health crisis support. Samaritans: 116 123.'
    : 'Now. Do not wait for a reply from the practice: call 999 or go to A&E now.';
  return { by: input.now, text, basis: 'emergency: staff alerted at once', withinTarget: true, routedTo: { kind: 'practice' } };
}

function urgent(input: ExpectedResponseInput, wait: { at: Date; basis: string }): ExpectedResponse {
  const { now, capacity, respondBy } = input;
  const netting = 'If you get worse while waiting, call NHS 111, or 999 in an emergency.';
  if (!capacity || capacity.practiceFreeSlots > capacity.urgentAhead) {
    const basis = `${wait.basis}; ${capacity ? `${capacity.practiceFreeSlots} same-day appointments left today for ${capacity.urgentAhead + 1} urgent requests` : 'same-day capacity not checked'}`;
    return { by: wait.at, text: `A clinician will contact you by ${describeWhen(wait.at, now)}. ${netting}`, basis, withinTarget: wait.at <= respondBy, routedTo: { kind: 'practice' } };
  }
  const full = `Today's same-day appointments at your practice are full (${capacity.urgentAhead} urgent requests are already waiting).`;
  if (capacity.hub && capacity.hub.freeSlots > capacity.hub.urgentAhead) {
    const by = later(wait.at, capacity.hub.firstFreeAt);
    return {
      by, withinTarget: by <= respondBy, routedTo: { kind: 'hub', hubId: capacity.hub.id, hubName: capacity.hub.name },
      text: `${full} Your request has been passed to ${capacity.hub.name}, which can see you from ${describeWhen(capacity.hub.firstFreeAt, now)}. ${netting}`,
      basis: `practice same-day capacity exhausted; hub has ${capacity.hub.freeSlots} free appointments for ${capacity.hub.urgentAhead + 1} urgent requests`,
    };
  }
  const by = capacity.nextFreeAt ? later(wait.at, capacity.nextFreeAt) : wait.at;
  return {
    by, withinTarget: by <= respondBy, routedTo: { kind: 'next_available' },
    text: `${full} A clinician will still review your request; the next free appointment is at ${describeWhen(by, now)}. ${netting}`,
    basis: `same-day capacity exhausted at the practice and hub; ${capacity.nextFreeAt ? 'next free clinician appointment' : 'no free appointment found, queue estimate'}`,
  };
}

export function expectedResponse(input: ExpectedResponseInput): ExpectedResponse {
  if (input.disposition === 'emergency') return emergency(input);
  const wait = queueWait(input, input.handling ?? DEFAULT_HANDLING);
  if (input.disposition === 'urgent') return urgent(input, wait);
  const withinTarget = wait.at <= input.respondBy;
  const text = withinTarget
    ? `We expect to reply by ${describeWhen(wait.at, input.now)}.`
    : `We are busier than usual: ${input.load.ahead} requests are ahead of yours, so we expect to reply by ${describeWhen(wait.at, input.now)}, later than our usual target of ${describeWhen(input.respondBy, input.now)}.`;
  return { by: wait.at, text, basis: wait.basis, withinTarget, routedTo: { kind: 'practice' } };
}
