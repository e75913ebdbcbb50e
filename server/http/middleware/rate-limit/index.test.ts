import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { RateLimiter, rateLimit } from './index.ts';

function app(perMinute: number, clock: { t: number }) {
  return new Hono()
    .use('*', rateLimit({ perMinute, keyOf: (c) => c.req.header('x-client') ?? 'none', now: () => clock.t }))
    .get('/', (c) => c.text('ok'));
}

const from = (client: string) => ({ headers: { 'x-client': client } });

describe('rateLimit', () => {
  it('lets a burst of a minute’s worth through, then answers 429 with Retry-After', async () => {
    const clock = { t: 0 };
    const a = app(60, clock);
    for (let i = 0; i < 60; i++) expect((await a.request('/', from('a'))).status).toBe(200);
    const refused = await a.request('/', from('a'));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.json()).toMatchObject({ error: { code: 'too_many_requests' } });
  });

  it('one address over its limit does not hold back another', async () => {
    const clock = { t: 0 };
    const a = app(5, clock);
    for (let i = 0; i < 6; i++) await a.request('/', from('a'));
    expect((await a.request('/', from('a'))).status).toBe(429);
    expect((await a.request('/', from('b'))).status).toBe(200);
  });

  it('refills with time: a second later, one more request per second of the rate', async () => {
    const clock = { t: 0 };
    const a = app(60, clock);
    for (let i = 0; i < 60; i++) await a.request('/', from('a'));
    expect((await a.request('/', from('a'))).status).toBe(429);
    clock.t += 1000;
    expect((await a.request('/', from('a'))).status).toBe(200);
    expect((await a.request('/', from('a'))).status).toBe(429);
  });

  it('requests it does not apply to are never counted', async () => {
    const clock = { t: 0 };
    const a = new Hono()
      .use('*', rateLimit({ perMinute: 1, keyOf: () => 'x', applies: (c) => c.req.path !== '/free', now: () => clock.t }))
      .get('*', (c) => c.text('ok'));
    for (let i = 0; i < 5; i++) expect((await a.request('/free')).status).toBe(200);
    expect((await a.request('/paid')).status).toBe(200);
    expect((await a.request('/paid')).status).toBe(429);
  });
});

describe('RateLimiter', () => {
  it('holds at most maxClients buckets: a client not seen since two generations is forgotten, one seen lately is not', () => {
    const limiter = new RateLimiter({ perMinute: 1, maxClients: 4, now: () => 0 });
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBeGreaterThan(0);
    // b, c, d, e fill two generations of two; a, seen before them, is forgotten.
    for (const k of ['b', 'c', 'd', 'e']) limiter.take(k);
    expect(limiter.take('a')).toBe(0);
    // e was seen in the last generation: still spent.
    expect(limiter.take('e')).toBeGreaterThan(0);
  });
});
