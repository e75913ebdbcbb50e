/**
 * Account management as the CLI does it: validated, hashed, and audited (entity `user`) in one
 * transaction. There is no default account and no default password.
 */
import { createApiToken, getApiToken, revokeApiToken } from '../db/api-token-store.ts';
import { appendAudit } from '../db/audit-store.ts';
import type { Database, Queryable } from '../db/database.ts';
import { deleteSessionsOfUser } from '../db/session-store.ts';
import { createUser, findUser, setDisabled, setPasswordHash, setRole, type User } from '../db/user-store.ts';
import type { AuditEvent } from '../domain/audit.ts';
import { accountProblem, passwordProblem, type Role, usernameProblem } from '../domain/roles.ts';
import { hashPassword } from './passwords.ts';

/** A refusal worth one line to the operator: bad name, role, region or password, or no such user. */
export class AccountError extends Error {}

async function audit(
  q: Queryable,
  actor: string,
  username: string,
  event: AuditEvent,
  from: string | null,
  to: string | null,
  details: Record<string, unknown> | null = null,
) {
  await appendAudit(q, [{ entity: 'user', entity_id: username, actor, event, from, to, reason: null, details }]);
}

async function existing(q: Queryable, username: string): Promise<User> {
  const user = await findUser(q, username);
  if (!user) throw new AccountError(`no user "${username}"`);
  return user;
}

const describe = (role: Role, region: string | null) => (region ? `${role}@${region}` : role);

export async function addUser(
  db: Database,
  input: { username: string; role: string; region: string | null; password: string },
  actor: string,
): Promise<User> {
  const problem =
    usernameProblem(input.username) ?? accountProblem(input.role, input.region) ?? passwordProblem(input.password, input.username);
  if (problem) throw new AccountError(problem);
  if (await findUser(db, input.username)) throw new AccountError(`user "${input.username}" already exists`);
  const passwordHash = await hashPassword(input.password);
  const role = input.role as Role;
  return db.transaction(async (tx) => {
    const user = await createUser(tx, { username: input.username, role, region: input.region, passwordHash }, new Date());
    await audit(tx, actor, user.username, 'user_created', null, describe(role, input.region));
    return user;
  });
}

export async function changePassword(db: Database, username: string, password: string, actor: string): Promise<void> {
  const problem = passwordProblem(password, username);
  if (problem) throw new AccountError(problem);
  const user = await existing(db, username);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await setPasswordHash(tx, user.id, passwordHash);
    // Whoever knew the old password may have a session; a new password ends them all.
    await deleteSessionsOfUser(tx, user.id);
    await audit(tx, actor, username, 'password_changed', null, null);
  });
}

export async function changeRole(db: Database, username: string, role: string, region: string | null, actor: string): Promise<User> {
  const problem = accountProblem(role, region);
  if (problem) throw new AccountError(problem);
  const user = await existing(db, username);
  return db.transaction(async (tx) => {
    await setRole(tx, user.id, role as Role, region);
    await deleteSessionsOfUser(tx, user.id);
    await audit(tx, actor, username, 'role_changed', describe(user.role, user.region), describe(role as Role, region));
    return (await findUser(tx, username)) as User;
  });
}

export async function setUserDisabled(db: Database, username: string, disabled: boolean, actor: string): Promise<void> {
  const user = await existing(db, username);
  if (user.disabled === disabled) return;
  await db.transaction(async (tx) => {
    await setDisabled(tx, user.id, disabled);
    if (disabled) await deleteSessionsOfUser(tx, user.id);
    await audit(tx, actor, username, disabled ? 'disabled' : 'enabled', String(!disabled), String(disabled));
  });
}

export async function issueToken(
  db: Database,
  username: string,
  label: string,
  expiresInDays: number | null,
  actor: string,
): Promise<{ id: number; token: string; expires_at: string | null }> {
  const user = await existing(db, username);
  if (user.disabled) throw new AccountError(`user "${username}" is disabled`);
  const now = new Date();
  const expires = expiresInDays === null ? null : new Date(now.getTime() + expiresInDays * 86_400_000);
  return db.transaction(async (tx) => {
    const { token, record } = await createApiToken(tx, user.id, label, expires, now);
    await audit(tx, actor, username, 'token_created', null, label, { token_id: record.id, expires_at: record.expires_at });
    return { id: record.id, token, expires_at: record.expires_at };
  });
}

export async function revokeToken(db: Database, id: number, actor: string): Promise<void> {
  const token = await getApiToken(db, id);
  if (!token) throw new AccountError(`no API token ${id}`);
  await db.transaction(async (tx) => {
    if (!(await revokeApiToken(tx, id))) throw new AccountError(`API token ${id} is already revoked`);
    await audit(tx, actor, token.username, 'token_revoked', token.label, null, { token_id: id });
  });
}
