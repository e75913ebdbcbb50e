/**
 * The browser's session: the account signed in (if any) and the CSRF token every write must carry.
 * The session itself lives in an HttpOnly cookie the page cannot read; the token comes from login
 * or GET /api/auth/me and is held here, in memory, for every part of the app that writes.
 */
import { useEffect, useState } from 'react';
import type { Role } from '../../../server/domain/roles.ts';

export interface Me {
  user: { id: number; username: string; role: Role; region: string | null };
  via: 'session' | 'token';
  csrfToken: string | null;
}

let csrfToken: string | null = null;

export function rememberSession(me: Me | null): void {
  csrfToken = me?.csrfToken ?? null;
}

/** Headers a write needs besides its own: the CSRF token, once signed in. */
export function writeHeaders(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

/** Who is signed in, asked once per page: null for the public, undefined while asking. */
let asked: Promise<Me | null> | null = null;

export function currentUser(): Promise<Me | null> {
  // Anonymous callers get 200 with user null: no failed request on a public page load.
  asked ??= fetch('/api/auth/me', { credentials: 'same-origin' })
    .then(async (r) => (r.ok ? ((await r.json()) as Me | { user: null }) : null))
    .then((me) => (me?.user ? (me as Me) : null))
    .catch(() => null)
    .then((me) => {
      if (me) rememberSession(me);
      return me;
    });
  return asked;
}

export function useCurrentUser(): Me | null | undefined {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    currentUser().then((m) => live && setMe(m));
    return () => {
      live = false;
    };
  }, []);
  return me;
}
