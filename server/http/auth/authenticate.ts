/**
 * Finds out who is calling: an API token (Authorization: Bearer glt_…) for scripts, or the session
 * cookie for browsers. A token that does not check out is refused outright (401) rather than
 * treated as anonymous, so a script with a revoked token fails loudly; an expired session cookie
 * just makes the caller anonymous.
 */
import type { MiddlewareHandler } from 'hono';
import { findApiToken } from '../../db/api-token-store.ts';
import type { Database } from '../../db/database.ts';
import { findSession } from '../../db/session-store.ts';
import { reason } from '../../domain/reasons.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { ANONYMOUS } from './auth-state.ts';
import { readSessionCookie } from './session-cookie.ts';

export function authenticate(db: Database): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (!match) throw ApiError.because(401, reason('http_bearer_malformed'));
      const principal = await findApiToken(db, match[1] as string);
      if (!principal) throw ApiError.because(401, reason('http_token_unknown'));
      c.set('auth', { principal, via: 'token', session: null });
      return next();
    }
    const token = readSessionCookie(c);
    const session = token ? await findSession(db, token) : undefined;
    if (token && session) {
      c.set('auth', {
        principal: session.principal,
        via: 'session',
        session: { token, csrfToken: session.csrfToken, expiresAt: session.expiresAt },
      });
    } else {
      c.set('auth', ANONYMOUS);
    }
    return next();
  };
}
