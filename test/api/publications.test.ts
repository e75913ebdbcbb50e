/**
 * Publishing over HTTP, and what the public then reaches under /embed: frozen versions, withdrawal,
 * framing headers, caching and ranges, rate limits, and the audit trail of every change.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/db/audit-store.ts';
import type { SnapshotMeta } from '../../server/domain/publish/snapshot.ts';
import { call } from '../helpers/ledger-app.ts';
import { type PublicationApp, publicationApp } from '../helpers/publication-app.ts';

let t: PublicationApp;
let planner: { cookie: string; csrf: string };

beforeAll(async () => {
  t = await publicationApp();
  planner = await t.session('planner');
});
afterAll(() => t.close());

const WITHDRAW = {
  title: { zh: '自然保护区内须退出的企业', en: 'Enterprises that must withdraw from nature reserves' },
  filter: 'action=withdraw',
  draw: 'points',
  fields: ['name', 'sector', 'action', 'rule', 'deadline', 'progress', 'location'],
  zones: ['nature_reserve'],
  frameAncestors: ['https://www.example.gov.cn'],
  reviewNumber: 'GS(2024)1234号',
  sourceLine: '边界：echarts 4.9.0',
};

async function publish(body: Record<string, unknown> = WITHDRAW) {
  const r = await call(t.app, 'POST', '/api/publications', { session: planner, body });
  if (r.status !== 201) throw new Error(`publish answered ${r.status}: ${JSON.stringify(r.json)}`);
  return r.json as { id: string; version: number; count: number; url: string; table_url: string; snippet: string };
}

const meta = async (id: string, version: number) =>
  (await (await t.app.request(`/embed/${id}/v/${version}/meta.json`)).json()) as SnapshotMeta;

describe('publishing', () => {
  it('a planner publishes the enterprises that must withdraw; the answer has the embed, table and snippet', async () => {
    const p = await publish();
    const expected = await t.db.one<{ n: number }>(
      `SELECT count(*) AS n FROM enterprises e WHERE (SELECT min(CASE f.action WHEN 'withdraw' THEN 1 ELSE 99 END) FROM flags f WHERE f.enterprise_id = e.id) = 1`,
    );
    expect(p.count).toBe(expected?.n);
    expect(p.count).toBeGreaterThan(0);
    expect(p.version).toBe(1);
    expect(p.url).toBe(`http://localhost/embed/${p.id}`);
    expect(p.snippet).toContain(`<iframe src="http://localhost/embed/${p.id}" title="自然保护区内须退出的企业"`);
    expect(p.snippet).toMatch(
      /<noscript><a href="[^"]+\/table"><img src="[^"]+\/fallback\.svg" alt="自然保护区内须退出的企业：自然保护区内/,
    );
    expect(p.snippet).toContain(`<a href="http://localhost/embed/${p.id}/table">`);
    const m = await meta(p.id, 1);
    expect(m.summary.en).toMatch(/^\d+ enterprises? in nature reserves must withdraw; \d+ ha(ve|s)\.$/);
    expect(m.tiles.enterprises?.file).toBe('enterprises.pmtiles');
    expect(m.tiles.zones?.file).toBe('zones.pmtiles');
  });

  it('GREENLINE_PUBLIC_URL decides the addresses in the snippet', async () => {
    const app = t.appWith({ publicUrl: 'https://maps.example.gov.cn' });
    const r = await call(app, 'POST', '/api/publications', { session: planner, body: { ...WITHDRAW, title: { zh: '公网地址' } } });
    expect((r.json as { url: string }).url).toMatch(/^https:\/\/maps\.example\.gov\.cn\/embed\/[a-z2-9]{10}$/);
  });

  it('a viewer may not publish; the public may not list publications', async () => {
    expect((await call(t.app, 'POST', '/api/publications', { session: await t.session('viewer'), body: WITHDRAW })).status).toBe(403);
    expect((await call(t.app, 'GET', '/api/publications')).status).toBe(401);
  });

  it('refuses what cannot be published, naming the field and value', async () => {
    const refuse = async (body: Record<string, unknown>, message: RegExp) => {
      const r = await call(t.app, 'POST', '/api/publications', { session: planner, body });
      expect(r.status).toBe(400);
      expect((r.json?.error as { message: string }).message).toMatch(message);
    };
    await refuse({ ...WITHDRAW, fields: ['name', 'action'] }, /draw: drawing points shows exact coordinates/);
    await refuse({ ...WITHDRAW, fields: ['name', 'indicators'] }, /fields\.1/);
    await refuse({ ...WITHDRAW, frameAncestors: ['https://evil.example/path'] }, /frameAncestors\.0: expected an origin/);
    await refuse({ ...WITHDRAW, filter: 'acton=withdraw' }, /filter: "acton" is not a map filter/);
    await refuse({ ...WITHDRAW, filter: 'rule=NO-SUCH-RULE' }, /rule: no rule "NO-SUCH-RULE"/);
    await refuse({ ...WITHDRAW, filter: 'region=15' }, /filter: region.*"15"/);
  });
});

describe('a publication is frozen', () => {
  it('edits and imports change nothing public until someone re-publishes; old versions stay as they were', async () => {
    const p = await publish({ ...WITHDRAW, title: { zh: '冻结测试' } });
    const before = await meta(p.id, 1);
    const rows1 = await (await t.app.request(`/embed/${p.id}/v/1/rows/0.json`)).text();
    const first = (JSON.parse(rows1).rows as unknown[][])[0] as unknown[];
    const name = first[before.columns.indexOf('name')] as string;
    await t.db.run("UPDATE enterprises SET name = '改名后的企业' WHERE name = $name", { name });
    expect(await (await t.app.request(`/embed/${p.id}/v/1/rows/0.json`)).text()).toBe(rows1);
    expect(await (await t.app.request(`/embed/${p.id}`)).text()).toContain(`/embed/${p.id}/v/1/`);

    const again = await call(t.app, 'POST', `/api/publications/${p.id}/republish`, { session: planner });
    expect(again.status).toBe(200);
    expect((again.json as { version: number }).version).toBe(2);
    expect(await (await t.app.request(`/embed/${p.id}/v/2/rows/0.json`)).text()).toContain('改名后的企业');
    expect(await (await t.app.request(`/embed/${p.id}/v/1/rows/0.json`)).text()).toBe(rows1);
    expect(await (await t.app.request(`/embed/${p.id}`)).text()).toContain(`/embed/${p.id}/v/2/`);
    await t.db.run("UPDATE enterprises SET name = $name WHERE name = '改名后的企业'", { name });
  });

  it('renaming makes a version with the new titles over the very same rows and tiles', async () => {
    const p = await publish({ ...WITHDRAW, title: { zh: '改名前' } });
    const r = await call(t.app, 'PATCH', `/api/publications/${p.id}`, {
      session: planner,
      body: { title: { zh: '改名后', en: 'Renamed' } },
    });
    expect(r.status).toBe(200);
    const [v1, v2] = [await meta(p.id, 1), await meta(p.id, 2)];
    expect(v2.title).toEqual({ zh: '改名后', en: 'Renamed' });
    expect(v2.summary).toEqual(v1.summary);
    const bytes = async (v: number, f: string) => Buffer.from(await (await t.app.request(`/embed/${p.id}/v/${v}/${f}`)).arrayBuffer());
    expect((await bytes(2, 'enterprises.pmtiles')).equals(await bytes(1, 'enterprises.pmtiles'))).toBe(true);
    expect((await bytes(2, 'rows/0.json')).equals(await bytes(1, 'rows/0.json'))).toBe(true);
    expect(await (await t.app.request(`/embed/${p.id}`)).text()).toContain('<title>改名后</title>');
  });

  it('a withdrawn publication answers 410 with a bilingual page, for every version and file', async () => {
    const p = await publish({ ...WITHDRAW, title: { zh: '将撤回' } });
    expect((await call(t.app, 'POST', `/api/publications/${p.id}/withdraw`, { session: planner })).status).toBe(204);
    for (const path of [
      `/embed/${p.id}`,
      `/embed/${p.id}/table`,
      `/embed/${p.id}/v/1`,
      `/embed/${p.id}/v/1/meta.json`,
      `/embed/${p.id}/fallback.svg`,
    ]) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(410);
      const html = await res.text();
      expect(html).toContain('此地图已撤回');
      expect(html).toContain('This map has been withdrawn');
    }
    expect((await call(t.app, 'POST', `/api/publications/${p.id}/withdraw`, { session: planner })).status).toBe(409);
    expect((await call(t.app, 'POST', `/api/publications/${p.id}/republish`, { session: planner })).status).toBe(409);
    const list = (await call(t.app, 'GET', '/api/publications', { session: planner })).json as { items: { id: string; status: string }[] };
    expect(list.items.find((i) => i.id === p.id)?.status).toBe('withdrawn');
  });

  it('every change is in the audit log, chained', async () => {
    const p = await publish({ ...WITHDRAW, title: { zh: '审计' } });
    await call(t.app, 'PATCH', `/api/publications/${p.id}`, { session: planner, body: { title: { zh: '审计二' } } });
    await call(t.app, 'POST', `/api/publications/${p.id}/republish`, { session: planner });
    await call(t.app, 'POST', `/api/publications/${p.id}/withdraw`, { session: planner });
    const entries = await t.db.all<{ event: string; actor: string }>(
      "SELECT event, actor FROM audit_log WHERE entity = 'publication' AND entity_id = $id ORDER BY seq",
      { id: p.id },
    );
    expect(entries.map((e) => e.event)).toEqual(['published', 'renamed', 'republished', 'withdrawn']);
    expect(new Set(entries.map((e) => e.actor))).toEqual(new Set(['planner-publisher']));
    expect((await verifyAuditChain(t.db)).problems).toEqual([]);
  });
});

describe('what /embed answers', () => {
  it('may be framed only by the listed sites; any site when the list is empty; other pages by none', async () => {
    const listed = await publish();
    const csp = (await t.app.request(`/embed/${listed.id}`)).headers;
    expect(csp.get('content-security-policy')).toContain('frame-ancestors https://www.example.gov.cn');
    expect(csp.get('x-frame-options')).toBeNull();
    const open = await publish({ ...WITHDRAW, frameAncestors: [] });
    expect((await t.app.request(`/embed/${open.id}`)).headers.get('content-security-policy')).toContain('frame-ancestors *');
    const app = await t.app.request('/');
    expect(app.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(app.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
  });

  it('the page carries the title, summary, review number, source line and table link before any script runs', async () => {
    const p = await publish();
    const html = await (await t.app.request(`/embed/${p.id}`)).text();
    const m = await meta(p.id, 1);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain(`<h1 data-gl="title">自然保护区内须退出的企业</h1>`);
    expect(html).toContain(m.summary.zh);
    expect(html).toContain('审图号：GS(2024)1234号');
    expect(html).toContain('数据来源：边界：echarts 4.9.0');
    expect(html).toContain(`href="/embed/${p.id}/table?lang=zh"`);
    const en = await (await t.app.request(`/embed/${p.id}?lang=en`)).text();
    expect(en).toContain('<html lang="en">');
    expect(en).toContain(m.summary.en);
    expect(en).toContain('Map review number: GS(2024)1234号');
  });

  it('the table view lists the first rows as a real table, with the public columns only', async () => {
    const p = await publish();
    const html = await (await t.app.request(`/embed/${p.id}/table?lang=en`)).text();
    expect(html).toMatch(/<caption id="gl-table-caption" data-gl="caption">Rows 1–\d+ of \d+<\/caption>/);
    expect(html).toContain('<th scope="col" data-column="name">Name</th>');
    expect(html).not.toContain('data-column="credit_code"');
    expect(html).toContain(`href="/embed/${p.id}/v/1/table.csv"`);
  });

  it('version files are immutable with ETags, answer ranges, and nothing the version did not record', async () => {
    const p = await publish();
    const res = await t.app.request(`/embed/${p.id}/v/1/enterprises.pmtiles`, { headers: { range: 'bytes=0-126' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toMatch(/^bytes 0-126\/\d+$/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 7)
        .toString(),
    ).toBe('PMTiles');
    // An archive is never a document: no CSP or robots headers on it; files that can be opened keep them.
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBeNull();
    const svg = await t.app.request(`/embed/${p.id}/v/1/fallback.svg`);
    expect(svg.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(svg.headers.get('x-robots-tag')).toBe('noarchive');
    const etag = res.headers.get('etag') as string;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect((await t.app.request(`/embed/${p.id}/v/1/enterprises.pmtiles`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await t.app.request(`/embed/${p.id}/v/1/enterprises.pmtiles`, { headers: { range: 'bytes=99999999-' } })).status).toBe(416);
    for (const path of [
      `/embed/${p.id}/v/1/..%2F..%2Fmeta.json`,
      `/embed/${p.id}/v/1/nope.json`,
      `/embed/${p.id}/v/9/meta.json`,
      '/embed/nosuchid00',
      '/embed/NOT-AN-ID',
    ]) {
      expect((await t.app.request(path)).status, path).toBe(404);
    }
    expect((await t.app.request(`/embed/${p.id}`)).headers.get('cache-control')).toBe('public, max-age=60');
  });

  it('public requests are limited per client address: 429 with Retry-After', async () => {
    const p = await publish();
    const app = t.appWith({ publicRatePerMinute: 5 });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await app.request(`/embed/${p.id}/v/1/meta.json`)).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    const refused = await app.request(`/embed/${p.id}/v/1/meta.json`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // An account is not the public: its API calls are not counted.
    expect((await call(app, 'GET', '/api/publications', { session: planner })).status).toBe(200);
  });

  it('anonymous access is the embeds and /api/health when public-map is off', async () => {
    const p = await publish();
    await t.db.run("UPDATE meta SET value = 'off' WHERE key = 'setting.public_map'");
    try {
      const app = t.appWith({});
      expect((await app.request('/api/health')).status).toBe(200);
      expect((await app.request(`/embed/${p.id}`)).status).toBe(200);
      for (const path of [
        '/api/catalogue',
        '/api/enterprises',
        '/api/enterprises/export?format=csv',
        '/api/zones?kind=nature_reserve',
        '/api/openapi.json',
      ]) {
        expect((await app.request(path)).status, path).toBe(401);
      }
      const me = await app.request('/api/auth/me');
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ user: null });
    } finally {
      await t.db.run("UPDATE meta SET value = 'on' WHERE key = 'setting.public_map'");
    }
  });

  it('the files on disk are the ones recorded: each SHA-256 checks out', async () => {
    const p = await publish();
    const row = await t.db.one<{ files: string }>('SELECT files::VARCHAR AS files FROM publication_versions WHERE publication_id = $id', {
      id: p.id,
    });
    const files = JSON.parse(row?.files ?? '{}') as Record<string, { sha256: string }>;
    const { createHash } = await import('node:crypto');
    for (const [name, f] of Object.entries(files)) {
      const bytes = readFileSync(join(t.publicationsDir, p.id, 'v1', name));
      expect(createHash('sha256').update(bytes).digest('hex'), name).toBe(f.sha256);
    }
  });
});
