// Whether the server may take traffic yet: while the first start seeds the borough, /health says so.
export interface Readiness {
  ready: boolean;
  message: string;
  progress: { step: string; done: number; total: number } | null;
}

export function createReadiness(ready = false): Readiness {
  return { ready, message: ready ? 'ready' : 'starting', progress: null };
}
