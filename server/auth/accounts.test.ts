import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../db/audit-store.ts';
import { Database } from '../db/database.ts';
import { createSession, findSession } from '../db/session-store.ts';
import { findUser, loginRecord } from '../db/user-store.ts';
import { AccountError, addUser, changePassword, changeRole, setUserDisabled, updateAccount } from './accounts.ts';
import { verifyPassword } from './passwords.ts';

let db: Database;
beforeEach(async () => {
  db = await Database.open(':memory:');
});
afterEach(() => db.close());

const PASSWORD = 'a long enough password';

describe('accounts', () => {
  it.each([
    [{ username: 'x', role: 'admin', region: null, password: PASSWORD }, 'username must be 2–64'],
    [
      { username: 'ops', role: 'superuser', region: null, password: PASSWORD },
      'role must be one of viewer, planner, official, admin, got "superuser"',
    ],
    [{ username: 'ops', role: 'official', region: '1502', password: PASSWORD }, 'six-digit GB/T 2260 code, got "1502"'],
    [{ username: 'ops', role: 'planner', region: '150200', password: PASSWORD }, 'only viewer and official accounts take a region'],
    [{ username: 'ops', role: 'admin', region: null, password: 'short' }, 'at least 10 characters, got 5'],
    [{ username: 'opsadmin01', role: 'admin', region: null, password: 'OPSADMIN01' }, 'must not be the username'],
  ])('refuses %j', async (input, reason) => {
    await expect(addUser(db, input, 'test')).rejects.toThrow(reason);
    expect(await findUser(db, input.username)).toBeUndefined();
  });

  it('refuses a second account of the same name', async () => {
    await addUser(db, { username: 'ops', role: 'admin', region: null, password: PASSWORD }, 'test');
    await expect(addUser(db, { username: 'ops', role: 'viewer', region: null, password: PASSWORD }, 'test')).rejects.toBeInstanceOf(
      AccountError,
    );
  });

  it('a new password works, the old one does not, and sessions end', async () => {
    const user = await addUser(db, { username: 'ops', role: 'official', region: '150200', password: PASSWORD }, 'test');
    const session = await createSession(db, user.id);
    await changePassword(db, 'ops', 'the new long password', 'cli:root');
    const record = await loginRecord(db, 'ops');
    expect(await verifyPassword(record?.password_hash ?? null, 'the new long password')).toBe(true);
    expect(await verifyPassword(record?.password_hash ?? null, PASSWORD)).toBe(false);
    expect(await findSession(db, session.token)).toBeUndefined();
  });

  it('role changes, disabling and enabling are audited with who did them', async () => {
    await addUser(db, { username: 'ops', role: 'official', region: '150200', password: PASSWORD }, 'cli:root');
    expect(await changeRole(db, 'ops', 'viewer', '150100', 'cli:root')).toMatchObject({ role: 'viewer', region: '150100' });
    await setUserDisabled(db, 'ops', true, 'cli:root');
    expect(await loginRecord(db, 'ops')).toBeUndefined();
    await setUserDisabled(db, 'ops', false, 'cli:root');
    const entries = (await listAudit(db, { entity: 'user', entityId: 'ops' })).items;
    expect(entries.map((e) => [e.actor, e.event, e.from, e.to])).toEqual([
      ['cli:root', 'user_created', null, 'official@150200'],
      ['cli:root', 'role_changed', 'official@150200', 'viewer@150100'],
      ['cli:root', 'disabled', 'false', 'true'],
      ['cli:root', 'enabled', 'true', 'false'],
    ]);
  });

  it('names the account that does not exist', async () => {
    await expect(changeRole(db, 'ghost', 'viewer', null, 'x')).rejects.toThrow('no user "ghost"');
  });

  it('gives each refusal a reason the UI can word, and a status', async () => {
    const error = await addUser(db, { username: 'ops', role: 'admin', region: null, password: 'short' }, 'test').catch((e) => e);
    expect(error).toBeInstanceOf(AccountError);
    expect(error).toMatchObject({ status: 400, reason: { key: 'account_password_short', params: { min: 10, length: 5 } } });
    const missing = await setUserDisabled(db, 'ghost', true, 'x').catch((e) => e);
    expect(missing).toMatchObject({ status: 404, reason: { key: 'account_not_found', params: { username: 'ghost' } } });
  });

  it('keeps the region when moving between roles that take one, and drops it otherwise', async () => {
    await addUser(db, { username: 'ops', role: 'official', region: '150200', password: PASSWORD }, 'test');
    expect(await updateAccount(db, 'ops', { role: 'viewer' }, 'test')).toMatchObject({ role: 'viewer', region: '150200' });
    expect(await updateAccount(db, 'ops', { role: 'planner' }, 'test')).toMatchObject({ role: 'planner', region: null });
  });

  it('changes role and disables in one audited step, and audits nothing when nothing changes', async () => {
    await addUser(db, { username: 'ops', role: 'official', region: '150200', password: PASSWORD }, 'test');
    await updateAccount(db, 'ops', { role: 'official', region: '150200', disabled: false }, 'root');
    await updateAccount(db, 'ops', { role: 'viewer', region: null, disabled: true }, 'root');
    const entries = (await listAudit(db, { entity: 'user', entityId: 'ops' })).items;
    expect(entries.map((e) => [e.actor, e.event])).toEqual([
      ['test', 'user_created'],
      ['root', 'role_changed'],
      ['root', 'disabled'],
    ]);
  });
});

