// State that must survive a page load (signing in leaves the app and comes back): kept in sessionStorage,
// which the browser clears when the tab closes, so nothing lingers on a shared computer.
import { useCallback, useSyncExternalStore } from 'react';

const listeners = new Map<string, Set<() => void>>();
const cache = new Map<string, { raw: string | null; value: unknown }>();

function read<T>(key: string, initial: T): T {
  let raw: string | null = null;
  try {
    raw = window.sessionStorage.getItem(key);
  } catch {
    raw = null;
  }
  const cached = cache.get(key);
  if (cached && cached.raw === raw) return cached.value as T;
  let value: T = initial;
  if (raw) {
    try {
      value = { ...initial, ...(JSON.parse(raw) as T) };
    } catch {
      value = initial;
    }
  }
  cache.set(key, { raw, value });
  return value;
}

function write<T>(key: string, value: T): void {
  const raw = JSON.stringify(value);
  try {
    window.sessionStorage.setItem(key, raw);
  } catch {
    // Storage can be full or blocked; the value still lives in memory for this page.
  }
  cache.set(key, { raw, value });
  for (const listener of listeners.get(key) ?? []) listener();
}

export function createStoredState<T extends object>(key: string, initial: T) {
  const subscribe = (listener: () => void) => {
    const set = listeners.get(key) ?? new Set();
    set.add(listener);
    listeners.set(key, set);
    return () => set.delete(listener);
  };
  const get = () => read(key, initial);
  const update = (patch: Partial<T>) => write(key, { ...get(), ...patch });
  const reset = () => write(key, initial);
  function useStoredState(): [T, (patch: Partial<T>) => void, () => void] {
    const value = useSyncExternalStore(subscribe, get);
    return [value, useCallback(update, []), useCallback(reset, [])];
  }
  return { get, update, reset, useStoredState };
}

/** Forget everything kept for this tab (on sign-out, so the next person at a shared computer sees nothing). */
export function clearStoredState(): void {
  for (const key of [...listeners.keys(), ...cache.keys()]) {
    try {
      window.sessionStorage.removeItem(key);
    } catch {
      // Nothing stored.
    }
    cache.delete(key);
    for (const listener of listeners.get(key) ?? []) listener();
  }
}
