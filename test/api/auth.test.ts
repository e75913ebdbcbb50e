/** Login, sessions, CSRF, API tokens and login rate limiting, through the real app. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type LedgerApp, ledgerApp } from '../helpers/ledger-app.ts';
import { TEST_PASSWORD } from '../helpers/ledger-fixtures.ts';

let t: LedgerApp;
let caseId: number;
beforeAll(async () => {
  t = await ledgerApp();
  caseId = (await t.casesOf(t.baotou[1] as string))[0] as number;
});
afterAll(() => t.close());

async function login(username: string, password: string, headers: Record<string, string> = {}) {
  const res = await t.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username, password }),
  });
  const body = (await res.json()) as Record<string, unknown>;
  const setCookie = res.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0] ?? '';
  return { status: res.status, body, setCookie, cookie, csrf: body.csrfToken as string, res };
}

describe('POST /api/auth/login', () => {
  it('answers 200 with the account and sets an HttpOnly, SameSite=Strict session cookie', async () => {
    const r = await login('official-at-baotou', TEST_PASSWORD);
    expect(r.status).toBe(200);
    expect(r.body.user).toMatchObject({ username: 'official-at-baotou', role: 'official', region: '150200' });
    expect(r.setCookie).toMatch(/^greenline_session=[A-Za-z0-9_-]{40,};/);
    expect(r.setCookie).toContain('HttpOnly');
    expect(r.setCookie).toContain('SameSite=Strict');
    expect(r.setCookie).toContain('Path=/');
    expect(r.setCookie).not.toContain('Secure');
    expect(r.csrf).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const me = await call(t.app, 'GET', '/api/auth/me', { session: { cookie: r.cookie, csrf: r.csrf } });
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ user: { username: 'official-at-baotou' }, via: 'session', csrfToken: r.csrf });
  });

  it('marks the cookie Secure when the request came over https', async () => {
    const res = await t.app.request('https://greenline.example/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'viewer', password: TEST_PASSWORD }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toContain('Secure');
  });

  it('answers 401 with one message for a wrong password and for an unknown user', async () => {
    const wrong = await login('planner', 'not the password at all');
    const unknown = await login('nobody-here', 'whatever it is');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.setCookie).toBe('');
    // A key and parameters the UI words in its own language, beside the English message.
    expect(wrong.body).toMatchObject({
      error: { code: 'unauthorized', message: 'wrong username or password', reason: { key: 'login_failed', params: {} } },
    });
  });

  it('answers 400 naming the field for a body without a password', async () => {
    const res = await call(t.app, 'POST', '/api/auth/login', { body: { username: 'admin' } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.json)).toContain('password');
  });

  it('stores an argon2id hash, never the password, and has no default account', async () => {
    const rows = await t.db.all<{ username: string; password_hash: string }>('SELECT username, password_hash FROM users');
    expect(rows.map((r) => r.username).sort()).toEqual([
      'admin',
      'official',
      'official-at-baotou',
      'planner',
      'viewer',
      'viewer-at-baotou',
    ]);
    for (const r of rows) {
      expect(r.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(r.password_hash).not.toContain(TEST_PASSWORD);
    }
  });

  it('rate-limits guessing: the sixth try within the window answers 429 with Retry-After, even with the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await login('admin', `guess number ${i}`)).status).toBe(401);
    const locked = await login('admin', TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.res.headers.get('retry-after'))).toBeGreaterThan(800);
    // Other accounts are not locked out by it.
    expect((await login('planner', TEST_PASSWORD)).status).toBe(200);
  });

  it('refuses a login posted from another origin', async () => {
    const r = await login('viewer', TEST_PASSWORD, { origin: 'https://evil.example' });
    expect(r.status).toBe(403);
  });
});

describe('sessions', () => {
  it('logout ends the session: the cookie no longer works', async () => {
    const r = await login('viewer', TEST_PASSWORD);
    const session = { cookie: r.cookie, csrf: r.csrf };
    expect((await call(t.app, 'GET', '/api/cases', { session })).status).toBe(200);
    const out = await call(t.app, 'POST', '/api/auth/logout', { session });
    expect(out.status).toBe(204);
    expect(out.res.headers.get('set-cookie')).toMatch(/greenline_session=;.*Max-Age=0/);
    expect((await call(t.app, 'GET', '/api/cases', { session })).status).toBe(401);
  });

  it('an expired session is anonymous', async () => {
    const session = await t.session('viewer');
    await t.db.run("UPDATE sessions SET expires_at = TIMESTAMP '2000-01-01 00:00:00'");
    const me = await call(t.app, 'GET', '/api/auth/me', { session });
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ user: null, csrfToken: null });
    expect((await call(t.app, 'GET', '/api/cases', { session })).status).toBe(401);
  });

  it('a made-up cookie is anonymous', async () => {
    const me = await call(t.app, 'GET', '/api/auth/me', { session: { cookie: 'greenline_session=forged', csrf: 'x' } });
    expect(me.json).toMatchObject({ user: null });
    expect((await call(t.app, 'GET', '/api/cases', { session: { cookie: 'greenline_session=forged', csrf: 'x' } })).status).toBe(401);
  });
});

describe('CSRF', () => {
  const edit = async (session: { cookie: string; csrf: string }, options: { noCsrf?: boolean; headers?: Record<string, string> } = {}) => {
    const version = (await t.db.one<{ version: number }>('SELECT version FROM cases WHERE id = $id', { id: caseId }))?.version;
    return call(t.app, 'PATCH', `/api/cases/${caseId}`, { session, body: { version, note: 'csrf check' }, ...options });
  };

  it('refuses a cookie-authenticated write without the X-CSRF-Token header, and changes nothing', async () => {
    const session = await t.session('official');
    const before = await t.db.one('SELECT version, last_note FROM cases WHERE id = $id', { id: caseId });
    const res = await edit(session, { noCsrf: true });
    expect(res.status).toBe(403);
    expect((res.json?.error as { message: string }).message).toContain('x-csrf-token');
    expect(await t.db.one('SELECT version, last_note FROM cases WHERE id = $id', { id: caseId })).toEqual(before);
  });

  it('refuses a wrong token and another session’s token', async () => {
    const session = await t.session('official');
    const other = await t.session('official');
    expect((await edit(session, { noCsrf: true, headers: { 'x-csrf-token': 'guess' } })).status).toBe(403);
    expect((await edit(session, { noCsrf: true, headers: { 'x-csrf-token': other.csrf } })).status).toBe(403);
  });

  it('refuses a write whose Origin is another site, even with the token', async () => {
    const session = await t.session('official');
    expect((await edit(session, { headers: { origin: 'https://evil.example' } })).status).toBe(403);
  });

  it('accepts the session’s own token from our own origin', async () => {
    const session = await t.session('official');
    expect((await edit(session, { headers: { origin: 'http://localhost' } })).status).toBe(200);
  });
});

describe('API tokens', () => {
  it('are created from a session, shown once, hashed at rest, and work as Bearer', async () => {
    const session = await t.session('official@baotou');
    const created = await call(t.app, 'POST', '/api/auth/tokens', { session, body: { label: 'nightly export' } });
    expect(created.status).toBe(201);
    const { token, record } = created.json as { token: string; record: { id: number } };
    expect(token).toMatch(/^glt_/);
    const stored = await t.db.all<{ token_hash: string }>('SELECT token_hash FROM api_tokens');
    expect(stored.some((s) => s.token_hash.includes(token) || token.includes(s.token_hash))).toBe(false);
    const me = await call(t.app, 'GET', '/api/auth/me', { token });
    expect(me.json).toMatchObject({ user: { username: 'official-at-baotou', region: '150200' }, via: 'token', csrfToken: null });
    // A token needs no CSRF header: browsers never send it on their own.
    const version = (await t.db.one<{ version: number }>('SELECT version FROM cases WHERE id = $id', { id: caseId }))?.version;
    expect((await call(t.app, 'PATCH', `/api/cases/${caseId}`, { token, body: { version, note: 'by script' } })).status).toBe(200);
    const listed = (await call(t.app, 'GET', '/api/auth/tokens', { token })).json as { items: { id: number; label: string }[] };
    expect(listed.items.map((i) => i.label)).toEqual(['nightly export']);
    expect(JSON.stringify(listed)).not.toContain(token);
    // Revoked, it is refused outright.
    expect((await call(t.app, 'DELETE', `/api/auth/tokens/${record.id}`, { session })).status).toBe(204);
    expect((await call(t.app, 'GET', '/api/cases', { token })).status).toBe(401);
  });

  it('cannot mint another token', async () => {
    const session = await t.session('admin');
    const { token } = (await call(t.app, 'POST', '/api/auth/tokens', { session, body: { label: 'a' } })).json as { token: string };
    expect((await call(t.app, 'POST', '/api/auth/tokens', { token, body: { label: 'b' } })).status).toBe(403);
  });

  it('cannot revoke someone else’s token unless admin', async () => {
    const mine = await t.session('viewer');
    const { record } = (await call(t.app, 'POST', '/api/auth/tokens', { session: mine, body: { label: 'v' } })).json as {
      record: { id: number };
    };
    expect((await call(t.app, 'DELETE', `/api/auth/tokens/${record.id}`, { session: await t.session('planner') })).status).toBe(404);
    expect((await call(t.app, 'DELETE', `/api/auth/tokens/${record.id}`, { session: await t.session('admin') })).status).toBe(204);
  });

  it('a malformed Authorization header or an unknown token is 401, even on a public route', async () => {
    expect((await call(t.app, 'GET', '/api/health', { headers: { authorization: 'Basic abc' } })).status).toBe(401);
    expect((await call(t.app, 'GET', '/api/health', { token: 'glt_nonsense' })).status).toBe(401);
  });

  it('a disabled account’s sessions and tokens stop working', async () => {
    const session = await t.session('planner');
    const { token } = (await call(t.app, 'POST', '/api/auth/tokens', { session, body: { label: 'p' } })).json as { token: string };
    await t.db.run("UPDATE users SET disabled = true WHERE username = 'planner'");
    expect((await call(t.app, 'GET', '/api/auth/me', { session })).json).toMatchObject({ user: null });
    expect((await call(t.app, 'GET', '/api/cases', { session })).status).toBe(401);
    expect((await call(t.app, 'GET', '/api/auth/me', { token })).status).toBe(401);
    expect((await login('planner', TEST_PASSWORD)).status).toBe(401);
    await t.db.run("UPDATE users SET disabled = false WHERE username = 'planner'");
  });
});
