/** The signed-in user (`Me`), loaded at start and after login/logout, with the CSRF token. */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Me } from '../../../../src/contracts/auth';
import { type Permission, permissionsOf } from '../../../../src/domain/access/roles';
import { apiFetch, ProblemError, setCsrfToken } from './apiFetch';

export type SessionUser = NonNullable<Me['user']>;

export interface Session {
  /** `loading` until the first `/api/auth/me` answers. */
  state: 'loading' | 'ready';
  user: SessionUser | null;
  /** True when the user's roles grant the permission. */
  can: (permission: Permission) => boolean;
  /** After a login: keep the answer of `POST /api/auth/login`. */
  signedIn: (me: Me) => void;
  logout: () => Promise<void>;
  refresh: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<'loading' | 'ready'>('loading');
  const [user, setUser] = useState<SessionUser | null>(null);

  const signedIn = useCallback((me: Me) => {
    setCsrfToken(me.csrf_token);
    setUser(me.user);
    setState('ready');
  }, []);

  const refresh = useCallback(async () => {
    try {
      signedIn(await apiFetch<Me>('/api/auth/me'));
    } catch {
      // the server is unreachable or older: carry on anonymously
      signedIn({ user: null, csrf_token: null });
    }
  }, [signedIn]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const logout = useCallback(async () => {
    try {
      await apiFetch('/api/auth/logout', { method: 'POST' });
    } catch (e) {
      // a session that has already ended is as good as logged out
      if (!(e instanceof ProblemError && e.status === 401)) throw e;
    } finally {
      await refresh();
    }
  }, [refresh]);

  const value = useMemo<Session>(() => {
    const granted = permissionsOf(user?.roles ?? []);
    return { state, user, can: (p) => granted.has(p), signedIn, logout, refresh };
  }, [state, user, signedIn, logout, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
