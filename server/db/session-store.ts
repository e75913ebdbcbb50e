/**
 * Browser sessions. The cookie carries a random token; the table keeps its SHA-256, the user and a
 * CSRF token the browser must echo on writes. Sessions end at a fixed time after login, on logout,
 * or when the account is disabled or its password changes.
 */
import { randomSecret, sha256Hex } from '../auth/secrets.ts';
import type { Principal } from '../domain/roles.ts';
import type { Queryable } from './database.ts';
import { isoOf, sqlTimestamp } from './timestamps.ts';

export const SESSION_HOURS = 12;

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface SessionInfo {
  principal: Principal;
  csrfToken: string;
  expiresAt: string;
}

export async function createSession(q: Queryable, userId: number, now: Date = new Date()): Promise<NewSession> {
  const token = randomSecret();
  const csrfToken = randomSecret();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  await q.run(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at)
     VALUES ($hash, $user, $csrf, CAST($now AS TIMESTAMP), CAST($expires AS TIMESTAMP))`,
    { hash: sha256Hex(token), user: userId, csrf: csrfToken, now: sqlTimestamp(now), expires: sqlTimestamp(expiresAt) },
  );
  return { token, csrfToken, expiresAt };
}

export async function findSession(q: Queryable, token: string, now: Date = new Date()): Promise<SessionInfo | undefined> {
  const row = await q.one<{
    user_id: number;
    username: string;
    role: Principal['role'];
    region: string | null;
    csrf_token: string;
    expires_at: string;
  }>(
    `SELECT s.user_id, u.username, u.role, u.region, s.csrf_token, ${isoOf('s.expires_at')} AS expires_at
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $hash AND s.expires_at > CAST($now AS TIMESTAMP) AND NOT u.disabled`,
    { hash: sha256Hex(token), now: sqlTimestamp(now) },
  );
  if (!row) return undefined;
  return {
    principal: { userId: row.user_id, username: row.username, role: row.role, region: row.region },
    csrfToken: row.csrf_token,
    expiresAt: row.expires_at,
  };
}

export async function deleteSession(q: Queryable, token: string): Promise<void> {
  await q.run('DELETE FROM sessions WHERE token_hash = $hash', { hash: sha256Hex(token) });
}

export async function deleteSessionsOfUser(q: Queryable, userId: number): Promise<void> {
  await q.run('DELETE FROM sessions WHERE user_id = $user', { user: userId });
}

export async function deleteExpiredSessions(q: Queryable, now: Date = new Date()): Promise<void> {
  await q.run('DELETE FROM sessions WHERE expires_at <= CAST($now AS TIMESTAMP)', { now: sqlTimestamp(now) });
}
