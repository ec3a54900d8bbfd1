// Delivers due outbox messages. A batch is claimed by pushing its rows' not_before out by a lease (so two
// workers never send the same message, and a crashed worker's claim lapses); delivery happens outside any
// transaction; a failure is recorded on the row and retried with exponential backoff, then given up.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Clock } from '../server/clock.ts';
import type { MessageTransport, OutgoingMessage } from './message-transports.ts';

export interface OutboxWorkerOptions {
  db: Kysely<Database>;
  clock: Clock;
  transport: MessageTransport;
  intervalMs?: number;
  batchSize?: number;
  /** Attempts before a message is given up (and left for staff to see). */
  maxAttempts?: number;
  /** Other periodic housekeeping run on the same tick (e.g. lapsing waiting-list offers). */
  housekeeping?: readonly (() => Promise<unknown>)[];
  onError?: (error: unknown) => void;
}

export interface OutboxWorker {
  start(): void;
  /** Stops ticking and waits for the tick in progress. */
  stop(): Promise<void>;
  /** One pass: delivers what is due; returns how many were sent and failed. */
  runOnce(): Promise<{ sent: number; failed: number }>;
}

const LEASE_MS = 60_000;
const BASE_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 6 * 3_600_000;

export function retryDelayMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));
}

export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { db, clock, transport } = options;
  const batchSize = options.batchSize ?? 50;
  const maxAttempts = options.maxAttempts ?? 8;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;

  async function claim(now: Date) {
    // Postgres and PGlite alike: FOR UPDATE SKIP LOCKED keeps concurrent workers apart.
    return db.updateTable('outbox_message').set({ not_before: new Date(now.getTime() + LEASE_MS), attempts: sql`attempts + 1` })
      .where('id', 'in', (eb) => eb.selectFrom('outbox_message').select('id').where('sent_at', 'is', null).where('given_up_at', 'is', null)
        .where('not_before', '<=', now).orderBy('not_before').limit(batchSize).forUpdate().skipLocked())
      .returningAll().execute();
  }

  async function runOnce() {
    const now = clock.now();
    const claimed = await claim(now);
    let sent = 0;
    let failed = 0;
    for (const row of claimed) {
      const message: OutgoingMessage = {
        id: row.id, kind: row.kind, channel: row.channel, language: row.language, recipient: row.recipient, subject: row.subject, body: row.body,
        attachmentIcs: row.attachment_ics, patientId: row.patient_id, appointmentId: row.appointment_id, createdAt: row.created_at.toISOString(),
      };
      try {
        await transport.deliver(message);
        await db.updateTable('outbox_message').set({ sent_at: clock.now(), last_error: null }).where('id', '=', row.id).execute();
        sent++;
      } catch (error) {
        failed++;
        const reason = `${transport.name}: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500);
        const givenUp = row.attempts >= maxAttempts;
        await db.updateTable('outbox_message').set({
          last_error: reason, not_before: new Date(now.getTime() + retryDelayMs(row.attempts)), given_up_at: givenUp ? clock.now() : null,
        }).where('id', '=', row.id).execute();
      }
    }
    return { sent, failed };
  }

  async function tick() {
    try {
      await runOnce();
      for (const task of options.housekeeping ?? []) await task();
    } catch (error) {
      options.onError?.(error);
    }
  }

  return {
    start() {
      if (timer) return;
      timer = setInterval(() => {
        if (running) return; // a slow tick is not stacked up behind
        running = tick().finally(() => (running = null));
      }, options.intervalMs ?? 5_000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
    runOnce,
  };
}
