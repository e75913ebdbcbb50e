/**
 * API tokens for scripts: `Authorization: Bearer glt_…`. The token is shown once when created;
 * only its SHA-256 is kept. Tokens act with their owner's role and region and can be revoked.
 */
import { randomSecret, sha256Hex } from '../auth/secrets.ts';
import type { Principal } from '../domain/roles.ts';
import type { Queryable } from './database.ts';
import { isoOf, sqlTimestamp } from './timestamps.ts';

export const TOKEN_PREFIX = 'glt_';

export interface ApiToken {
  id: number;
  user_id: number;
  username: string;
  label: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

const SELECT_TOKEN = `SELECT t.id, t.user_id, u.username, t.label, ${isoOf('t.created_at')} AS created_at,
  ${isoOf('t.expires_at')} AS expires_at, ${isoOf('t.revoked_at')} AS revoked_at
  FROM api_tokens t JOIN users u ON u.id = t.user_id`;

export async function createApiToken(
  q: Queryable,
  userId: number,
  label: string,
  expiresAt: Date | null,
  now: Date = new Date(),
): Promise<{ token: string; record: ApiToken }> {
  const token = `${TOKEN_PREFIX}${randomSecret()}`;
  const row = await q.one<{ id: number }>(
    `INSERT INTO api_tokens (user_id, label, token_hash, created_at, expires_at)
     VALUES ($user, $label, $hash, CAST($now AS TIMESTAMP), CAST($expires AS TIMESTAMP)) RETURNING id`,
    { user: userId, label, hash: sha256Hex(token), now: sqlTimestamp(now), expires: expiresAt ? sqlTimestamp(expiresAt) : null },
  );
  if (!row) throw new Error(`creating an API token for user ${userId} returned no id`);
  const record = await q.one<ApiToken>(`${SELECT_TOKEN} WHERE t.id = $id`, { id: row.id });
  return { token, record: record as ApiToken };
}

export async function findApiToken(q: Queryable, token: string, now: Date = new Date()): Promise<Principal | undefined> {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const row = await q.one<{ user_id: number; username: string; role: Principal['role']; region: string | null }>(
    `SELECT t.user_id, u.username, u.role, u.region FROM api_tokens t JOIN users u ON u.id = t.user_id
     WHERE t.token_hash = $hash AND t.revoked_at IS NULL AND NOT u.disabled
       AND (t.expires_at IS NULL OR t.expires_at > CAST($now AS TIMESTAMP))`,
    { hash: sha256Hex(token), now: sqlTimestamp(now) },
  );
  return row ? { userId: row.user_id, username: row.username, role: row.role, region: row.region } : undefined;
}

export async function listApiTokens(q: Queryable, userId?: number): Promise<ApiToken[]> {
  return userId === undefined
    ? q.all<ApiToken>(`${SELECT_TOKEN} ORDER BY t.id`)
    : q.all<ApiToken>(`${SELECT_TOKEN} WHERE t.user_id = $user ORDER BY t.id`, { user: userId });
}

export async function getApiToken(q: Queryable, id: number): Promise<ApiToken | undefined> {
  return q.one<ApiToken>(`${SELECT_TOKEN} WHERE t.id = $id`, { id });
}

/** Revokes a token; false when it does not exist or was already revoked. */
export async function revokeApiToken(q: Queryable, id: number, now: Date = new Date()): Promise<boolean> {
  const rows = await q.all<{ id: number }>(
    'UPDATE api_tokens SET revoked_at = CAST($now AS TIMESTAMP) WHERE id = $id AND revoked_at IS NULL RETURNING id',
    { id, now: sqlTimestamp(now) },
  );
  return rows.length > 0;
}
