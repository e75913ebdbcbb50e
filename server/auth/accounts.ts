/**
 * Account management, for the CLI and the admins' API alike: validated, hashed, and audited
 * (entity `user`) in one transaction, with the caller named as the actor. There is no default
 * account and no default password, and the last enabled admin can be neither disabled nor demoted.
 */
import { createApiToken, getApiToken, revokeApiToken } from '../db/api-token-store.ts';
import { appendAudit } from '../db/audit-store.ts';
import type { Database, Queryable } from '../db/database.ts';
import { deleteSessionsOfUser } from '../db/session-store.ts';
import { createUser, findUser, listUsers, setDisabled, setPasswordHash, setRole, type User } from '../db/user-store.ts';
import type { AuditEvent } from '../domain/audit.ts';
import { type Reason, reason } from '../domain/reasons.ts';
import { ReasonedRefusal } from '../domain/refusal.ts';
import { isRole, passwordReason, type Role, roleReason, SCOPABLE_ROLES, usernameReason } from '../domain/roles.ts';
import { hashPassword } from './passwords.ts';

/**
 * A refusal worth one line to the operator and a worded message to an admin in the browser: bad
 * name, role, region or password (400), no such account or token (404), or a change the accounts'
 * state does not allow (409). The message is the reason's English wording.
 */
export class AccountError extends ReasonedRefusal {}

function refuseIf(problem: Reason | null): void {
  if (problem) throw new AccountError(400, problem);
}

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
  if (!user) throw new AccountError(404, reason('account_not_found', { username }));
  return user;
}

const describe = (role: Role, region: string | null) => (region ? `${role}@${region}` : role);

/**
 * Refuses a change that would leave no enabled admin: nobody could then manage accounts from the
 * browser. Checked inside the change's transaction, against the accounts as they are there.
 */
async function keepAnAdmin(tx: Queryable, user: User, after: { role: Role; disabled: boolean }): Promise<void> {
  const wasAdmin = user.role === 'admin' && !user.disabled;
  const staysAdmin = after.role === 'admin' && !after.disabled;
  if (!wasAdmin || staysAdmin) return;
  const others = (await listUsers(tx)).filter((u) => u.id !== user.id && u.role === 'admin' && !u.disabled);
  if (others.length === 0) throw new AccountError(409, reason('account_last_admin', { username: user.username }));
}

export async function addUser(
  db: Database,
  input: { username: string; role: string; region: string | null; password: string },
  actor: string,
): Promise<User> {
  refuseIf(usernameReason(input.username) ?? roleReason(input.role, input.region) ?? passwordReason(input.password, input.username));
  if (await findUser(db, input.username)) throw new AccountError(409, reason('account_exists', { username: input.username }));
  const passwordHash = await hashPassword(input.password);
  const role = input.role as Role;
  return db.transaction(async (tx) => {
    const user = await createUser(tx, { username: input.username, role, region: input.region, passwordHash }, new Date());
    await audit(tx, actor, user.username, 'user_created', null, describe(role, input.region));
    return user;
  });
}

export async function changePassword(db: Database, username: string, password: string, actor: string): Promise<void> {
  refuseIf(passwordReason(password, username));
  const user = await existing(db, username);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await setPasswordHash(tx, user.id, passwordHash);
    // Whoever knew the old password may have a session; a new password ends them all.
    await deleteSessionsOfUser(tx, user.id);
    await audit(tx, actor, username, 'password_changed', null, null);
  });
}

/** What an admin may change about an account at once; an absent field stays as it is. */
export interface AccountChange {
  role?: string;
  region?: string | null;
  disabled?: boolean;
}

/**
 * Changes role and region and/or whether the account may log in, in one transaction: all of it
 * happens, audited, or none of it. A role change ends the account's sessions (they carried the old
 * role), and so does disabling it. Changing nothing is not audited.
 */
export async function updateAccount(db: Database, username: string, change: AccountChange, actor: string): Promise<User> {
  const user = await existing(db, username);
  const role = change.role ?? user.role;
  // Moving to a role that takes no region drops the old one rather than refusing the move.
  const region = change.region !== undefined ? change.region : isRole(role) && SCOPABLE_ROLES.includes(role) ? user.region : null;
  refuseIf(roleReason(role, region));
  const newRole = role as Role;
  const disabled = change.disabled ?? user.disabled;
  const roleChanged = newRole !== user.role || region !== user.region;
  if (!roleChanged && disabled === user.disabled) return user;
  return db.transaction(async (tx) => {
    const current = await existing(tx, username);
    await keepAnAdmin(tx, current, { role: newRole, disabled });
    if (roleChanged) {
      await setRole(tx, current.id, newRole, region);
      await audit(tx, actor, username, 'role_changed', describe(current.role, current.region), describe(newRole, region));
    }
    if (disabled !== current.disabled) {
      await setDisabled(tx, current.id, disabled);
      await audit(tx, actor, username, disabled ? 'disabled' : 'enabled', String(!disabled), String(disabled));
    }
    if (roleChanged || disabled) await deleteSessionsOfUser(tx, current.id);
    return existing(tx, username);
  });
}

export async function changeRole(db: Database, username: string, role: string, region: string | null, actor: string): Promise<User> {
  return updateAccount(db, username, { role, region }, actor);
}

export async function setUserDisabled(db: Database, username: string, disabled: boolean, actor: string): Promise<void> {
  await updateAccount(db, username, { disabled }, actor);
}

export async function issueToken(
  db: Database,
  username: string,
  label: string,
  expiresInDays: number | null,
  actor: string,
): Promise<{ id: number; token: string; expires_at: string | null }> {
  const user = await existing(db, username);
  if (user.disabled) throw new AccountError(409, reason('account_disabled', { username }));
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
  if (!token) throw new AccountError(404, reason('token_not_found', { id }));
  await db.transaction(async (tx) => {
    if (!(await revokeApiToken(tx, id))) throw new AccountError(409, reason('token_already_revoked', { id }));
    await audit(tx, actor, token.username, 'token_revoked', token.label, null, { token_id: id });
  });
}
