/** Who a request acts as, set by the authenticate middleware and read by handlers. */
import type { Context } from 'hono';
import { reason } from '../../domain/reasons.ts';
import type { Principal } from '../../domain/roles.ts';
import { ApiError } from '../errors.ts';

export interface AuthState {
  principal: Principal | null;
  /** How the caller proved who they are: a browser session cookie or an API token. */
  via: 'session' | 'token' | null;
  /** The session's cookie token and CSRF token, when via is 'session'. */
  session: { token: string; csrfToken: string; expiresAt: string } | null;
}

export const ANONYMOUS: AuthState = { principal: null, via: null, session: null };

/**
 * The caller of a route whose access policy requires a login. The authorize middleware has
 * already refused anonymous callers; this is the typed way for a handler to get at the caller.
 */
export function caller(c: Context): Principal {
  const principal = (c.get('auth') as AuthState | undefined)?.principal;
  if (!principal) throw ApiError.because(401, reason('login_first'));
  return principal;
}

export function authState(c: Context): AuthState {
  return (c.get('auth') as AuthState | undefined) ?? ANONYMOUS;
}
