/** Accounts. Passwords arrive already hashed; this module never sees one in clear. */
import type { Principal, Role } from '../domain/roles.ts';
import type { Queryable } from './database.ts';
import { isoOf, sqlTimestamp } from './timestamps.ts';

export interface User {
  id: number;
  username: string;
  role: Role;
  region: string | null;
  disabled: boolean;
  created_at: string;
}

const SELECT_USER = `SELECT id, username, role, region, disabled, ${isoOf('created_at')} AS created_at FROM users`;

export function principalOf(user: Pick<User, 'id' | 'username' | 'role' | 'region'>): Principal {
  return { userId: user.id, username: user.username, role: user.role, region: user.region };
}

export async function createUser(
  q: Queryable,
  user: { username: string; role: Role; region: string | null; passwordHash: string },
  at: Date,
): Promise<User> {
  const row = await q.one<{ id: number }>(
    `INSERT INTO users (username, role, region, password_hash, created_at) VALUES ($u, $role, $region, $hash, CAST($at AS TIMESTAMP))
     RETURNING id`,
    { u: user.username, role: user.role, region: user.region, hash: user.passwordHash, at: sqlTimestamp(at) },
  );
  if (!row) throw new Error(`creating user "${user.username}" returned no id`);
  return (await getUser(q, row.id)) as User;
}

export async function getUser(q: Queryable, id: number): Promise<User | undefined> {
  return q.one<User>(`${SELECT_USER} WHERE id = $id`, { id });
}

export async function findUser(q: Queryable, username: string): Promise<User | undefined> {
  return q.one<User>(`${SELECT_USER} WHERE username = $username`, { username });
}

/** The stored hash for a login attempt; undefined when no enabled account has that name. */
export async function loginRecord(q: Queryable, username: string): Promise<(User & { password_hash: string }) | undefined> {
  return q.one<User & { password_hash: string }>(
    `SELECT id, username, role, region, disabled, ${isoOf('created_at')} AS created_at, password_hash
     FROM users WHERE username = $username AND NOT disabled`,
    { username },
  );
}

export async function listUsers(q: Queryable): Promise<User[]> {
  return q.all<User>(`${SELECT_USER} ORDER BY username`);
}

export async function setPasswordHash(q: Queryable, id: number, passwordHash: string): Promise<void> {
  await q.run('UPDATE users SET password_hash = $hash WHERE id = $id', { id, hash: passwordHash });
}

export async function setRole(q: Queryable, id: number, role: Role, region: string | null): Promise<void> {
  await q.run('UPDATE users SET role = $role, region = $region WHERE id = $id', { id, role, region });
}

export async function setDisabled(q: Queryable, id: number, disabled: boolean): Promise<void> {
  await q.run('UPDATE users SET disabled = $disabled WHERE id = $id', { id, disabled });
}
