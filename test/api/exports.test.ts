import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { createApp } from '../../server/http/app.ts';
import { readXlsx } from '../../server/import/readers/xlsx.ts';
import { TEST_CONFIG, type TempDb, tempDemoDb } from '../helpers/temp-db.ts';

let temp: TempDb;
let db: Database;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  temp = await tempDemoDb(300, 8);
  db = await temp.open();
  app = createApp({ db, config: TEST_CONFIG });
});
afterAll(() => {
  db.close();
  temp.cleanup();
});

const total = async (query: string) => ((await (await app.request(`/api/enterprises?${query}&limit=1`)).json()) as { total: number }).total;

describe('GET /api/enterprises/export', () => {
  it('answers the filtered view as a CSV attachment with a BOM, the same rows the list counts', async () => {
    const res = await app.request('/api/enterprises/export?format=csv&sector=C31,C32&region=150000');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="enterprises-\d{8}\.csv"/);
    // Response.text() would drop the byte-order mark this checks for.
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]?.startsWith('id,name,credit_code,sector,lon,lat,')).toBe(true);
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows.length).toBe(await total('sector=C31,C32&region=150000'));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r[3]).toMatch(/^C3[12]/);
  });

  it('answers XLSX, GeoJSON, GeoParquet and a zipped shapefile', async () => {
    const xlsx = await app.request('/api/enterprises/export?format=xlsx&status=operating');
    const path = join(temp.dir, 'view.xlsx');
    writeFileSync(path, Buffer.from(await xlsx.arrayBuffer()));
    const source = await readXlsx(path, 'view.xlsx');
    let n = 0;
    for await (const batch of source.batches) n += batch.length;
    expect(n).toBe(await total('status=operating'));

    const geojson = (await (await app.request('/api/enterprises/export?format=geojson&bbox=109,40,111,41')).json()) as {
      features: { geometry: { coordinates: number[] } }[];
    };
    expect(geojson.features.length).toBe(await total('bbox=109,40,111,41'));
    for (const f of geojson.features) {
      const [lon = 0, lat = 0] = f.geometry.coordinates;
      expect(lon >= 109 && lon <= 111 && lat >= 40 && lat <= 41).toBe(true);
    }

    const parquet = Buffer.from(await (await app.request('/api/enterprises/export?format=geoparquet')).arrayBuffer());
    expect(parquet.subarray(0, 4).toString()).toBe('PAR1');
    const shp = await app.request('/api/enterprises/export?format=shp');
    expect(shp.headers.get('content-type')).toBe('application/zip');
    expect(shp.headers.get('content-disposition')).toContain('.zip');
    expect(Buffer.from(await shp.arrayBuffer()).readUInt32LE(0)).toBe(0x04034b50);
  });

  it('is not mistaken for an enterprise called "export", and refuses a bad format naming it', async () => {
    const res = await app.request('/api/enterprises/export?format=kml');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toContain('format');
    expect(body.error.message).toContain('"kml"');
    expect((await app.request('/api/enterprises/export')).status).toBe(400);
  });
});

describe('GET /api/zones/export', () => {
  it('answers one zone layer as GeoJSON and as CSV with WKT', async () => {
    const fc = (await (await app.request('/api/zones/export?kind=nature_reserve&format=geojson')).json()) as { features: unknown[] };
    expect(fc.features.length).toBe(42);
    const csv = await (await app.request('/api/zones/export?kind=built_up&format=csv')).text();
    const header = csv.split('\r\n')[0] ?? '';
    expect(header.startsWith('id,kind,zone_type,level,name,name_en,region_code')).toBe(true);
    expect(header.endsWith(',wkt')).toBe(true);
    expect(csv).toContain('"POLYGON ((');
  });
});
