// A small time-limited cache of per-practice facts that change slowly (recent handling rate, each
// clinician's first free slot), so the 08:00 surge does not repeat the same query for every request.
// Concurrent misses share one load.
export interface PracticeCache<V> {
  get(practiceId: string, load: () => Promise<V>): Promise<V>;
}

export function createPracticeCache<V>(clock: { now(): Date }, ttlMs: number): PracticeCache<V> {
  const entries = new Map<string, { at: number; value: Promise<V> }>();
  return {
    get(practiceId, load) {
      const now = clock.now().getTime();
      const entry = entries.get(practiceId);
      if (entry && now - entry.at >= 0 && now - entry.at < ttlMs) return entry.value;
      const value = load();
      entries.set(practiceId, { at: now, value });
      value.catch(() => entries.delete(practiceId));
      return value;
    },
  };
}
