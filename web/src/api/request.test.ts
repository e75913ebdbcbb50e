import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiRequestError, request, requestJson } from './request.ts';
import { rememberSession, whenSessionLost } from './session.ts';

/** Answers every fetch with one response and records what was asked; the network is the only stub. */
function serve(status: number, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const asked: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    asked.push({ url, init });
    return new Response(status === 204 ? null : typeof body === 'string' ? body : JSON.stringify(body), { status, headers });
  });
  return asked;
}

const signIn = () =>
  rememberSession({
    user: { id: 1, username: 'bt-official', role: 'official', region: null },
    via: 'session',
    csrfToken: 'tok',
    expiresAt: null,
  });

afterEach(() => {
  vi.unstubAllGlobals();
  rememberSession(null);
  whenSessionLost(() => undefined);
});

describe('request', () => {
  it('answers the parsed body of a 200, and undefined for a 204', async () => {
    serve(200, { items: [1, 2], total: 2 });
    expect(await requestJson('/api/cases')).toEqual({ items: [1, 2], total: 2 });
    serve(204, null);
    expect(await requestJson('/api/tokens/3', { method: 'DELETE' })).toBeUndefined();
  });

  it('words a refusal with a reason in the page language, keeping status and reason', async () => {
    vi.stubGlobal('document', { documentElement: { lang: 'en' } });
    serve(403, { error: { code: 'forbidden', message: 'log in first', reason: { key: 'login_first', params: {} } } });
    const error = await requestJson('/api/cases').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 403, message: 'log in first', reason: { key: 'login_first' } });
    vi.stubGlobal('document', { documentElement: { lang: 'zh-CN' } });
    serve(403, { error: { code: 'forbidden', message: 'log in first', reason: { key: 'login_first', params: {} } } });
    await expect(requestJson('/api/cases')).rejects.toMatchObject({ message: '请先登录' });
  });

  it("keeps the server's message when its reason is one this page does not know", async () => {
    vi.stubGlobal('document', { documentElement: { lang: 'zh-CN' } });
    serve(400, { error: { code: 'bad_request', message: 'limit: too big (got 5000)', reason: { key: 'from_the_future', params: {} } } });
    await expect(requestJson('/api/cases?limit=5000')).rejects.toMatchObject({
      status: 400,
      message: 'limit: too big (got 5000)',
      reason: null,
    });
  });

  it('falls back to the status line when the body is not JSON (a proxy error page)', async () => {
    serve(502, '<html>Bad Gateway</html>', { 'content-type': 'text/html' });
    await expect(request('/api/catalogue')).rejects.toMatchObject({ status: 502, message: '502 ' });
  });

  it('sends the CSRF token with writes only, and a JSON body with its content type', async () => {
    signIn();
    const asked = serve(200, {});
    await requestJson('/api/cases/7', { method: 'PATCH', json: { version: 2, note: 'x' } });
    await requestJson('/api/cases/7');
    const [write, read] = asked.map((a) => new Headers(a.init.headers));
    expect(write?.get('x-csrf-token')).toBe('tok');
    expect(write?.get('content-type')).toBe('application/json');
    expect(asked[0]?.init.body).toBe('{"version":2,"note":"x"}');
    expect(read?.get('x-csrf-token')).toBeNull();
  });

  it('reports a lost session on a 401, but not for a failed login or asking who is signed in', async () => {
    signIn();
    const lost = vi.fn();
    whenSessionLost(lost);
    serve(401, { error: { code: 'unauthorized', message: 'wrong username or password' } });
    await expect(requestJson('/api/auth/login', { method: 'POST', json: {} })).rejects.toBeInstanceOf(ApiRequestError);
    await expect(requestJson('/api/auth/me?x=1')).rejects.toBeInstanceOf(ApiRequestError);
    expect(lost).not.toHaveBeenCalled();
    await expect(requestJson('/api/cases')).rejects.toMatchObject({ status: 401 });
    expect(lost).toHaveBeenCalledTimes(1);
    // The token went with the session: a write now carries none.
    const asked = serve(200, {});
    await requestJson('/api/cases/bulk', { method: 'POST', json: {} });
    expect(new Headers(asked[0]?.init.headers).get('x-csrf-token')).toBeNull();
  });
});
