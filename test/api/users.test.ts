/**
 * Accounts managed by an admin through the API: create, change role and region, disable and
 * enable, reset a password; each audited with the admin as actor, each refusal with a reason the
 * UI words; only admins may call them, and the last enabled admin stays.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../server/db/audit-store.ts';
import { Database } from '../../server/db/database.ts';
import { createApp } from '../../server/http/app.ts';
import { call } from '../helpers/ledger-app.ts';
import { account, sessionOf, TEST_PASSWORD } from '../helpers/ledger-fixtures.ts';
import { TEST_CONFIG } from '../helpers/temp-db.ts';

const open: Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

/** A fresh database and app with an admin `root` and an official `bt-official` scoped to Baotou. */
async function accountsApp() {
  const db = await Database.open(':memory:');
  open.push(db);
  const app = createApp({ db, config: TEST_CONFIG });
  const root = await account(db, 'root', 'admin');
  const official = await account(db, 'bt-official', 'official', '150200');
  return { db, app, root: await sessionOf(db, root.id), official: await sessionOf(db, official.id), officialId: official.id };
}

async function login(app: ReturnType<typeof createApp>, username: string, password: string) {
  return call(app, 'POST', '/api/auth/login', { body: { username, password } });
}

/** What was done to an account; failed logins (audited too) are left out. */
const userAudit = async (db: Database, username: string) =>
  (await listAudit(db, { entity: 'user', entityId: username })).items
    .filter((e) => e.event !== 'login_failed')
    .map((e) => [e.actor, e.event, e.from, e.to]);

describe('GET /api/users', () => {
  it('lists every account with role, region and whether it is disabled, never a hash', async () => {
    const t = await accountsApp();
    const res = await call(t.app, 'GET', '/api/users', { session: t.root });
    expect(res.status).toBe(200);
    expect((res.json?.items as { username: string }[]).map((u) => u.username)).toEqual(['bt-official', 'root']);
    expect(res.json?.items).toContainEqual(
      expect.objectContaining({ username: 'bt-official', role: 'official', region: '150200', disabled: false }),
    );
    expect(JSON.stringify(res.json)).not.toContain('argon2');
  });
});

describe('POST /api/users', () => {
  it('creates an account that can log in with its initial password, audited with the admin as actor', async () => {
    const t = await accountsApp();
    const body = { username: 'hh-viewer', role: 'viewer', region: '150100', password: 'a long initial password' };
    const res = await call(t.app, 'POST', '/api/users', { session: t.root, body });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ username: 'hh-viewer', role: 'viewer', region: '150100', disabled: false });
    expect((await login(t.app, 'hh-viewer', 'a long initial password')).status).toBe(200);
    expect(await userAudit(t.db, 'hh-viewer')).toEqual([['root', 'user_created', null, 'viewer@150100']]);
  });

  it.each([
    [{ username: 'ops', role: 'admin', password: 'short' }, 400, 'account_password_short', { min: 10, length: 5 }],
    [{ username: 'opsadmin01', role: 'admin', password: 'OPSADMIN01' }, 400, 'account_password_is_username', {}],
    [{ username: 'x', role: 'viewer', password: TEST_PASSWORD }, 400, 'account_username_invalid', { username: 'x' }],
    [
      { username: 'ops', role: 'planner', region: '150200', password: TEST_PASSWORD },
      400,
      'account_region_not_scopable',
      { role: 'planner' },
    ],
    [{ username: 'ops', role: 'viewer', region: '1502', password: TEST_PASSWORD }, 400, 'account_region_invalid', { region: '1502' }],
    [{ username: 'root', role: 'viewer', password: TEST_PASSWORD }, 409, 'account_exists', { username: 'root' }],
  ])('refuses %j with %i and reason %s', async (body, status, key, params) => {
    const t = await accountsApp();
    const before = await userAudit(t.db, body.username);
    const res = await call(t.app, 'POST', '/api/users', { session: t.root, body });
    expect(res.status).toBe(status);
    expect(res.json).toMatchObject({ error: { reason: { key, params } } });
    expect(await userAudit(t.db, body.username)).toEqual(before);
  });

  it('refuses a role that does not exist at the edge, naming the field', async () => {
    const t = await accountsApp();
    const res = await call(t.app, 'POST', '/api/users', {
      session: t.root,
      body: { username: 'ops', role: 'root', password: TEST_PASSWORD },
    });
    expect(res.status).toBe(400);
    expect((res.json?.error as { message: string }).message).toContain('role');
  });
});

