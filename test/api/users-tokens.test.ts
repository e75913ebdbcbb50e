/**
 * API tokens managed by an admin: created for an account with the secret shown once, listed
 * without secrets, revoked; each audited with the admin as actor.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../server/db/audit-store.ts';
import { Database } from '../../server/db/database.ts';
import { createApp } from '../../server/http/app.ts';
import { call } from '../helpers/ledger-app.ts';
import { account, sessionOf } from '../helpers/ledger-fixtures.ts';
import { TEST_CONFIG } from '../helpers/temp-db.ts';

const open: Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

async function tokensApp() {
  const db = await Database.open(':memory:');
  open.push(db);
  const app = createApp({ db, config: TEST_CONFIG });
  const root = await account(db, 'root', 'admin');
  await account(db, 'bt-official', 'official', '150200');
  await account(db, 'planner', 'planner');
  return { db, app, root: await sessionOf(db, root.id) };
}

type Made = { token: string; record: { id: number; username: string; label: string; expires_at: string | null } };

async function mint(t: Awaited<ReturnType<typeof tokensApp>>, username: string, body: Record<string, unknown>) {
  return call(t.app, 'POST', `/api/users/${username}/tokens`, { session: t.root, body });
}

describe('POST /api/users/{username}/tokens', () => {
  it('creates a token for the account, shown once, that acts with the account’s role', async () => {
    const t = await tokensApp();
    const res = await mint(t, 'bt-official', { label: 'nightly export', expires_in_days: 30 });
    expect(res.status).toBe(201);
    const made = res.json as unknown as Made;
    expect(made.token).toMatch(/^glt_[A-Za-z0-9_-]{40,}$/);
    expect(made.record).toMatchObject({ username: 'bt-official', label: 'nightly export' });
    expect(Date.parse(made.record.expires_at as string) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    const me = await call(t.app, 'GET', '/api/auth/me', { token: made.token });
    expect(me.json).toMatchObject({ user: { username: 'bt-official', role: 'official', region: '150200' }, via: 'token' });
    const entries = (await listAudit(t.db, { entity: 'user', entityId: 'bt-official', event: 'token_created' })).items;
    expect(entries.map((e) => [e.actor, e.to, e.details?.token_id])).toEqual([['root', 'nightly export', made.record.id]]);
  });

  it('never lists or stores the secret', async () => {
    const t = await tokensApp();
    const made = (await mint(t, 'bt-official', { label: 'a' })).json as unknown as Made;
    await mint(t, 'planner', { label: 'b' });
    const all = await call(t.app, 'GET', '/api/tokens', { session: t.root });
    expect(all.status).toBe(200);
    expect((all.json?.items as { label: string }[]).map((x) => x.label)).toEqual(['a', 'b']);
    const secret = made.token.slice(4);
    expect(JSON.stringify(all.json)).not.toContain(secret);
    expect(JSON.stringify(all.json)).not.toContain('hash');
    const audit = await listAudit(t.db, { entity: 'user' });
    expect(JSON.stringify(audit)).not.toContain(secret);
    const stored = await t.db.all<{ token_hash: string }>('SELECT token_hash FROM api_tokens');
    expect(stored.every((s) => !s.token_hash.includes(secret))).toBe(true);
  });

  it('lists one account’s tokens with ?user=, and 404 for an unknown account', async () => {
    const t = await tokensApp();
    await mint(t, 'bt-official', { label: 'a' });
    await mint(t, 'planner', { label: 'b' });
    const mine = await call(t.app, 'GET', '/api/tokens?user=planner', { session: t.root });
    expect((mine.json?.items as { username: string }[]).map((x) => x.username)).toEqual(['planner']);
    const ghost = await call(t.app, 'GET', '/api/tokens?user=ghost', { session: t.root });
    expect(ghost.status).toBe(404);
    expect(ghost.json).toMatchObject({ error: { reason: { key: 'account_not_found', params: { username: 'ghost' } } } });
  });

  it('refuses a disabled account, an unknown one, and an empty label', async () => {
    const t = await tokensApp();
    await call(t.app, 'PATCH', '/api/users/planner', { session: t.root, body: { disabled: true } });
    const disabled = await mint(t, 'planner', { label: 'x' });
    expect(disabled.status).toBe(409);
    expect(disabled.json).toMatchObject({ error: { reason: { key: 'account_disabled', params: { username: 'planner' } } } });
    expect((await mint(t, 'ghost', { label: 'x' })).status).toBe(404);
    expect((await mint(t, 'bt-official', { label: '  ' })).status).toBe(400);
  });

  it('cannot be called with an API token: a token does not mint tokens', async () => {
    const t = await tokensApp();
    const { token } = (await mint(t, 'root', { label: 'admin script' })).json as unknown as Made;
    const res = await call(t.app, 'POST', '/api/users/bt-official/tokens', { token, body: { label: 'more' } });
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({ error: { reason: { key: 'token_needs_session' } } });
  });
});

describe('DELETE /api/tokens/{id}', () => {
  it('revokes the token, which stops working, and audits it', async () => {
    const t = await tokensApp();
    const made = (await mint(t, 'bt-official', { label: 'script' })).json as unknown as Made;
    expect((await call(t.app, 'DELETE', `/api/tokens/${made.record.id}`, { session: t.root })).status).toBe(204);
    expect((await call(t.app, 'GET', '/api/cases', { token: made.token })).status).toBe(401);
    const listed = await call(t.app, 'GET', '/api/tokens', { session: t.root });
    expect((listed.json?.items as { revoked_at: string | null }[])[0]?.revoked_at).not.toBeNull();
    const entries = (await listAudit(t.db, { entity: 'user', entityId: 'bt-official', event: 'token_revoked' })).items;
    expect(entries.map((e) => [e.actor, e.from])).toEqual([['root', 'script']]);
  });

  it('answers 409 for a token revoked already and 404 for one that never was', async () => {
    const t = await tokensApp();
    const made = (await mint(t, 'bt-official', { label: 'script' })).json as unknown as Made;
    await call(t.app, 'DELETE', `/api/tokens/${made.record.id}`, { session: t.root });
    const again = await call(t.app, 'DELETE', `/api/tokens/${made.record.id}`, { session: t.root });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ error: { reason: { key: 'token_already_revoked', params: { id: made.record.id } } } });
    const never = await call(t.app, 'DELETE', '/api/tokens/9999', { session: t.root });
    expect(never.status).toBe(404);
    expect(never.json).toMatchObject({ error: { reason: { key: 'token_not_found', params: { id: 9999 } } } });
  });
});
