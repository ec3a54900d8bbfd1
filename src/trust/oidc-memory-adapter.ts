// Storage for the embedded demo provider's short-lived records (interactions, codes, sessions, grants),
// in memory: the demo runs one process, and these live minutes. Real deployments use NHS login / CIS2.
interface Stored {
  payload: Record<string, unknown>;
  expiresAt: number;
}

export function createMemoryAdapter() {
  const store = new Map<string, Stored>();
  const byGrant = new Map<string, Set<string>>();
  const byUid = new Map<string, string>();
  const read = (key: string) => {
    const entry = store.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt < Date.now()) {
      store.delete(key);
      return undefined;
    }
    return entry.payload;
  };

  return class MemoryAdapter {
    readonly model: string;
    constructor(model: string) {
      this.model = model;
    }
    key(id: string) {
      return `${this.model}:${id}`;
    }
    async upsert(id: string, payload: Record<string, unknown>, expiresIn: number) {
      const key = this.key(id);
      store.set(key, { payload, expiresAt: Date.now() + (expiresIn || 3600) * 1000 });
      if (typeof payload.grantId === 'string') {
        const keys = byGrant.get(payload.grantId) ?? new Set<string>();
        keys.add(key);
        byGrant.set(payload.grantId, keys);
      }
      if (typeof payload.uid === 'string') byUid.set(payload.uid, id);
      // Expired records are swept now and then so memory stays bounded under a long-running demo.
      if (store.size % 1_000 === 0) for (const [k, v] of store) if (v.expiresAt < Date.now()) store.delete(k);
    }
    async find(id: string) {
      return read(this.key(id));
    }
    async findByUid(uid: string) {
      const id = byUid.get(uid);
      return id ? read(this.key(id)) : undefined;
    }
    async findByUserCode() {
      return undefined;
    }
    async consume(id: string) {
      const payload = read(this.key(id));
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id: string) {
      store.delete(this.key(id));
    }
    async revokeByGrantId(grantId: string) {
      for (const key of byGrant.get(grantId) ?? []) store.delete(key);
      byGrant.delete(grantId);
    }
  };
}
