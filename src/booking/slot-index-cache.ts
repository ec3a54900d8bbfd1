// Keeps the in-memory candidate index fresh. Booked or held slots are withdrawn from it at once (and every
// search re-checks its results against the database, so a slot booked by another process is never offered);
// a freed slot the index still holds comes straight back, others with a rebuild in the background; everything
// is reloaded from the database periodically. Searches never wait for a rebuild once the first index exists.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Clock } from '../server/clock.ts';
import type { CandidateIndex, CandidateSlot } from './domain/slot-index.ts';
import { buildCandidateIndex, restorePosition, withdrawPosition } from './domain/slot-index.ts';
import type { LondonClock } from './domain/london-clock.ts';
import { loadFreeCandidates, loadFreeCandidatesById } from './booking.repository.ts';
import type { ReferenceData } from './reference-data.ts';
import { loadReferenceData } from './reference-data.ts';

export interface IndexSnapshot {
  index: CandidateIndex;
  reference: ReferenceData;
  positionOf: ReadonlyMap<string, number>;
}

export interface SlotIndexCache {
  /** The current index (built on first use; later rebuilds happen in the background). */
  current(): Promise<IndexSnapshot>;
  /** Takes slots out of search at once (call after the transaction that booked or held them commits). */
  markUnavailable(slotIds: readonly number[]): void;
  /** Brings freed slots back: at once when the index holds them, otherwise after a background rebuild. */
  markFreed(slotIds: readonly number[]): void;
  /** Reloads everything from the database now. */
  reload(): Promise<IndexSnapshot>;
  /** Resolves when no rebuild is running or queued (awaited on shutdown so none outlives the database). */
  settled(): Promise<void>;
  /** The reference data alone (bookings need it, not the whole index): the snapshot's, or loaded once. */
  reference(): Promise<ReferenceData>;
}

export interface SlotIndexCacheOptions {
  db: Kysely<Database>;
  clock: Clock;
  londonClock: LondonClock;
  /** A full reload from the database at most this often (catches changes made by other processes). */
  reloadAfterMs: number;
  onError?: (error: unknown) => void;
}

export function createSlotIndexCache(options: SlotIndexCacheOptions): SlotIndexCache {
  const { db, clock, londonClock } = options;
  let snapshot: IndexSnapshot | null = null;
  let builtAtMs = 0; // monotonic time of the last full reload, for ageing only
  let withdrawn = new Set<string>(); // withdrawn from the current snapshot
  let sequence = 0;
  const takenLog = new Map<string, number>(); // slot id → sequence when it was taken
  const pendingFreed = new Map<string, number>();
  let queue: Promise<unknown> = Promise.resolve();
  let referenceOnly: Promise<ReferenceData> | null = null;
  let fullReloadQueued = false;
  let freedRebuildQueued = false;
  let building = 0;

  function install(candidates: CandidateSlot[], reference: ReferenceData, startedAt: number): IndexSnapshot {
    const sites = new Set(reference.sites.keys());
    const clinicians = new Set(reference.rankingClinicians.map((c) => c.clinicianId));
    const usable = candidates.filter((c) => sites.has(c.siteId) && clinicians.has(c.clinicianId));
    const index = buildCandidateIndex(usable, reference.rankingSites, reference.rankingClinicians, londonClock);
    const positionOf = new Map(index.slots.map((slot, position) => [slot.slotId, position]));
    snapshot = { index, reference, positionOf };
    withdrawn = new Set();
    // Slots taken while the rows were being read may have been read as free: withdraw them again.
    for (const [slotId, seq] of takenLog) {
      if (seq > startedAt) withdraw(slotId);
      else takenLog.delete(slotId);
    }
    return snapshot;
  }

  function withdraw(slotId: string): void {
    const position = snapshot?.positionOf.get(slotId);
    if (position === undefined || !snapshot) return;
    withdrawPosition(snapshot.index, position);
    withdrawn.add(slotId);
  }

  async function fullReload(): Promise<IndexSnapshot> {
    const startedAt = sequence;
    for (const [slotId, seq] of pendingFreed) if (seq <= startedAt) pendingFreed.delete(slotId);
    const [reference, candidates] = await Promise.all([loadReferenceData(db), loadFreeCandidates(db, clock.now())]);
    builtAtMs = performance.now();
    return install(candidates, reference, startedAt);
  }

  async function addFreed(): Promise<IndexSnapshot> {
    const current = snapshot;
    if (!current || pendingFreed.size === 0) return current ?? fullReload();
    const startedAt = sequence;
    const ids = new Set(pendingFreed.keys());
    pendingFreed.clear();
    const fresh = await loadFreeCandidatesById(db, [...ids].map(Number));
    const nowMs = clock.now().getTime();
    const kept = current.index.slots.filter((s) => !withdrawn.has(s.slotId) && s.start.getTime() > nowMs && !ids.has(s.slotId));
    return install([...kept, ...fresh], current.reference, startedAt);
  }

  function enqueue(task: () => Promise<IndexSnapshot>): Promise<IndexSnapshot> {
    const counted = async () => {
      building++;
      try {
        return await task();
      } finally {
        building--;
      }
    };
    const run = queue.then(counted, counted);
    queue = run.catch((error: unknown) => options.onError?.(error));
    return run;
  }

  return {
    async current() {
      if (!snapshot) return enqueue(() => (snapshot && pendingFreed.size === 0 ? Promise.resolve(snapshot) : fullReload()));
      if (!fullReloadQueued && performance.now() - builtAtMs > options.reloadAfterMs) {
        fullReloadQueued = true;
        void enqueue(fullReload).finally(() => (fullReloadQueued = false)).catch(() => {});
      }
      if (pendingFreed.size > 0 && !freedRebuildQueued) {
        freedRebuildQueued = true;
        void enqueue(() => {
          freedRebuildQueued = false;
          return addFreed();
        }).catch(() => {});
      }
      return snapshot;
    },
    markUnavailable(slotIds) {
      for (const id of slotIds) {
        const slotId = String(id);
        takenLog.set(slotId, ++sequence);
        pendingFreed.delete(slotId);
        withdraw(slotId);
      }
    },
    markFreed(slotIds) {
      for (const id of slotIds) {
        const slotId = String(id);
        takenLog.delete(slotId);
        const position = snapshot?.positionOf.get(slotId);
        if (snapshot && position !== undefined) {
          if (withdrawn.delete(slotId)) restorePosition(snapshot.index, position);
          // A rebuild reading rows right now may have read it as booked: let the next one add it.
          if (building > 0) pendingFreed.set(slotId, ++sequence);
        } else {
          pendingFreed.set(slotId, ++sequence);
        }
      }
    },
    reload: () => enqueue(fullReload),
    async settled() {
      await queue;
    },
    reference() {
      if (snapshot) return Promise.resolve(snapshot.reference);
      referenceOnly ??= loadReferenceData(db).catch((error: unknown) => {
        referenceOnly = null;
        throw error;
      });
      return referenceOnly;
    },
  };
}
