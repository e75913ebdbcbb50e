/**
 * Nothing a publication did not allow leaves the server. Cases get notes, departments and
 * assignees no one could guess, and the published enterprises indicator values no one could
 * guess; a publication that excludes credit codes is then read exactly as the public reads it —
 * every page and every file of the version, every vector tile decoded — and none of those values
 * may appear anywhere.
 */
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SnapshotMeta } from '../../server/domain/publish/snapshot.ts';
import { call } from '../helpers/ledger-app.ts';
import { type PublicationApp, publicationApp } from '../helpers/publication-app.ts';

let t: PublicationApp;
/** Reads every tile: far more requests than one visitor's rate limit allows. */
let app: PublicationApp['app'];
let secrets: string[];
let creditCodes: string[];

/** The pmtiles reader over HTTP ranges through the app, as a browser reads the archive. */
class AppSource implements Source {
  constructor(private readonly url: string) {}
  getKey() {
    return this.url;
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const res = await app.request(this.url, { headers: { range: `bytes=${offset}-${offset + length - 1}` } });
    if (res.status !== 206 && res.status !== 200) throw new Error(`${this.url} answered ${res.status}`);
    return { data: await res.arrayBuffer() };
  }
}

beforeAll(async () => {
  t = await publicationApp();
  app = t.appWith({ publicRatePerMinute: 1_000_000 });
  const withdraw = await t.db.all<{ id: string; enterprise_id: string }>(
    "SELECT c.id, c.enterprise_id FROM cases c WHERE c.action = 'withdraw' ORDER BY c.id LIMIT 12",
  );
  secrets = [];
  for (const [i, c] of withdraw.entries()) {
    const note = `台账备注-${i}-Qx7Zr`;
    const department = `责任单位-${i}-Kp3Wv`;
    const assignee = `责任人-${i}-Mz8Ty`;
    secrets.push(note, department, assignee);
    await t.db.run(
      "UPDATE cases SET last_note = $note, department = $department, assignee = $assignee, status = 'accepted' WHERE id = $id",
      { note, department, assignee, id: c.id },
    );
    // Indicator values of published enterprises, unlike any other number in the data.
    const value = 987_654.3 + i;
    secrets.push(String(value));
    await t.db.run('UPDATE indicators SET energy_tce = $v, water_m3 = $v WHERE enterprise_id = $id', { v: value, id: c.enterprise_id });
  }
  creditCodes = (
    await t.db.all<{ credit_code: string }>(
      "SELECT DISTINCT e.credit_code FROM enterprises e JOIN cases c ON c.enterprise_id = e.id WHERE c.action = 'withdraw' AND e.credit_code IS NOT NULL",
    )
  ).map((r) => r.credit_code);
});
afterAll(() => t.close());

function leaks(text: string, where: string): string[] {
  return [...secrets, ...creditCodes].filter((s) => text.includes(s)).map((s) => `${where} contains ${s}`);
}

describe('a publication without credit codes, indicators or ledger fields', () => {
  it('carries none of their values in any page, file or tile the public can reach', async () => {
    const planner = await t.session('planner');
    const r = await call(t.app, 'POST', '/api/publications', {
      session: planner,
      body: {
        title: { zh: '公开测试', en: 'Public test' },
        filter: 'action=withdraw',
        draw: 'points',
        fields: ['name', 'sector', 'action', 'rule', 'deadline', 'progress', 'location'],
        zones: ['nature_reserve', 'built_up'],
      },
    });
    expect(r.status).toBe(201);
    const { id } = r.json as { id: string };
    expect(creditCodes.length).toBeGreaterThan(5);

    const found: string[] = [];
    for (const path of [
      `/embed/${id}`,
      `/embed/${id}?lang=en`,
      `/embed/${id}/table`,
      `/embed/${id}/table?lang=en`,
      `/embed/${id}/fallback.svg`,
    ]) {
      found.push(...leaks(await (await t.app.request(path)).text(), path));
    }
    const meta = (await (await t.app.request(`/embed/${id}/v/1/meta.json`)).json()) as SnapshotMeta;
    expect(meta.summary.zh).toMatch(/已退出\d+家/);
    const files = ['meta.json', meta.files.csv, meta.files.fallback, ...Array.from({ length: meta.chunks }, (_, c) => `rows/${c}.json`)];
    for (const f of files) found.push(...leaks(await (await t.app.request(`/embed/${id}/v/1/${f}`)).text(), f));

    // Every tile of every archive, decoded: the keys and values of every feature.
    let tiles = 0;
    for (const info of [meta.tiles.enterprises, meta.tiles.zones, meta.tiles.basemap]) {
      if (!info) continue;
      const raw = Buffer.from(await (await t.app.request(`/embed/${id}/v/1/${info.file}`)).arrayBuffer());
      found.push(...leaks(raw.toString('latin1'), info.file));
      const archive = new PMTiles(new AppSource(`/embed/${id}/v/1/${info.file}`));
      const header = await archive.getHeader();
      for (let z = header.minZoom; z <= Math.min(header.maxZoom, 8); z++) {
        const n = 2 ** z;
        const [x0, x1] = [Math.floor(((header.minLon + 180) / 360) * n), Math.floor(((header.maxLon + 180) / 360) * n)];
        for (let x = x0; x <= Math.min(x1, n - 1); x++) {
          for (let y = 0; y < n; y++) {
            const tile = await archive.getZxy(z, x, y);
            if (!tile) continue;
            tiles++;
            const vt = new VectorTile(new PbfReader(new Uint8Array(tile.data)));
            for (const layer of Object.values(vt.layers)) {
              for (let i = 0; i < layer.length; i++) {
                found.push(...leaks(JSON.stringify(layer.feature(i).properties), `${info.file} ${z}/${x}/${y}`));
              }
            }
          }
        }
      }
    }
    expect(tiles).toBeGreaterThan(10);
    expect(found).toEqual([]);
    // The same publication with credit codes ticked does carry them: the scan can find what it looks for.
    const withCodes = await call(t.app, 'POST', '/api/publications', {
      session: planner,
      body: { title: { zh: '含信用代码' }, filter: 'action=withdraw', draw: 'prefecture', fields: ['name', 'credit_code'] },
    });
    const codesId = (withCodes.json as { id: string }).id;
    const csv = await (await t.app.request(`/embed/${codesId}/v/1/table.csv`)).text();
    expect(leaks(csv, 'table.csv').length).toBeGreaterThan(0);
  });
});
