/**
 * The browser's session: the account signed in (if any) and the CSRF token every write must carry.
 * The session itself lives in an HttpOnly cookie the page cannot read; the token comes from login
 * or GET /api/auth/me and is held here, in memory, for the one request function (request.ts).
 */
import type { MeResponse } from '../../../server/http/schemas/wire.ts';

/** GET /api/auth/me for a caller who is signed in. */
export type Me = MeResponse & { user: NonNullable<MeResponse['user']> };

let csrfToken: string | null = null;

/** GET /api/auth/me answers anonymous callers with user null; a signed-in caller is remembered. */
export function signedIn(me: MeResponse): Me | null {
  if (!me.user) return null;
  const known = { ...me, user: me.user };
  rememberSession(known);
  return known;
}

export function rememberSession(me: Me | null): void {
  csrfToken = me?.csrfToken ?? null;
}

/** Headers a write needs besides its own: the CSRF token, once signed in. */
export function writeHeaders(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

/** Called when the server no longer knows the session (expired, logged out elsewhere, account disabled). */
let onSessionLost: () => void = () => undefined;

export function whenSessionLost(callback: () => void): void {
  onSessionLost = callback;
}

/** A request was refused with 401: forget the token and tell whoever listens. */
export function sessionLost(): void {
  rememberSession(null);
  onSessionLost();
}
