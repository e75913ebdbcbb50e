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
import type { VersionRow } from '../../db/publication-store.ts';
import { versionDir } from '../../publish/publications.ts';
import { isHttps, nodeClientAddress, type TrustedProxies } from '../client-address.ts';
import type { RateLimiter } from '../middleware/rate-limit/index.ts';
import { embedFileHeaders } from './embed-headers.ts';
import type { PublicationCache } from './publication-cache.ts';
import { answerFrozen, type FrozenFile, heldInMemory, IMMUTABLE, memory } from './send-file.ts';

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
  // What a tile URL resolved to, kept while the cache still answers with the same version row: the
  // path, the file's record and the embed headers are then not worked out again per request.
  const resolved = new Map<string, Resolved>();
  const resolve = (url: string): Resolved | undefined => {
    const hit = resolved.get(url);
    if (hit && deps.publications.peekPublished(hit.id, hit.version.version) === hit.version) return hit;
    const match = TILE_FILE.exec(url);
    if (!match) return undefined;
    const [, id, n, name] = match as unknown as [string, string, string, string];
    const version = deps.publications.peekPublished(id, Number(n));
    const entry = version?.files[name];
    if (!version || !entry) return undefined;
    const file = { path: join(versionDir(deps.publicationsDir, id, version.version), name), name, ...entry };
    if (!heldInMemory(file)) return undefined;
    if (resolved.size >= MAX_RESOLVED) resolved.clear();
    const fresh = { id, version, file, headers: embedFileHeaders(name, version.spec.frameAncestors) };
    resolved.set(url, fresh);
    return fresh;
  };

  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const found = resolve(req.url ?? '');
    const bytes = found && memory.peek(found.file.path);
    if (!found || !bytes) return false;

    const headers: Record<string, string> = { ...found.headers };
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
      headers['content-type'] = 'application/json';
      headers['retry-after'] = String(wait);
      headers['content-length'] = String(Buffer.byteLength(body));
      res.writeHead(429, headers);
      res.end(body);
      return true;
    }
    const answer = answerFrozen(
      found.file,
      { method: req.method, range: header(req, 'range'), ifNoneMatch: header(req, 'if-none-match') },
      IMMUTABLE,
    );
    res.writeHead(answer.status, Object.assign(headers, answer.headers));
    res.end(answer.range ? bytes.subarray(answer.range.start, answer.range.end + 1) : undefined);
    return true;
  };
}

interface Resolved {
  id: string;
  version: VersionRow;
  file: FrozenFile;
  headers: Readonly<Record<string, string>>;
}

/** Tile URLs remembered at once: one per archive of each live version, so far more than are served. */
const MAX_RESOLVED = 10_000;

/** Node's createServer with the lane in front of the listener (Hono's, through @hono/node-server). */
export function withLane(lane: Lane): typeof createServer {
  return ((options: ServerOptions, listener: RequestListener) =>
    createServer(options, (req, res) => lane(req, res) || listener(req, res))) as typeof createServer;
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};
