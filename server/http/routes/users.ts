/**
 * Accounts and their API tokens, for admins (the CLI's `greenline user …` does the same on the
 * server). Every change goes through server/auth/accounts.ts, audited with the admin as the actor;
 * a token's secret leaves the server once, in the answer that creates it.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { addUser, changePassword, issueToken, revokeToken, updateAccount } from '../../auth/accounts.ts';
import { getApiToken, listApiTokens } from '../../db/api-token-store.ts';
import { findUser, listUsers } from '../../db/user-store.ts';
import { reason } from '../../domain/reasons.ts';
import { authState, caller } from '../auth/auth-state.ts';
import { type AppDeps, router } from '../context.ts';
import { ApiError } from '../errors.ts';
import {
  AccountPatchBody,
  AccountSchema,
  ApiTokenSchema,
  NewAccountBody,
  NewTokenBody,
  PasswordBody,
  TokenIdParam,
  TokenListQuery,
  UsernameParam,
} from '../schemas/auth.ts';
import { ErrorSchema, errorResponses, notFound } from '../schemas/common.ts';
import { ledgerDenied } from './cases.ts';

const conflict = {
  409: {
    description: 'The account exists already, is the last enabled admin, is disabled, or the token is revoked already; nothing changed',
    content: { 'application/json': { schema: ErrorSchema } },
  },
} as const;

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

const list = createRoute({
  method: 'get',
  path: '/users',
  tags: ['auth'],
  summary: 'Every account with its role and region (never a password hash)',
  responses: {
    200: { description: 'Accounts', content: json(z.object({ items: z.array(AccountSchema) })) },
    ...ledgerDenied,
  },
});

const create = createRoute({
  method: 'post',
  path: '/users',
  tags: ['auth'],
  summary: 'Creates an account with its initial password',
  request: { body: { content: json(NewAccountBody), required: true } },
  responses: {
    201: { description: 'The new account', content: json(AccountSchema) },
    ...ledgerDenied,
    ...conflict,
    ...errorResponses,
  },
});

const patch = createRoute({
  method: 'patch',
  path: '/users/{username}',
  tags: ['auth'],
  summary: "Changes an account's role and region and/or disables or enables it, all or nothing; ends its sessions",
  request: { params: UsernameParam, body: { content: json(AccountPatchBody), required: true } },
  responses: {
    200: { description: 'The account after the change', content: json(AccountSchema) },
    ...ledgerDenied,
    ...notFound,
    ...conflict,
    ...errorResponses,
  },
});

const password = createRoute({
  method: 'post',
  path: '/users/{username}/password',
  tags: ['auth'],
  summary: "Resets an account's password; ends its sessions",
  request: { params: UsernameParam, body: { content: json(PasswordBody), required: true } },
  responses: { 204: { description: 'Changed' }, ...ledgerDenied, ...notFound, ...errorResponses },
});

const tokens = createRoute({
  method: 'get',
  path: '/tokens',
  tags: ['auth'],
  summary: "Every account's API tokens, or one account's (never the secrets)",
  request: { query: TokenListQuery },
  responses: {
    200: { description: 'Tokens', content: json(z.object({ items: z.array(ApiTokenSchema) })) },
    ...ledgerDenied,
    ...notFound,
    ...errorResponses,
  },
});

const createToken = createRoute({
  method: 'post',
  path: '/users/{username}/tokens',
  tags: ['auth'],
  summary: 'Creates an API token for an account; the secret is shown only in this response',
  description: 'Only from a logged-in browser session: a token cannot mint further tokens.',
  request: { params: UsernameParam, body: { content: json(NewTokenBody), required: true } },
  responses: {
    201: { description: 'The new token', content: json(z.object({ token: z.string(), record: ApiTokenSchema })) },
    ...ledgerDenied,
    ...notFound,
    ...conflict,
    ...errorResponses,
  },
});

const revoke = createRoute({
  method: 'delete',
  path: '/tokens/{id}',
  tags: ['auth'],
  summary: 'Revokes any API token',
  request: { params: TokenIdParam },
  responses: { 204: { description: 'Revoked' }, ...ledgerDenied, ...notFound, ...conflict },
});

async function accountOf(db: AppDeps['db'], username: string) {
  const user = await findUser(db, username);
  if (!user) throw ApiError.because(404, reason('account_not_found', { username }));
  return user;
}

export function userRoutes({ db }: AppDeps) {
  return router()
    .openapi(list, async (c) => c.json({ items: await listUsers(db) }, 200))
    .openapi(create, async (c) => {
      const { region, ...input } = c.req.valid('json');
      const actor = caller(c).username;
      return c.json(await addUser(db, { ...input, region: region ?? null }, actor), 201);
    })
    .openapi(patch, async (c) => {
      const { username } = c.req.valid('param');
      const change = c.req.valid('json');
      return c.json(await updateAccount(db, username, change, caller(c).username), 200);
    })
    .openapi(password, async (c) => {
      const { username } = c.req.valid('param');
      const { password: next } = c.req.valid('json');
      await changePassword(db, username, next, caller(c).username);
      return c.body(null, 204);
    })
    .openapi(tokens, async (c) => {
      const { user } = c.req.valid('query');
      const userId = user === undefined ? undefined : (await accountOf(db, user)).id;
      return c.json({ items: await listApiTokens(db, userId) }, 200);
    })
    .openapi(createToken, async (c) => {
      const actor = caller(c).username;
      if (authState(c).via !== 'session') throw ApiError.because(403, reason('token_needs_session'));
      const { username } = c.req.valid('param');
      const { label, expires_in_days } = c.req.valid('json');
      const made = await issueToken(db, username, label, expires_in_days ?? null, actor);
      const record = await getApiToken(db, made.id);
      if (!record) throw new Error(`API token ${made.id} was created but cannot be read back`);
      return c.json({ token: made.token, record }, 201);
    })
    .openapi(revoke, async (c) => {
      const { id } = c.req.valid('param');
      await revokeToken(db, id, caller(c).username);
      return c.body(null, 204);
    });
}
