/**
 * The hot path of a public map: a visitor's tile requests — byte ranges of a version's PMTiles
 * archives — answered straight from Node's request, before Hono. Through Hono each one costs a
 * Request, a Response and the middleware chain; at a hundred connections that overhead and the
 * garbage it makes set the tail (p99 95 ms against 12 ms this way, bench:embed).
 *
 * The lane decides nothing on its own. It answers only what the Hono route (embed-routes.ts) has
 * already resolved and holds in memory: a live publication whose status was read in the last few
 * seconds, a version it recorded, a file held in memory. Anything else — the first request, a
 * stale status, a withdrawn publication, a file streamed from disk — falls through to Hono, which
 * answers it and warms the lane. Both count against the same per-address limit and send the same
 * headers (embed-headers.ts, send-file.ts).
 */
import { createServer, type IncomingMessage, type RequestListener, type ServerOptions, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { versionDir } from '../../publish/publications.ts';
import { isHttps, nodeClientAddress, type TrustedProxies } from '../client-address.ts';
import type { RateLimiter } from '../middleware/rate-limit/index.ts';
import { embedHeaders } from './embed-headers.ts';
import type { PublicationCache } from './publication-cache.ts';
import { answerFrozen, heldInMemory, IMMUTABLE, memory } from './send-file.ts';

export interface LaneDeps {
  publications: PublicationCache;
  publicationsDir: string;
  limiter: RateLimiter;
  trusted: TrustedProxies;
  secureCookies: boolean;
}

/** Only tile archives: everything else a page loads once, and Hono serves it well enough. */
const TILE_FILE = /^\/embed\/([a-z2-9]{10})\/v\/([1-9]\d{0,8})\/([a-z]+\.pmtiles)$/;

/** Answers the request and returns true, or returns false and leaves it to Hono. */
export type Lane = (req: IncomingMessage, res: ServerResponse) => boolean;

export function frozenFileLane(deps: LaneDeps): Lane {
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const match = TILE_FILE.exec(req.url ?? '');
    if (!match) return false;
    const [, id, n, name] = match as unknown as [string, string, string, string];
    const version = deps.publications.peekPublished(id, Number(n));
    const entry = version?.files[name];
    if (!version || !entry) return false;
    const file = { path: join(versionDir(deps.publicationsDir, id, version.version), name), name, ...entry };
    const bytes = heldInMemory(file) ? memory.peek(file.path) : undefined;
    if (!bytes) return false;

    const headers = embedHeaders(version.spec.frameAncestors);
    const socket = req.socket.remoteAddress ?? 'unknown';
    const https = isHttps(
      {
        url: 'encrypted' in req.socket && req.socket.encrypted ? 'https:' : 'http:',
        forwardedProto: header(req, 'x-forwarded-proto'),
        socket,
      },
      deps.trusted,
      deps.secureCookies,
    );
    if (https) headers['strict-transport-security'] = 'max-age=15552000; includeSubDomains';
    const client = nodeClientAddress(req, deps.trusted);
    const wait = deps.limiter.take(client);
    if (wait > 0) {
      const body = JSON.stringify({
        error: { code: 'too_many_requests', message: `too many requests from ${client}; try again in ${wait} s` },
      });
      res.writeHead(429, {
        ...headers,
        'content-type': 'application/json',
        'retry-after': String(wait),
        'content-length': Buffer.byteLength(body),
      });
      res.end(body);
      return true;
    }
    const answer = answerFrozen(
      file,
      { method: req.method, range: header(req, 'range'), ifNoneMatch: header(req, 'if-none-match') },
      IMMUTABLE,
    );
    res.writeHead(answer.status, { ...headers, ...answer.headers });
    res.end(answer.range ? bytes.subarray(answer.range.start, answer.range.end + 1) : undefined);
    return true;
  };
}

/** Node's createServer with the lane in front of the listener (Hono's, through @hono/node-server). */
export function withLane(lane: Lane): typeof createServer {
  return ((options: ServerOptions, listener: RequestListener) =>
    createServer(options, (req, res) => lane(req, res) || listener(req, res))) as typeof createServer;
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};
