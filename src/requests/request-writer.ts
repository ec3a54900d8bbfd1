// Group commit for new requests: requests that arrive while a write is in flight are stored together in the
// next transaction (one BEGIN/COMMIT, one insert of the requests, one chained insert of their audit
// entries). Each caller is answered only after its transaction commits, so nothing is acknowledged that is
// not stored. A failed batch is retried one request at a time, so one bad request cannot sink the others.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../trust/domain/actor.ts';
import type { AuditEntry, AuditTrail } from '../trust/audit-trail.ts';
import { insertAlert, requestValues, type NewRequest } from './requests.repository.ts';

export interface RequestWrite {
  request: NewRequest;
  alert: { kind: 'emergency' | 'mental_health_crisis'; message: string } | null;
  /** Audit entries for this request; an entry's details may name the alert, filled in once it exists. */
  audits: (alertId: number | null) => { actor: Actor; entry: AuditEntry }[];
}

export interface RequestWriter {
  write(write: RequestWrite): Promise<void>;
}

interface Pending {
  write: RequestWrite;
  resolve: () => void;
  reject: (error: unknown) => void;
}

const MAX_BATCH = 200;
const GATHER_MS = 2;

async function store(trx: Transaction<Database>, audit: AuditTrail, writes: readonly RequestWrite[]): Promise<void> {
  await trx.insertInto('patient_request').values(writes.map((w) => requestValues(w.request))).execute();
  const entries: { actor: Actor; entry: AuditEntry }[] = [];
  for (const w of writes) {
    const alertId = w.alert ? await insertAlert(trx, { ...w.alert, practiceId: w.request.practiceId, requestId: w.request.id, patientId: w.request.patientId, now: w.request.now }) : null;
    entries.push(...w.audits(alertId));
  }
  await audit.recordMany(trx, entries);
}

export function createRequestWriter(db: Kysely<Database>, audit: AuditTrail): RequestWriter {
  const queue: Pending[] = [];
  let flushing = false;

  async function flush(): Promise<void> {
    flushing = true;
    try {
      while (queue.length > 0) {
        // A short gathering window: requests finishing their reads right now join this commit.
        if (queue.length < MAX_BATCH) await new Promise((resolve) => setTimeout(resolve, GATHER_MS));
        let batch: Pending[] = [];
        try {
          // The batch is taken once the transaction holds the connection, so everything that queued while
          // waiting for it (on PGlite, behind other requests' reads) goes into this one commit.
          await db.transaction().execute(async (trx) => {
            batch = queue.splice(0, MAX_BATCH);
            await store(trx, audit, batch.map((p) => p.write));
          });
          for (const p of batch) p.resolve();
        } catch (error) {
          if (batch.length <= 1) batch[0]?.reject(error);
          else for (const p of batch) await db.transaction().execute((trx) => store(trx, audit, [p.write])).then(p.resolve, p.reject);
        }
      }
    } finally {
      flushing = false;
    }
  }

  return {
    write(write) {
      return new Promise<void>((resolve, reject) => {
        queue.push({ write, resolve, reject });
        if (!flushing) void flush();
      });
    },
  };
}
