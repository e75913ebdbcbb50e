/**
 * What keeps one request from hurting the others, through the real app: body limits, answers
 * computed once per version of the data, heavy work queued, and the headers that keep an
 * account's data out of caches and promise HTTPS only over HTTPS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bumpDataVersion } from '../../server/db/meta-store.ts';
import { JSON_BODY_LIMIT } from '../../server/http/app.ts';
import { call } from '../helpers/ledger-app.ts';
import { type PublicationApp, publicationApp } from '../helpers/publication-app.ts';

let t: PublicationApp;
beforeAll(async () => {
  t = await publicationApp(1500);
});
afterAll(() => t.close());

describe('request bodies', () => {
  it('a JSON body over the limit is refused with 413, by its Content-Length, before it is read', async () => {
    const big = JSON.stringify({ username: 'x'.repeat(JSON_BODY_LIMIT), password: 'y' });
    const r = await t.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(r.status).toBe(413);
    expect(await r.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('a streamed body without a length is cut off at the limit, not buffered whole', async () => {
    let sent = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x61);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Would be 200 MiB if read to the end.
        if (sent > 200 * 1024 * 1024) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const r = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(r.status).toBe(413);
    expect(sent).toBeLessThan(4 * JSON_BODY_LIMIT);
  });

  it('a body within the limit still works', async () => {
    expect((await call(t.app, 'POST', '/api/auth/login', { body: { username: 'nobody', password: 'wrong' } })).status).toBe(401);
  });
});

describe('answers that depend only on the data', () => {
  it('are the same bytes with an ETag until the data changes, then new', async () => {
    const first = await t.app.request('/api/regions', { headers: { 'accept-encoding': 'gzip' } });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-encoding')).toBe('gzip');
    const etag = first.headers.get('etag') as string;
    expect((await t.app.request('/api/regions', { headers: { 'if-none-match': etag } })).status).toBe(304);
    await bumpDataVersion(t.db);
    await new Promise((r) => setTimeout(r, 150));
    const after = await t.app.request('/api/regions', { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
  });
});

describe('heavy work', () => {
  it('an export whose client leaves frees its place for the next', async () => {
    const gone = new AbortController();
    const abandoned = Promise.resolve(t.app.request('/api/enterprises/export?format=xlsx', { signal: gone.signal })).catch(() => null);
    gone.abort();
    await abandoned;
    const next = await t.app.request('/api/enterprises/export?format=csv');
    expect(next.status).toBe(200);
    await next.arrayBuffer();
  });
});

describe('headers', () => {
  it('an account’s answers and the login reply are no-store; the public map’s are revalidated', async () => {
    const planner = await t.session('planner');
    expect((await call(t.app, 'GET', '/api/publications', { session: planner })).res.headers.get('cache-control')).toBe('no-store');
    expect((await call(t.app, 'GET', '/api/catalogue', { session: planner })).res.headers.get('cache-control')).toBe('no-store');
    expect(
      (await call(t.app, 'POST', '/api/auth/login', { body: { username: 'nobody', password: 'x' } })).res.headers.get('cache-control'),
    ).toBe('no-store');
    expect((await t.app.request('/api/catalogue')).headers.get('cache-control')).toBe('no-cache');
  });

  it('HSTS only over HTTPS', async () => {
    expect((await t.app.request('http://localhost/api/health')).headers.get('strict-transport-security')).toBeNull();
    expect((await t.app.request('https://localhost/api/health')).headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
    const behindTls = t.appWith({ secureCookies: true });
    expect((await behindTls.request('http://localhost/api/health')).headers.get('strict-transport-security')).toMatch(/^max-age/);
  });
});
