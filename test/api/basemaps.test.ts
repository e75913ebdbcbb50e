import { join } from 'node:path';
import { PMTiles } from 'pmtiles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import type { Database } from '../../server/db/database.ts';
import { createApp } from '../../server/http/app.ts';
import { solidPng, writeRasterPmtiles } from '../helpers/pmtiles.ts';
import { type TempDb, tempDemoDb } from '../helpers/temp-db.ts';

let temp: TempDb;
let db: Database;
let app: ReturnType<typeof createApp>;
let file: string;

beforeAll(async () => {
  temp = await tempDemoDb(20, 3);
  db = await temp.open();
  file = join(temp.dir, 'local.pmtiles');
  writeRasterPmtiles(file, solidPng([200, 220, 200]));
  const config = loadConfig({
    GREENLINE_BASEMAPS: JSON.stringify([
      { id: 'local', name: '本地底图', name_en: 'Local basemap', type: 'pmtiles', file },
      {
        id: 'osm',
        name: 'OpenStreetMap',
        type: 'raster',
        url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
        attribution: '© OpenStreetMap',
      },
    ]),
  });
  app = createApp({ db, config: { ...config, webDir: null, dbPath: temp.path } });
});
afterAll(() => {
  db.close();
  temp.cleanup();
});

describe('configured basemaps', () => {
  it('the catalogue lists them, a local archive under our own origin and never its path on disk', async () => {
    const body = (await (await app.request('/api/catalogue')).json()) as { basemaps: Record<string, unknown>[] };
    expect(body.basemaps.map((b) => [b.id, b.url])).toEqual([
      ['local', '/api/basemaps/local.pmtiles'],
      ['osm', 'https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
    ]);
    expect(JSON.stringify(body.basemaps)).not.toContain(file);
  });

  it('serves byte ranges of the archive, which the pmtiles reader decodes', async () => {
    const res = await app.request('/api/basemaps/local.pmtiles', { headers: { range: 'bytes=0-6' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toMatch(/^bytes 0-6\/\d+$/);
    expect(Buffer.from(await res.arrayBuffer()).toString('ascii')).toBe('PMTiles');
    const archive = new PMTiles({
      getKey: () => 'local',
      getBytes: async (offset: number, length: number) => {
        const r = await app.request('/api/basemaps/local.pmtiles', { headers: { range: `bytes=${offset}-${offset + length - 1}` } });
        return { data: await r.arrayBuffer() };
      },
    });
    const header = await archive.getHeader();
    expect(header.tileType).toBe(2);
    const tile = await archive.getZxy(0, 0, 0);
    expect(
      Buffer.from(tile?.data ?? new ArrayBuffer(0))
        .subarray(1, 4)
        .toString('ascii'),
    ).toBe('PNG');
  });

  it('404 for a basemap not configured, 416 for a range beyond the file', async () => {
    expect((await app.request('/api/basemaps/other.pmtiles')).status).toBe(404);
    expect((await app.request('/api/basemaps/local.pmtiles', { headers: { range: 'bytes=999999-' } })).status).toBe(416);
  });

  it('lets the browser reach only the configured hosts (content security policy)', async () => {
    const csp = (await app.request('/api/health')).headers.get('content-security-policy') ?? '';
    expect(csp).toContain('https://tile.openstreetmap.org');
  });

  it('a file on a basemap that is not pmtiles is refused at start, naming it', () => {
    expect(() => loadConfig({ GREENLINE_BASEMAPS: JSON.stringify([{ id: 'x', name: 'x', type: 'raster', file: '/tmp/x' }]) })).toThrow(
      /"x".*raster/,
    );
  });
});
