/**
 * A class of heavy work (exports, screening as of another date, publishing) runs at most
 * `concurrency` at a time; up to `queue` more wait their turn, and beyond that the caller is told
 * at once to come back later (503 with Retry-After) instead of piling onto a busy server. A
 * request whose client goes away while it waits leaves the queue without running.
 */
import type { Context, MiddlewareHandler } from 'hono';

export interface WorkQueueOptions {
  name: string;
  concurrency: number;
  queue: number;
  /** Seconds a refused caller is told to wait. */
  retryAfter?: number;
}

export class WorkQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly options: WorkQueueOptions) {}

  /** Resolves with a release function once a slot is free; null when the queue is full or the wait was abandoned. */
  async acquire(signal?: AbortSignal): Promise<(() => void) | null> {
    if (this.running < this.options.concurrency) {
      this.running++;
      return this.releaser();
    }
    if (this.waiting.length >= this.options.queue) return null;
    return new Promise((resolve) => {
      const go = () => {
        signal?.removeEventListener('abort', leave);
        this.running++;
        resolve(this.releaser());
      };
      const leave = () => {
        const i = this.waiting.indexOf(go);
        if (i >= 0) this.waiting.splice(i, 1);
        resolve(null);
      };
      this.waiting.push(go);
      signal?.addEventListener('abort', leave, { once: true });
    });
  }

  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      this.waiting.shift()?.();
    };
  }
}

export function workQueue(queue: WorkQueue): MiddlewareHandler {
  return async (c: Context, next) => {
    const signal = c.req.raw.signal;
    const release = await queue.acquire(signal);
    if (!release) {
      if (signal.aborted) return new Response(null, { status: 499 });
      const wait = queue.options.retryAfter ?? 5;
      c.header('retry-after', String(wait));
      return c.json(
        { error: { code: 'busy', message: `the server is busy with other ${queue.options.name}; try again in ${wait} s` } },
        503,
      );
    }
    try {
      await next();
    } finally {
      release();
    }
  };
}
