// A booking storm against a real server: receptionists book contested slots for their own patients (each slot
// wanted by several patients at once), every 201 is recorded, and the database is then checked for exactly
// what was acknowledged and for double bookings.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../src/db/schema.ts';
import { issueToken } from '../../../src/trust/tokens.ts';

export interface BookingAttempt {
  slotId: number;
  patientId: number;
  practiceId: string;
  idempotencyKey: string;
}

export interface Acknowledged extends BookingAttempt {
  appointmentId: number;
  /** The server that answered. */
  via: string;
}

export interface StormPlan {
  attempts: BookingAttempt[];
  slotIds: number[];
}

export interface StormOutcome {
  acknowledged: Acknowledged[];
  /** 409 slot_taken: a contender got there first. */
  refused: number;
  /** No answer (the server died mid-request): the booking may or may not have been made. */
  unanswered: BookingAttempt[];
  /** Never sent because the storm was halted. */
  notSent: BookingAttempt[];
  /** Anything else: always a failure. */
  unexpected: { attempt: BookingAttempt; status: number; body: string }[];
}

const LIVE = ['booked', 'attended', 'dna'];

/** Free slots in the coming week that each practice's reception may book, each wanted by `contenders` patients. */
export async function planStorm(db: Kysely<Database>, now: Date, options: { practices: number; slotsPerPractice: number; contenders: number }): Promise<StormPlan> {
  const soon = new Date(now.getTime() + 2 * 3600_000);
  const weekAhead = new Date(now.getTime() + 7 * 86_400_000);
  const practices = await db.selectFrom('practice').select('id').orderBy('id').limit(options.practices).execute();
  const attempts: BookingAttempt[] = [];
  const slotIds: number[] = [];
  for (const { id: practiceId } of practices) {
    const slots = await db.selectFrom('slot').select('id').where('practice_id', '=', practiceId).where('status', '=', 'free')
      .where('start_at', '>', soon).where('start_at', '<', weekAhead).where('release_at', '<=', now).where('service_tag', 'is', null)
      .where(sql<boolean>`'own_practice' = ANY(bookable_by)`).where((eb) => eb.or([eb('max_days_ahead', 'is', null), eb('max_days_ahead', '>=', 8)]))
      .orderBy('start_at').orderBy('id').limit(options.slotsPerPractice).execute();
    const patients = await db.selectFrom('patient').select('id').where('practice_id', '=', practiceId).orderBy('id').limit(options.contenders * 8).execute();
    if (patients.length < options.contenders) continue;
    slots.forEach((slot, i) => {
      slotIds.push(slot.id);
      for (let c = 0; c < options.contenders; c++) {
        const patient = patients[(i * options.contenders + c) % patients.length]!;
        attempts.push({ slotId: slot.id, patientId: patient.id, practiceId, idempotencyKey: randomUUID() });
      }
    });
  }
  return { attempts, slotIds };
}

export async function receptionTokens(secret: string, practiceIds: Iterable<string>, now: Date): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  for (const practice of new Set(practiceIds)) {
    tokens.set(practice, await issueToken(secret, { sub: `storm:${practice}`, role: 'receptionist', practice }, 3600, now));
  }
  return tokens;
}

export interface StormOptions {
  concurrency: number;
  /** Called after each acknowledged booking; return false to stop sending new attempts. */
  onAcknowledged?: (count: number) => boolean | void;
}

/** Sends every attempt (`concurrency` at a time) and sorts the answers. */
export async function runStorm(baseUrls: readonly string[], attempts: readonly BookingAttempt[], tokens: Map<string, string>, options: StormOptions): Promise<StormOutcome> {
  const outcome: StormOutcome = { acknowledged: [], refused: 0, unanswered: [], notSent: [], unexpected: [] };
  let next = 0;
  let halted = false;
  const worker = async (index: number) => {
    const baseUrl = baseUrls[index % baseUrls.length]!;
    while (next < attempts.length && !halted) {
      const attempt = attempts[next++]!;
      const answer = await send(baseUrl, attempt, tokens.get(attempt.practiceId)!);
      if (answer === null) outcome.unanswered.push(attempt);
      else if (answer.status === 201) {
        outcome.acknowledged.push({ ...attempt, appointmentId: (JSON.parse(answer.body) as { id: number }).id, via: baseUrl });
        if (options.onAcknowledged?.(outcome.acknowledged.length) === false) halted = true;
      } else if (answer.status === 409 && answer.body.includes('slot_taken')) outcome.refused++;
      else outcome.unexpected.push({ attempt, status: answer.status, body: answer.body.slice(0, 500) });
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, i) => worker(i)));
  outcome.notSent.push(...attempts.slice(next));
  return outcome;
}

async function send(baseUrl: string, attempt: BookingAttempt, token: string): Promise<{ status: number; body: string } | null> {
  try {
    const response = await fetch(`${baseUrl}/api/appointments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': attempt.idempotencyKey },
      body: JSON.stringify({ patientId: attempt.patientId, slotId: attempt.slotId, reason: 'storm' }),
      signal: AbortSignal.timeout(60_000),
    });
    return { status: response.status, body: await response.text() };
  } catch {
    return null;
  }
}

export interface BookingAudit {
  /** Slots with more than one live appointment. */
  doubleBooked: number[];
  /** Acknowledged bookings not in the database as acknowledged (id, slot, patient, status booked). */
  missing: Acknowledged[];
  /** Slots whose status disagrees with their appointments (booked without one, or free with one). */
  inconsistentSlots: number[];
  liveAppointments: number;
}

/** What the database holds for the storm's slots, read without relying on the unique index. */
export async function auditBookings(db: Kysely<Database>, slotIds: readonly number[], acknowledged: readonly Acknowledged[]): Promise<BookingAudit> {
  const appointments = await db.selectFrom('appointment').select(['id', 'slot_id', 'patient_id', 'status'])
    .where(sql<boolean>`slot_id = ANY(${[...slotIds]}::bigint[])`).execute();
  const slots = await db.selectFrom('slot').select(['id', 'status']).where(sql<boolean>`id = ANY(${[...slotIds]}::bigint[])`).execute();
  const livePerSlot = new Map<number, number>();
  for (const a of appointments) {
    if (a.slot_id !== null && LIVE.includes(a.status)) livePerSlot.set(a.slot_id, (livePerSlot.get(a.slot_id) ?? 0) + 1);
  }
  const byId = new Map(appointments.map((a) => [a.id, a]));
  return {
    doubleBooked: [...livePerSlot].filter(([, n]) => n > 1).map(([slot]) => slot),
    missing: acknowledged.filter((ack) => {
      const row = byId.get(ack.appointmentId);
      return !row || row.slot_id !== ack.slotId || row.patient_id !== ack.patientId || row.status !== 'booked';
    }),
    inconsistentSlots: slots.filter((s) => (s.status === 'booked') !== (livePerSlot.get(s.id) === 1)).map((s) => s.id),
    liveAppointments: [...livePerSlot.values()].reduce((sum, n) => sum + n, 0),
  };
}
