// Who is signed in, read from GET /api/session (an HTTP-only cookie carries the session itself).
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, api, setCsrfToken } from './client.ts';
import type { Session } from './types.ts';
import { clearStoredState } from '../shared/stored-state.ts';
import { navigate } from '../router/router.tsx';

interface SessionState {
  /** null while loading. */
  session: Session | null;
  refresh(): Promise<void>;
  signOut(): Promise<void>;
}

const SIGNED_OUT: Session = { signedIn: false, csrfToken: null };
const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const refresh = useCallback(async () => {
    try {
      const next = await api<Session>('/api/session');
      setCsrfToken(next.csrfToken ?? null);
      setSession(next);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setCsrfToken(null);
      setSession(SIGNED_OUT);
    }
  }, []);
  const signOut = useCallback(async () => {
    try {
      await api('/auth/logout', { method: 'POST', body: {} });
    } finally {
      clearStoredState();
      await refresh();
      navigate('/');
    }
  }, [refresh]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const value = useMemo(() => ({ session, refresh, signOut }), [session, refresh, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}
