import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { WorkQueue, workQueue } from './index.ts';

describe('workQueue', () => {
  it('runs at most `concurrency` at once and lets `queue` more wait; the rest get 503 with Retry-After at once', async () => {
    let running = 0;
    let most = 0;
    const queue = new WorkQueue({ name: 'exports', concurrency: 2, queue: 3, retryAfter: 7 });
    const app = new Hono().use('*', workQueue(queue)).get('/', async (c) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 30));
      running--;
      return c.text('done');
    });
    const answers = await Promise.all(Array.from({ length: 8 }, () => app.request('/')));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 503, 503, 503]);
    expect(most).toBe(2);
    const busy = answers.find((r) => r.status === 503) as Response;
    expect(busy.headers.get('retry-after')).toBe('7');
    expect(await busy.json()).toMatchObject({ error: { code: 'busy' } });
    expect(queue.load).toEqual({ running: 0, waiting: 0 });
  });

  it('a waiter whose client leaves is dropped from the queue and never runs', async () => {
    const queue = new WorkQueue({ name: 'exports', concurrency: 1, queue: 5 });
    const first = await queue.acquire();
    const gone = new AbortController();
    const waiting = queue.acquire(gone.signal);
    expect(queue.load.waiting).toBe(1);
    gone.abort();
    expect(await waiting).toBeNull();
    expect(queue.load.waiting).toBe(0);
    first?.();
    expect(queue.load.running).toBe(0);
  });

  it('a failing job still frees its slot', async () => {
    const queue = new WorkQueue({ name: 'x', concurrency: 1, queue: 0 });
    const app = new Hono()
      .use('*', workQueue(queue))
      .get('/', () => {
        throw new Error('boom');
      })
      .onError((_e, c) => c.text('failed', 500));
    expect((await app.request('/')).status).toBe(500);
    expect(queue.load.running).toBe(0);
    expect((await app.request('/')).status).toBe(500);
  });
});
