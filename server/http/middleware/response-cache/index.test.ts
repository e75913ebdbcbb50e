import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { responseCache } from './index.ts';

function app(epoch: { v: string }) {
  let computed = 0;
  const a = new Hono()
    .use('*', responseCache({ epoch: async () => epoch.v, applies: (c) => !c.req.path.startsWith('/private') }))
    .get('/regions', async (c) => {
      computed++;
      await new Promise((r) => setTimeout(r, 20));
      return c.json({ version: epoch.v, filler: 'x'.repeat(5000), at: computed });
    })
    .get('/private', (c) => {
      computed++;
      return c.json({ at: computed });
    })
    .get('/missing', (c) => c.json({ error: 'no' }, 404));
  return { a, computed: () => computed };
}

describe('responseCache', () => {
  it('200 concurrent requests for one answer cost one computation', async () => {
    const t = app({ v: '1' });
    const answers = await Promise.all(Array.from({ length: 200 }, () => t.a.request('/regions')));
    expect(answers.every((r) => r.status === 200)).toBe(true);
    expect(t.computed()).toBe(1);
    expect(new Set(await Promise.all(answers.map((r) => r.text()))).size).toBe(1);
  });

  it('the same answer again while the data is unchanged; a new one after it changes', async () => {
    const epoch = { v: '1' };
    const t = app(epoch);
    await t.a.request('/regions');
    await t.a.request('/regions');
    expect(t.computed()).toBe(1);
    epoch.v = '2';
    expect(((await (await t.a.request('/regions')).json()) as { version: string }).version).toBe('2');
    expect(t.computed()).toBe(2);
  });

  it('query parameters in another order are the same answer', async () => {
    const t = app({ v: '1' });
    await t.a.request('/regions?a=1&b=2');
    await t.a.request('/regions?b=2&a=1');
    expect(t.computed()).toBe(1);
  });

  it('compressed once, sent in the encoding asked for, with an ETag that answers 304', async () => {
    const t = app({ v: '7' });
    const first = await t.a.request('/regions', { headers: { 'accept-encoding': 'gzip' } });
    expect(first.headers.get('content-encoding')).toBe('gzip');
    const body = JSON.parse(gunzipSync(Buffer.from(await first.arrayBuffer())).toString()) as { version: string };
    expect(body.version).toBe('7');
    const br = await t.a.request('/regions', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    const etag = first.headers.get('etag') as string;
    expect((await t.a.request('/regions', { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect(t.computed()).toBe(1);
  });

  it('errors and answers it does not apply to are never kept', async () => {
    const t = app({ v: '1' });
    await t.a.request('/private');
    await t.a.request('/private');
    expect(t.computed()).toBe(2);
    expect((await t.a.request('/missing')).status).toBe(404);
    expect((await t.a.request('/missing')).status).toBe(404);
  });
});
