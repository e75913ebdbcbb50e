/** Login, logout, who am I, and API tokens for scripts. */
import { createRoute, z } from '@hono/zod-openapi';
import { verifyPassword } from '../../auth/passwords.ts';
import { createApiToken, getApiToken, listApiTokens, revokeApiToken } from '../../db/api-token-store.ts';
import { appendAudit } from '../../db/audit-store.ts';
import { createSession, deleteExpiredSessions, deleteSession } from '../../db/session-store.ts';
import { loginRecord } from '../../db/user-store.ts';
import { reason } from '../../domain/reasons.ts';
import { authState, caller } from '../auth/auth-state.ts';
import { loginFailureReporter } from '../auth/login-failure-report.ts';
import type { LoginLimiter } from '../auth/login-limiter.ts';
import { clearSessionCookie, setSessionCookie } from '../auth/session-cookie.ts';
import { clientAddress, parseTrustedProxies } from '../client-address.ts';
import { type AppDeps, router } from '../context.ts';
import { ApiError } from '../errors.ts';
import { ApiTokenSchema, LoginBody, MeSchema, NewTokenBody, TokenIdParam } from '../schemas/auth.ts';
import { ErrorSchema, errorResponses, notFound } from '../schemas/common.ts';

const denied = {
  401: { description: 'Not logged in', content: { 'application/json': { schema: ErrorSchema } } },
  403: { description: 'Not allowed', content: { 'application/json': { schema: ErrorSchema } } },
} as const;

const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['auth'],
  summary: 'Log in: sets the HttpOnly session cookie and returns the CSRF token for writes',
  request: { body: { content: { 'application/json': { schema: LoginBody } }, required: true } },
  responses: {
    200: { description: 'Logged in', content: { 'application/json': { schema: MeSchema } } },
    401: { description: 'Wrong username or password', content: { 'application/json': { schema: ErrorSchema } } },
    429: { description: 'Too many failed attempts; see Retry-After', content: { 'application/json': { schema: ErrorSchema } } },
    ...errorResponses,
  },
});

const logout = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['auth'],
  summary: 'Ends the session and clears its cookie',
  responses: { 204: { description: 'Logged out' }, ...denied },
});

const me = createRoute({
  method: 'get',
  path: '/auth/me',
  tags: ['auth'],
  summary: 'The account the request acts as (user null when anonymous), and the CSRF token of its session',
  responses: { 200: { description: 'The caller', content: { 'application/json': { schema: MeSchema } } }, ...denied },
});

const listTokens = createRoute({
  method: 'get',
  path: '/auth/tokens',
  tags: ['auth'],
  summary: "The caller's API tokens (never the secrets)",
  responses: {
    200: { description: 'Tokens', content: { 'application/json': { schema: z.object({ items: z.array(ApiTokenSchema) }) } } },
    ...denied,
  },
});

const createToken = createRoute({
  method: 'post',
  path: '/auth/tokens',
  tags: ['auth'],
  summary: 'Creates an API token for scripts (Authorization: Bearer …); the secret is shown only in this response',
  description: 'Only from a logged-in browser session: a token cannot mint further tokens.',
  request: { body: { content: { 'application/json': { schema: NewTokenBody } }, required: true } },
  responses: {
    201: {
      description: 'The new token',
      content: { 'application/json': { schema: z.object({ token: z.string(), record: ApiTokenSchema }) } },
    },
    ...denied,
    ...errorResponses,
  },
});

const revokeToken = createRoute({
  method: 'delete',
  path: '/auth/tokens/{id}',
  tags: ['auth'],
  summary: 'Revokes one of your API tokens (an admin may revoke anyone’s)',
  request: { params: TokenIdParam },
  responses: { 204: { description: 'Revoked' }, ...denied, ...notFound },
});

export function authRoutes({ db, config }: AppDeps, limiter: LoginLimiter) {
  const alwaysSecure = config.secureCookies ?? false;
  const trusted = parseTrustedProxies(config.trustedProxies);
  const reportFailure = loginFailureReporter(db);
  return router()
    .openapi(login, async (c) => {
      const { username, password } = c.req.valid('json');
      const address = clientAddress(c, trusted);
      // Before the password is hashed: a throttled caller must not cost us an argon2 run.
      const admission = await limiter.admit(db, username, address);
      if (!admission.admitted) {
        c.header('retry-after', String(admission.retryAfter));
        throw ApiError.because(429, reason('login_throttled', { username, seconds: admission.retryAfter }));
      }
      const record = await loginRecord(db, username);
      const ok = await verifyPassword(record?.password_hash ?? null, password);
      if (!record || !ok) {
        await reportFailure({ username, address, attempt: admission.attempt });
        throw ApiError.because(401, reason('login_failed'));
      }
      await limiter.succeeded(db, username, address);
      await deleteExpiredSessions(db);
      const session = await createSession(db, record.id);
      setSessionCookie(c, session.token, session.expiresAt, alwaysSecure);
      return c.json(
        {
          user: { id: record.id, username: record.username, role: record.role, region: record.region },
          via: 'session' as const,
          csrfToken: session.csrfToken,
          expiresAt: session.expiresAt.toISOString(),
        },
        200,
      );
    })
    .openapi(logout, async (c) => {
      const { session } = authState(c);
      if (session) await deleteSession(db, session.token);
      clearSessionCookie(c, alwaysSecure);
      return c.body(null, 204);
    })
    .openapi(me, async (c) => {
      const auth = authState(c);
      const user = auth.principal;
      if (!user) return c.json({ user: null, via: null, csrfToken: null, expiresAt: null }, 200);
      return c.json(
        {
          user: { id: user.userId, username: user.username, role: user.role, region: user.region },
          via: auth.via ?? 'session',
          csrfToken: auth.session?.csrfToken ?? null,
          expiresAt: auth.session?.expiresAt ?? null,
        },
        200,
      );
    })
    .openapi(listTokens, async (c) => c.json({ items: await listApiTokens(db, caller(c).userId) }, 200))
    .openapi(createToken, async (c) => {
      const user = caller(c);
      if (authState(c).via !== 'session') throw ApiError.because(403, reason('token_needs_session'));
      const { label, expires_in_days } = c.req.valid('json');
      const now = new Date();
      const expires = expires_in_days ? new Date(now.getTime() + expires_in_days * 86_400_000) : null;
      const created = await db.transaction(async (tx) => {
        const made = await createApiToken(tx, user.userId, label, expires, now);
        await appendAudit(
          tx,
          [
            {
              entity: 'user',
              entity_id: user.username,
              actor: user.username,
              event: 'token_created',
              from: null,
              to: label,
              reason: null,
              details: { token_id: made.record.id, expires_at: made.record.expires_at },
            },
          ],
          now,
        );
        return made;
      });
      return c.json(created, 201);
    })
    .openapi(revokeToken, async (c) => {
      const user = caller(c);
      const { id } = c.req.valid('param');
      const token = await getApiToken(db, id);
      // Someone else's token is reported as absent, so ids do not reveal other accounts' tokens.
      if (!token || (token.user_id !== user.userId && user.role !== 'admin'))
        throw ApiError.because(404, reason('token_not_found', { id }));
      await db.transaction(async (tx) => {
        if (!(await revokeApiToken(tx, id))) throw ApiError.because(404, reason('token_already_revoked', { id }));
        await appendAudit(tx, [
          {
            entity: 'user',
            entity_id: token.username,
            actor: user.username,
            event: 'token_revoked',
            from: token.label,
            to: null,
            reason: null,
            details: { token_id: id },
          },
        ]);
      });
      return c.body(null, 204);
    });
}
