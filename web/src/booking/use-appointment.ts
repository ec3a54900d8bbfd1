import { useCallback, useEffect, useState } from 'react';
import { ApiError, api } from '../api/client.ts';
import type { Appointment } from '../api/types.ts';

export type Loaded<T> = { kind: 'loading' } | { kind: 'loaded'; value: T } | { kind: 'failed'; error: ApiError };

export function useApi<T>(path: string | null): [Loaded<T>, () => void] {
  const [state, setState] = useState<Loaded<T>>({ kind: 'loading' });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!path) return;
    const controller = new AbortController();
    setState({ kind: 'loading' });
    api<T>(path, { signal: controller.signal }).then(
      (value) => setState({ kind: 'loaded', value }),
      (error: unknown) => error instanceof ApiError && setState({ kind: 'failed', error }),
    );
    return () => controller.abort();
  }, [path, version]);
  return [state, useCallback(() => setVersion((n) => n + 1), [])];
}

export function useAppointment(id: string, enabled: boolean): [Loaded<Appointment>, () => void] {
  return useApi<Appointment>(enabled ? `/api/appointments/${encodeURIComponent(id)}` : null);
}
