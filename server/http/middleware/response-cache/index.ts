/**
 * Answers that depend only on the data — zones, regions, statistics, the catalogue, the map's
 * columns, a page of enterprises — are computed once per version of the data, compressed once
 * (gzip and brotli, off the event loop), and served from memory with an ETag until the data
 * changes. Concurrent requests for an answer not yet cached wait for the one computation instead
 * of each running it (200 clients asking for the region statistics cost one query, not 200).
 *
 * The version comes from `epoch()` (data version, screening run, rule set, zones), so an import
 * or a screening run makes every cached answer stale at once; the cache never needs to know which
 * route reads what. Entries are kept by recency within a byte budget.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

export interface ResponseCacheOptions {
  /** The data's version: a string that changes whenever any cached answer could. */
  epoch: () => Promise<string>;
  /** Whether this request's answer may be cached (GET only; e.g. not for a signed-in caller's own data). */
  applies: (c: Context) => boolean;
  maxBytes?: number;
}

interface Entry {
  epoch: string;
  etag: string;
  type: string;
  identity: Uint8Array;
  gzip: Uint8Array;
  br: Uint8Array;
  bytes: number;
}

/** Below this, compressing costs more than it saves. */
const COMPRESS_ABOVE = 1024;

export function responseCache(options: ResponseCacheOptions): MiddlewareHandler {
  const entries = new Map<string, Entry>();
  const pending = new Map<string, Promise<Entry | null>>();
  const maxBytes = options.maxBytes ?? 256 * 1024 * 1024;
  let held = 0;

  const store = (key: string, entry: Entry) => {
    const old = entries.get(key);
    if (old) held -= old.bytes;
    entries.set(key, entry);
    held += entry.bytes;
    while (held > maxBytes && entries.size > 1) {
      const [oldest, e] = entries.entries().next().value as [string, Entry];
      entries.delete(oldest);
      held -= e.bytes;
    }
  };

  return async (c, next) => {
    if (c.req.method !== 'GET' || !options.applies(c)) return next();
    const url = new URL(c.req.url);
    url.searchParams.sort();
    const key = `${url.pathname}?${url.searchParams}`;
    const epoch = await options.epoch();
    let entry = entries.get(key);
    if (entry?.epoch !== epoch) {
      const flight = `${epoch} ${key}`;
      let computing = pending.get(flight);
      if (!computing) {
        computing = (async () => {
          await next();
          // Only whole, successful answers are kept; errors and 304s pass through as they are.
          if (c.res.status !== 200 || c.res.headers.get('content-encoding')) return null;
          const identity = new Uint8Array(await c.res.clone().arrayBuffer());
          const big = identity.length >= COMPRESS_ABOVE;
          const [gz, br] = big
            ? await Promise.all([
                gzipAsync(identity, { level: 6 }),
                brotliAsync(identity, {
                  params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length },
                }),
              ])
            : [identity, identity];
          const made: Entry = {
            epoch,
            etag: `"${epoch}-${hash(identity)}"`,
            type: c.res.headers.get('content-type') ?? 'application/octet-stream',
            identity,
            gzip: big ? gz : identity,
            br: big ? br : identity,
            bytes: identity.length + (big ? gz.length + br.length : 0),
          };
          store(key, made);
          return made;
        })();
        pending.set(flight, computing);
        computing.finally(() => pending.delete(flight)).catch(() => undefined);
        // The first request's own answer is the one it computed. Hono merges a finished
        // response's headers into a replacement; the old one is dropped first so it cannot.
        const made = await computing;
        if (!made) return;
        c.res = undefined;
        c.res = send(c, made);
        return;
      }
      entry = (await computing) ?? undefined;
      if (!entry) return next();
    }
    return send(c, entry);
  };
}

function send(c: Context, entry: Entry): Response {
  const headers: Record<string, string> = {
    'content-type': entry.type,
    etag: entry.etag,
    vary: 'Accept-Encoding',
    // Revalidate every time: the answer changes when the data does, and a 304 costs nothing.
    'cache-control': 'no-cache',
  };
  if (c.req.header('if-none-match') === entry.etag) return new Response(null, { status: 304, headers });
  const accept = c.req.header('accept-encoding') ?? '';
  let body = entry.identity;
  if (entry.br !== entry.identity && /\bbr\b/.test(accept)) {
    body = entry.br;
    headers['content-encoding'] = 'br';
  } else if (entry.gzip !== entry.identity && /\bgzip\b/.test(accept)) {
    body = entry.gzip;
    headers['content-encoding'] = 'gzip';
  }
  return new Response(body as Uint8Array<ArrayBuffer>, { status: 200, headers });
}

/** FNV-1a over the bytes: enough to tell two versions of one answer apart in an ETag. */
function hash(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
  return (h >>> 0).toString(36);
}