describe('PATCH /api/users/{username}', () => {
  it('changes role and region, ends the account’s sessions, and audits it', async () => {
    const t = await accountsApp();
    const res = await call(t.app, 'PATCH', '/api/users/bt-official', { session: t.root, body: { role: 'viewer', region: '150100' } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ username: 'bt-official', role: 'viewer', region: '150100' });
    // The old session carried the old role: it no longer works.
    expect((await call(t.app, 'GET', '/api/auth/me', { session: t.official })).json).toMatchObject({ user: null });
    expect((await userAudit(t.db, 'bt-official')).at(-1)).toEqual(['root', 'role_changed', 'official@150200', 'viewer@150100']);
  });

  it('disables an account, which can no longer log in, and enables it again', async () => {
    const t = await accountsApp();
    const off = await call(t.app, 'PATCH', '/api/users/bt-official', { session: t.root, body: { disabled: true } });
    expect(off.json).toMatchObject({ disabled: true });
    expect((await login(t.app, 'bt-official', TEST_PASSWORD)).status).toBe(401);
    const on = await call(t.app, 'PATCH', '/api/users/bt-official', { session: t.root, body: { disabled: false } });
    expect(on.json).toMatchObject({ disabled: false });
    expect((await login(t.app, 'bt-official', TEST_PASSWORD)).status).toBe(200);
    expect((await userAudit(t.db, 'bt-official')).slice(1)).toEqual([
      ['root', 'disabled', 'false', 'true'],
      ['root', 'enabled', 'true', 'false'],
    ]);
  });

  it('answers 400 for an empty change and 404 with a reason for an unknown account', async () => {
    const t = await accountsApp();
    expect((await call(t.app, 'PATCH', '/api/users/bt-official', { session: t.root, body: {} })).status).toBe(400);
    const ghost = await call(t.app, 'PATCH', '/api/users/ghost', { session: t.root, body: { disabled: true } });
    expect(ghost.status).toBe(404);
    expect(ghost.json).toMatchObject({ error: { reason: { key: 'account_not_found', params: { username: 'ghost' } } } });
  });
});

describe('the last admin', () => {
  it('cannot disable or demote themselves while no other admin is enabled', async () => {
    const t = await accountsApp();
    for (const body of [{ disabled: true }, { role: 'official' }]) {
      const res = await call(t.app, 'PATCH', '/api/users/root', { session: t.root, body });
      expect(res.status, JSON.stringify(body)).toBe(409);
      expect(res.json).toMatchObject({ error: { code: 'conflict', reason: { key: 'account_last_admin', params: { username: 'root' } } } });
    }
    expect((await call(t.app, 'GET', '/api/auth/me', { session: t.root })).json).toMatchObject({ user: { role: 'admin' } });
  });

  it('may step down once another admin exists', async () => {
    const t = await accountsApp();
    await call(t.app, 'PATCH', '/api/users/bt-official', { session: t.root, body: { role: 'admin', region: null } });
    const res = await call(t.app, 'PATCH', '/api/users/root', { session: t.root, body: { role: 'planner' } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ role: 'planner' });
  });
});

describe('POST /api/users/{username}/password', () => {
  it('resets the password: the new one works, the old one does not, and it is audited', async () => {
    const t = await accountsApp();
    const res = await call(t.app, 'POST', '/api/users/bt-official/password', {
      session: t.root,
      body: { password: 'a brand new password' },
    });
    expect(res.status).toBe(204);
    expect((await login(t.app, 'bt-official', TEST_PASSWORD)).status).toBe(401);
    expect((await login(t.app, 'bt-official', 'a brand new password')).status).toBe(200);
    expect((await userAudit(t.db, 'bt-official')).at(-1)).toEqual(['root', 'password_changed', null, null]);
  });

  it('refuses a password the policy does not allow, with its reason', async () => {
    const t = await accountsApp();
    const res = await call(t.app, 'POST', '/api/users/bt-official/password', { session: t.root, body: { password: 'bt-official' } });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error: { reason: { key: 'account_password_is_username' } } });
  });
});

describe('who may manage accounts', () => {
  const writes = [
    ['POST', '/api/users', { username: 'sneaky', role: 'admin', password: TEST_PASSWORD }],
    ['PATCH', '/api/users/root', { disabled: true }],
    ['POST', '/api/users/root/password', { password: 'taken over now' }],
    ['POST', '/api/users/root/tokens', { label: 'backdoor' }],
    ['DELETE', '/api/tokens/1', undefined],
  ] as const;

  it('an official gets 403 on every account route, and nothing changes', async () => {
    const t = await accountsApp();
    expect((await call(t.app, 'GET', '/api/users', { session: t.official })).status).toBe(403);
    expect((await call(t.app, 'GET', '/api/tokens', { session: t.official })).status).toBe(403);
    for (const [method, path, body] of writes) {
      expect((await call(t.app, method, path, { session: t.official, body })).status, `${method} ${path}`).toBe(403);
    }
    expect((await login(t.app, 'root', TEST_PASSWORD)).status).toBe(200);
    expect(await userAudit(t.db, 'sneaky')).toEqual([]);
  });

  it('anonymous callers get 401, and an admin’s write without the CSRF token is refused', async () => {
    const t = await accountsApp();
    for (const [method, path, body] of writes) {
      expect((await call(t.app, method, path, { body })).status, `${method} ${path}`).toBe(401);
    }
    const res = await call(t.app, 'PATCH', '/api/users/bt-official', { session: t.root, body: { disabled: true }, noCsrf: true });
    expect(res.status).toBe(403);
    expect((await login(t.app, 'bt-official', TEST_PASSWORD)).status).toBe(200);
  });
});
