/**
 * Cross-site request forgery protection for writes (POST, PUT, PATCH, DELETE), in two layers:
 *
 * 1. Origin check: a browser names the page's origin on every cross-origin write; one whose host
 *    is not ours is refused. (Hosts are compared, not schemes, so a TLS-terminating proxy works.)
 * 2. Synchroniser token: a write authenticated by the session cookie must carry the session's
 *    CSRF token in X-CSRF-Token. The token is handed out by login and GET /api/auth/me and held
 *    in the page's memory; another site can neither read it nor make a browser send a custom
 *    header cross-origin without a CORS preflight, which this server never grants.
 *
 * API-token requests are exempt from 2: a Bearer header is not sent by browsers on their own.
 * Public writes (login) are exempt from 2 too; login takes JSON, which a cross-site form cannot send.
 */
import type { MiddlewareHandler } from 'hono';
import { sameSecret } from '../../auth/secrets.ts';
import { reason } from '../../domain/reasons.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { policyFor } from './access-policy.ts';
import { authState } from './auth-state.ts';

export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function csrfProtection(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== 'null') {
      let host: string | null = null;
      try {
        host = new URL(origin).host;
      } catch {
        host = null;
      }
      if (host !== new URL(c.req.url).host) throw ApiError.because(403, reason('http_cross_origin', { origin }));
    } else if (origin === 'null') {
      throw ApiError.because(403, reason('http_null_origin'));
    }
    const auth = authState(c);
    if (auth.via !== 'session' || policyFor(c.req.method, c.req.path)?.access.kind === 'public') return next();
    const sent = c.req.header(CSRF_HEADER) ?? '';
    if (!sameSecret(sent, auth.session?.csrfToken ?? '')) {
      throw ApiError.because(403, reason('http_csrf', { header: CSRF_HEADER }));
    }
    return next();
  };
}
