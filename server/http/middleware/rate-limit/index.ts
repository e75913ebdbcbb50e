/**
 * Per-address rate limit for what the public can reach: a token bucket per client address,
 * refilled at `perMinute` / 60 a second and holding a minute's worth, so a page load's burst of
 * tile requests passes and a scraper does not. Over the limit: 429 with Retry-After. Buckets live
 * in memory; beyond `maxClients` those not seen for longest are forgotten (RateLimiter).
 */
import type { Context, MiddlewareHandler } from 'hono';

export interface RateLimitOptions {
  perMinute: number;
  /** The client's address (client-address.ts). */
  keyOf: (c: Context) => string;
  /** Whether this request counts (e.g. anonymous requests only). */
  applies?: (c: Context) => boolean;
  maxClients?: number;
  now?: () => number;
  /** The answer when over the limit; JSON by default. */
  refuse?: (c: Context, retryAfter: number) => Response;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * The buckets themselves, apart from Hono: the middleware below and the server's frozen-file lane
 * (embed/frozen-file-lane.ts) count against the same ones.
 */
export class RateLimiter {
  // Two generations instead of one map kept in recency order: moving a key to the end of a Map on
  // every hit, and dropping its oldest key, leaves deleted slots V8 walks past on each
  // keys().next() — 30–50 µs a request at 100,000 clients. Here a hit costs a lookup; when the
  // current generation is full the previous one is dropped whole, and clients seen since stay.
  private current = new Map<string, Bucket>();
  private previous = new Map<string, Bucket>();
  private readonly capacity: number;
  private readonly perMs: number;
  private readonly generation: number;
  private readonly now: () => number;

  constructor(options: Pick<RateLimitOptions, 'perMinute' | 'maxClients' | 'now'>) {
    this.capacity = options.perMinute;
    this.perMs = options.perMinute / 60_000;
    this.generation = Math.max(1, Math.floor((options.maxClients ?? 100_000) / 2));
    this.now = options.now ?? Date.now;
  }

  /** Takes a token for `key`: 0 when the request may go on, else the seconds to wait. */
  take(key: string): number {
    const t = this.now();
    const bucket = this.bucket(key, t);
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (t - bucket.at) * this.perMs);
    bucket.at = t;
    if (bucket.tokens < 1) return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000));
    bucket.tokens -= 1;
    return 0;
  }

  private bucket(key: string, t: number): Bucket {
    const hit = this.current.get(key);
    if (hit) return hit;
    const bucket = this.previous.get(key) ?? { tokens: this.capacity, at: t };
    this.current.set(key, bucket);
    if (this.current.size >= this.generation) {
      this.previous = this.current;
      this.current = new Map();
    }
    return bucket;
  }
}

export function rateLimit(options: RateLimitOptions & { limiter?: RateLimiter }): MiddlewareHandler {
  const limiter = options.limiter ?? new RateLimiter(options);
  const refuse =
    options.refuse ??
    ((c: Context, wait: number) =>
      c.json({ error: { code: 'too_many_requests', message: `too many requests from ${options.keyOf(c)}; try again in ${wait} s` } }, 429));
  return async (c, next) => {
    if (options.applies && !options.applies(c)) return next();
    const wait = limiter.take(options.keyOf(c));
    if (wait > 0) {
      c.header('retry-after', String(wait));
      return refuse(c, wait);
    }
    return next();
  };
}
