/**
 * The frozen-file lane answers warm tile requests before Hono (server/main.ts wires it). Through a
 * real Node server, a request it answers must be indistinguishable from one Hono answers — status,
 * bytes and headers — count against the same per-address limit, and stop the moment a
 * publication is withdrawn, here or (after the status is re-read) by another process.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withdrawPublication } from '../../server/db/publication-store.ts';
import { createApp, type PublicEdge, publicEdge } from '../../server/http/app.ts';
import { frozenFileLane, withLane } from '../../server/http/embed/frozen-file-lane.ts';
import { PublicationCache } from '../../server/http/embed/publication-cache.ts';
import { RateLimiter } from '../../server/http/middleware/rate-limit/index.ts';
import { call } from '../helpers/ledger-app.ts';
import { type PublicationApp, publicationApp } from '../helpers/publication-app.ts';

let t: PublicationApp;
let planner: { cookie: string; csrf: string };
let id: string;

beforeAll(async () => {
  t = await publicationApp(600);
  planner = await t.session('planner');
  const body = {
    title: { zh: '须退出的企业' },
    filter: 'action=withdraw',
    draw: 'points',
    fields: ['name', 'action', 'location'],
    zones: ['nature_reserve'],
  };
  const r = await call(t.app, 'POST', '/api/publications', { session: planner, body });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  id = (r.json as { id: string }).id;
});
afterAll(() => t.close());

interface Running {
  url: string;
  /** For each request so far, whether the lane answered it (else Hono did). */
  byLane: boolean[];
  edge: PublicEdge;
  close(): Promise<void>;
}

/** The server as main.ts builds it, on a free loopback port; `edge` overrides let a test set the clock or limit. */
async function running(edgeOver: Partial<PublicEdge> = {}, config: Partial<PublicationApp['config']> = {}): Promise<Running> {
  const deps = { db: t.db, config: { ...t.config, ...config } };
  const edge = { ...publicEdge(deps), ...edgeOver };
  const app = createApp(deps, edge);
  const lane = frozenFileLane({ ...edge, limiter: edge.embedLimiter, secureCookies: deps.config.secureCookies ?? false });
  const byLane: boolean[] = [];
  const watched = withLane((req, res) => {
    const answered = lane(req, res);
    byLane.push(answered);
    return answered;
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1', createServer: watched }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    byLane,
    edge,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const tile = (s: Running, headers: Record<string, string> = {}, method = 'GET') =>
  fetch(`${s.url}/embed/${id}/v/1/enterprises.pmtiles`, { method, headers });

/** Everything but what differs between any two responses of one server (the date, the socket's). */
const comparable = (res: Response) =>
  Object.fromEntries([...res.headers].filter(([name]) => !['date', 'connection', 'keep-alive'].includes(name)));

describe('the frozen-file lane', () => {
  it('answers a warm tile request exactly as Hono does: status, bytes and every header', async () => {
    const s = await running();
    try {
      const cases: Record<string, string>[] = [{ range: 'bytes=0-126' }, { range: 'bytes=127-9999' }, {}, { range: 'bytes=99999999-' }];
      for (const headers of cases) {
        const first = await tile(s, headers);
        const second = await tile(s, headers);
        expect(second.status, JSON.stringify(headers)).toBe(first.status);
        expect(comparable(second), JSON.stringify(headers)).toEqual(comparable(first));
        expect(Buffer.from(await second.arrayBuffer()).equals(Buffer.from(await first.arrayBuffer()))).toBe(true);
      }
      const etag = (await tile(s)).headers.get('etag') as string;
      expect((await tile(s, { 'if-none-match': etag })).status).toBe(304);
      const head = await tile(s, { range: 'bytes=0-9' }, 'HEAD');
      expect(head.status).toBe(206);
      expect(head.headers.get('content-length')).toBe('10');
      // The very first request warmed the lane through Hono; from then on the lane answered.
      expect(s.byLane[0]).toBe(false);
      expect(s.byLane.slice(2).every(Boolean)).toBe(true);
      // Anything but a version's tile archive is Hono's.
      expect((await fetch(`${s.url}/embed/${id}/v/1/meta.json`)).status).toBe(200);
      expect(s.byLane.at(-1)).toBe(false);
    } finally {
      await s.close();
    }
  });

  it('counts against the same per-address limit as the routes, per forwarded client behind a trusted proxy', async () => {
    const s = await running({ embedLimiter: new RateLimiter({ perMinute: 4 }) }, { trustedProxies: '127.0.0.1' });
    try {
      const from = (client: string) => ({ 'x-forwarded-for': client, range: 'bytes=0-126' });
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await tile(s, from('203.0.113.7'))).status);
      expect(statuses).toEqual([206, 206, 206, 206]);
      const refused = await tile(s, from('203.0.113.7'));
      expect(refused.status).toBe(429);
      expect(s.byLane.at(-1)).toBe(true);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.headers.get('x-content-type-options')).toBe('nosniff');
      expect(refused.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      // Hono's routes draw on the same buckets: the refused client is refused there too.
      expect((await fetch(`${s.url}/embed/${id}/v/1/meta.json`, { headers: from('203.0.113.7') })).status).toBe(429);
      expect((await tile(s, from('198.51.100.1'))).status).toBe(206);
    } finally {
      await s.close();
    }
  });

  it('stops at once when the publication is withdrawn through this server', async () => {
    const body = { title: { zh: '将撤回' }, filter: 'action=withdraw', draw: 'points', fields: ['name', 'location'], zones: [] };
    const other = (await call(t.app, 'POST', '/api/publications', { session: planner, body })).json as { id: string };
    const s = await running();
    try {
      const url = `${s.url}/embed/${other.id}/v/1/enterprises.pmtiles`;
      expect((await fetch(url)).status).toBe(200);
      expect((await fetch(url)).status).toBe(200);
      expect(s.byLane.at(-1)).toBe(true);
      const withdrawn = await fetch(`${s.url}/api/publications/${other.id}/withdraw`, {
        method: 'POST',
        headers: { cookie: planner.cookie, 'x-csrf-token': planner.csrf, origin: s.url },
      });
      expect(withdrawn.status).toBe(204);
      expect((await fetch(url)).status).toBe(410);
      expect(s.byLane.at(-1)).toBe(false);
    } finally {
      await s.close();
    }
  });

  it('stops once the status is re-read when another process withdrew it', async () => {
    const body = { title: { zh: '另一进程撤回' }, filter: 'action=withdraw', draw: 'points', fields: ['name', 'location'], zones: [] };
    const other = (await call(t.app, 'POST', '/api/publications', { session: planner, body })).json as { id: string };
    let clock = Date.now();
    const s = await running({ publications: new PublicationCache(t.db, () => clock) });
    try {
      const url = `${s.url}/embed/${other.id}/v/1/enterprises.pmtiles`;
      expect((await fetch(url)).status).toBe(200);
      // As `greenline publication withdraw` does, from outside this server.
      await withdrawPublication(t.db, other.id, new Date());
      expect((await fetch(url)).status).toBe(200);
      expect(s.byLane.at(-1)).toBe(true);
      clock += 6_000;
      expect((await fetch(url)).status).toBe(410);
      expect(s.byLane.at(-1)).toBe(false);
    } finally {
      await s.close();
    }
  });
});
