/**
 * Per-address rate limit for what the public can reach: a token bucket per client address,
 * refilled at `perMinute` / 60 a second and holding a minute's worth, so a page load's burst of
 * tile requests passes and a scraper does not. Over the limit: 429 with Retry-After. Buckets live
 * in memory and the least recently seen are dropped beyond `maxClients`.
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

export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const buckets = new Map<string, Bucket>();
  const capacity = options.perMinute;
  const perMs = options.perMinute / 60_000;
  const max = options.maxClients ?? 100_000;
  const now = options.now ?? Date.now;
  const refuse =
    options.refuse ??
    ((c: Context, wait: number) =>
      c.json({ error: { code: 'too_many_requests', message: `too many requests from ${options.keyOf(c)}; try again in ${wait} s` } }, 429));
  return async (c, next) => {
    if (options.applies && !options.applies(c)) return next();
    const key = options.keyOf(c);
    const t = now();
    const bucket = buckets.get(key) ?? { tokens: capacity, at: t };
    bucket.tokens = Math.min(capacity, bucket.tokens + (t - bucket.at) * perMs);
    bucket.at = t;
    buckets.delete(key);
    buckets.set(key, bucket);
    if (buckets.size > max) buckets.delete(buckets.keys().next().value as string);
    if (bucket.tokens < 1) {
      const wait = Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
      c.header('retry-after', String(wait));
      return refuse(c, wait);
    }
    bucket.tokens -= 1;
    return next();
  };
}