describe('the last admin', () => {
  it('cannot be disabled', async () => {
    await addUser(db, { username: 'root', role: 'admin', region: null, password: PASSWORD }, 'test');
    await expect(setUserDisabled(db, 'root', true, 'root')).rejects.toMatchObject({
      status: 409,
      reason: { key: 'account_last_admin', params: { username: 'root' } },
    });
    expect(await findUser(db, 'root')).toMatchObject({ disabled: false });
  });

  it('cannot be demoted, and a refused change leaves the account as it was', async () => {
    await addUser(db, { username: 'root', role: 'admin', region: null, password: PASSWORD }, 'test');
    await expect(updateAccount(db, 'root', { role: 'official', region: '150200', disabled: true }, 'root')).rejects.toThrow(
      'last enabled admin',
    );
    expect(await findUser(db, 'root')).toMatchObject({ role: 'admin', region: null, disabled: false });
    const entries = (await listAudit(db, { entity: 'user', entityId: 'root' })).items;
    expect(entries.map((e) => e.event)).toEqual(['user_created']);
  });

  it('may step down once another admin is enabled, but a disabled admin does not count', async () => {
    await addUser(db, { username: 'root', role: 'admin', region: null, password: PASSWORD }, 'test');
    await addUser(db, { username: 'deputy', role: 'admin', region: null, password: PASSWORD }, 'test');
    await setUserDisabled(db, 'deputy', true, 'root');
    await expect(changeRole(db, 'root', 'planner', null, 'root')).rejects.toBeInstanceOf(AccountError);
    await setUserDisabled(db, 'deputy', false, 'root');
    expect(await changeRole(db, 'root', 'planner', null, 'root')).toMatchObject({ role: 'planner' });
    await expect(setUserDisabled(db, 'deputy', true, 'deputy')).rejects.toThrow('"deputy" is the last enabled admin');
  });

  it('does not stop other accounts from being disabled or demoted', async () => {
    await addUser(db, { username: 'root', role: 'admin', region: null, password: PASSWORD }, 'test');
    await addUser(db, { username: 'ops', role: 'official', region: null, password: PASSWORD }, 'test');
    await setUserDisabled(db, 'ops', true, 'root');
    expect(await findUser(db, 'ops')).toMatchObject({ disabled: true });
  });
});
