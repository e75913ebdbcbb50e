import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../server/db/database.ts';
import { buildDemoDatabase } from '../../server/demo/build-demo-database.ts';
import { greenlineInProcess } from '../helpers/cli.ts';
import { FIXTURES_ENV } from '../helpers/fixture-cache.ts';
import { demoBase, tempDir, writeDemoDb } from '../helpers/temp-db.ts';

let dir: string;
let db: string;
beforeEach(() => {
  dir = tempDir();
  db = join(dir, 'cli.duckdb');
});
afterEach(async () => {
  const { rmSync } = await import('node:fs');
  rmSync(dir, { recursive: true, force: true });
});

async function snapshot(path: string) {
  const d = await Database.open(path);
  try {
    return await d.all<{ n: number; h: string }>(
      `SELECT (SELECT count(*) FROM enterprises) AS n,
              (SELECT coalesce(sum(hash(id || name || lon || lat || sector)), 0)::VARCHAR FROM enterprises) AS h,
              (SELECT count(*) FROM zones) AS z, (SELECT count(*) FROM imports) AS imports`,
    );
  } finally {
    d.close();
  }
}

const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('greenline demo', () => {
  it('builds a database with the asked number of enterprises and prints one JSON object', async () => {
    const r = await greenlineInProcess(['--db', db, '--json', 'demo', '--enterprises', '250', '--seed', '3']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { enterprises: number; zones: number; regions: number };
    expect(out).toMatchObject({ enterprises: 250, zones: 119, regions: 25 });
    expect((await snapshot(db))[0]?.n).toBe(250);
  });

  it('is deterministic for a seed', async () => {
    const other = join(dir, 'other.duckdb');
    await greenlineInProcess(['--db', db, 'demo', '--enterprises', '120', '--seed', '9']);
    // The second build in-process from the run's shared regions and zones: the command and the
    // builder must agree, and the shipped layers need not be read and checked twice more.
    const cache = process.env[FIXTURES_ENV];
    await buildDemoDatabase(other, { enterprises: 120, seed: 9, ...(cache ? { base: await demoBase(cache) } : {}) });
    expect((await snapshot(db))[0]?.h).toBe((await snapshot(other))[0]?.h);
  });

  it('refuses a bad count with a one-line reason naming the value', async () => {
    const r = await greenlineInProcess(['--db', db, 'demo', '--enterprises', 'lots']);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('"lots"');
  });
});

describe('greenline import enterprises', () => {
  beforeEach(async () => {
    await writeDemoDb(db, 50, 42);
  });

  it('imports the minimal columns id,name,sector,lon,lat and finds their region', async () => {
    const csv = write('min.csv', 'id,name,sector,lon,lat\nN1,包头新钢铁厂,C3120,109.85,40.62\nN2,唐山水泥,3011,118.2,39.65\n');
    const r = await greenlineInProcess(['--db', db, '--json', 'import', 'enterprises', csv]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ imported: 2, updated: 0, skipped: 0, errors: [], warnings: [] });
    // The screening that follows the import, the two new enterprises alone.
    expect(JSON.parse(r.stdout).screening).toMatchObject({ enterprises: 2 });
    const d = await Database.open(db);
    const rows = await d.all<{ id: string; sector: string; region_code: string }>(
      "SELECT id, sector, region_code FROM enterprises WHERE id LIKE 'N%' ORDER BY id",
    );
    d.close();
    expect(rows).toEqual([
      { id: 'N1', sector: 'C3120', region_code: '150200' },
      { id: 'N2', sector: 'C3011', region_code: '130200' },
    ]);
  });

  it('stores capacity units as the units table spells them, and warns of one it does not know', async () => {
    const csv = write(
      'units.csv',
      'id,name,sector,lon,lat,capacity,capacity_unit\nU1,包头钢铁,C3120,109.85,40.62,300,万t/a\nU2,包头电厂,D4411,109.86,40.63,600,mw\nU3,包头油厂,C2511,109.87,40.64,5,桶/日\n',
    );
    const r = await greenlineInProcess(['--db', db, '--json', 'import', 'enterprises', csv]);
    const report = JSON.parse(r.stdout) as { imported: number; warnings: { row: number; field: string; value: string; message: string }[] };
    expect(report.imported).toBe(3);
    expect(report.warnings).toEqual([
      {
        row: 4,
        field: 'capacity_unit',
        value: '桶/日',
        message: expect.stringContaining('not in the units table'),
        reason: expect.anything(),
      },
    ]);
    const d = await Database.open(db);
    const units = await d.all("SELECT id, capacity_unit FROM enterprises WHERE id LIKE 'U%' ORDER BY id");
    d.close();
    expect(units).toEqual([
      { id: 'U1', capacity_unit: '万吨/年' },
      { id: 'U2', capacity_unit: 'MW' },
      { id: 'U3', capacity_unit: '桶/日' },
    ]);
  });

  it('recognises Chinese headers and keeps extra columns as attributes', async () => {
    const csv = write(
      'zh.csv',
      '企业名称,统一社会信用代码,行业代码,经度,纬度,联系人\n鄂尔多斯煤业,91150600MA0N000003,B0610,109.98,39.82,张三\n',
    );
    const r = await greenlineInProcess(['--db', db, '--json', 'import', 'enterprises', csv]);
    const report = JSON.parse(r.stdout) as { imported: number; warnings: { field: string }[] };
    expect(report.imported).toBe(1);
    const d = await Database.open(db);
    const row = await d.one<{ id: string; attributes: string }>("SELECT id, attributes FROM enterprises WHERE name = '鄂尔多斯煤业'");
    d.close();
    // No id column: the credit code is the id.
    expect(row?.id).toBe('91150600MA0N000003');
    expect(JSON.parse(row?.attributes ?? '{}')).toEqual({ 联系人: '张三' });
  });

  it('reports every bad row with row, field and value, and changes nothing', async () => {
    const before = await snapshot(db);
    const csv = write(
      'bad.csv',
      [
        'id,name,sector,lon,lat',
        'B1,好的,C3110,110,40.6',
        'B2,坏行业,C9999,110,40.6',
        'B3,坏经度,C3110,abc,40.6',
        'B4,颠倒,C3110,40.6,110.2',
        'B1,重复,C3110,110,40.6',
      ].join('\n'),
    );
    const r = await greenlineInProcess(['--db', db, '--json', 'import', 'enterprises', csv]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { imported: number; errors: { row: number; field: string; value: string; message: string }[] };
    expect(report.imported).toBe(0);
    expect(report.errors).toEqual([
      expect.objectContaining({ row: 3, field: 'sector', value: 'C9999' }),
      expect.objectContaining({ row: 4, field: 'lon', value: 'abc' }),
      expect.objectContaining({ row: 5, field: 'lon/lat', value: '40.6, 110.2', message: expect.stringContaining('swapped') }),
      expect.objectContaining({ row: 6, field: 'id', value: 'B1', message: expect.stringContaining('row 2') }),
    ]);
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(/^greenline: bad\.csv: 4 invalid row/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('--skip-invalid imports the rest and reports what it skipped', async () => {
    const csv = write('mixed.csv', 'id,name,sector,lon,lat\nS1,好,C3110,110,40.6\nS2,坏,C3110,,40.6\n');
    const r = await greenlineInProcess(['--db', db, '--json', 'import', 'enterprises', csv, '--skip-invalid']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { imported: number; skipped: number; errors: { row: number; message: string }[] };
    expect(report).toMatchObject({ imported: 1, skipped: 1 });
    expect(report.errors[0]).toMatchObject({ row: 3, message: 'missing longitude' });
  });

  it('warns about a bad credit code but keeps the enterprise', async () => {
    const csv = write('code.csv', 'id,name,credit_code,sector,lon,lat\nC1,校验错,91150200MA0N000004,C3110,110,40.6\n');
    const report = JSON.parse((await greenlineInProcess(['--db', db, '--json', 'import', 'enterprises', csv])).stdout) as {
      imported: number;
      warnings: { field: string; message: string }[];
    };
    expect(report.imported).toBe(1);
    expect(report.warnings[0]).toMatchObject({ field: 'credit_code', message: expect.stringContaining('check character') });
  });

  it('upserts by id, keeping the enterprise key', async () => {
    const first = write('a.csv', 'id,name,sector,lon,lat\nU1,旧名,C3110,110,40.6\n');
    const second = write('b.csv', 'id,name,sector,lon,lat\nU1,新名,C3110,110.1,40.6\n');
    await greenlineInProcess(['--db', db, 'import', 'enterprises', first]);
    const d1 = await Database.open(db);
    const key = (await d1.one<{ key: number }>("SELECT key FROM enterprises WHERE id = 'U1'"))?.key;
    d1.close();
    const r = await greenlineInProcess(['--db', db, '--json', 'import', 'enterprises', second]);
    expect(JSON.parse(r.stdout)).toMatchObject({ imported: 1, updated: 1 });
    const d2 = await Database.open(db);
    expect(await d2.one("SELECT name, key FROM enterprises WHERE id = 'U1'")).toEqual({ name: '新名', key });
    d2.close();
  });

  it('imports GeoJSON points', async () => {
    const file = write(
      'e.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            id: 'G1',
            properties: { name: '点企业', sector: 'C2521' },
            geometry: { type: 'Point', coordinates: [106.8, 39.6] },
          },
        ],
      }),
    );
    const r = await greenlineInProcess(['--db', db, '--json', 'import', 'enterprises', file]);
    expect(JSON.parse(r.stdout)).toMatchObject({ imported: 1 });
  });

  it('records every import with the file hash', async () => {
    const csv = write('log.csv', 'id,name,sector,lon,lat\nL1,记录,C3110,110,40.6\n');
    await greenlineInProcess(['--db', db, 'import', 'enterprises', csv]);
    const d = await Database.open(db);
    const log = await d.one<{ file_name: string; file_sha256: string; imported: number }>(
      'SELECT file_name, file_sha256, imported FROM imports',
    );
    d.close();
    expect(log?.file_name).toBe('log.csv');
    expect(log?.file_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(log?.imported).toBe(1);
  });
});

describe('greenline import zones', () => {
  beforeEach(async () => {
    await writeDemoDb(db, 10, 42);
  });

  it('imports reserve zones keeping id, name, zone_type and other properties', async () => {
    const file = write(
      'r.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { id: 'T-core', name: '测试保护区核心区', zone_type: '核心区', 批准文号: '国函〔2000〕1号' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [110, 41],
                  [110.1, 41],
                  [110.1, 41.1],
                  [110, 41],
                ],
              ],
            },
          },
        ],
      }),
    );
    const r = await greenlineInProcess(['--db', db, '--json', 'import', 'zones', file, '--kind', 'nature_reserve']);
    expect(r.code).toBe(0);
    const d = await Database.open(db);
    const z = await d.one<{ zone_type: string; attributes: string }>("SELECT zone_type, attributes FROM zones WHERE id = 'T-core'");
    d.close();
    expect(z?.zone_type).toBe('core');
    expect(JSON.parse(z?.attributes ?? '{}')).toEqual({ 批准文号: '国函〔2000〕1号' });
  });

  it('rejects a reserve with a zone type it cannot read and an empty geometry, changing nothing', async () => {
    const before = await snapshot(db);
    const file = write(
      'bad.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { id: 'X1', name: 'unknown type', zone_type: '外围保护带' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [110, 41],
                  [110.1, 41],
                  [110.1, 41.1],
                  [110, 41],
                ],
              ],
            },
          },
          { type: 'Feature', properties: { id: 'X2', name: 'empty', zone_type: 'core' }, geometry: { type: 'Polygon', coordinates: [] } },
        ],
      }),
    );
    const r = await greenlineInProcess(['--db', db, '--json', 'import', 'zones', file, '--kind', 'nature_reserve']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { errors: { row: number; field: string; value: string | null }[] };
    expect(report.errors.map((e) => [e.row, e.field, e.value])).toEqual([
      [1, 'zone_type', '外围保护带'],
      [2, 'geometry', null],
    ]);
    expect(await snapshot(db)).toEqual(before);
  });

  it('--replace swaps the whole layer of that kind', async () => {
    const file = write(
      'parks.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { id: 'P1', name: '新园区' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [110, 41],
                  [110.1, 41],
                  [110.1, 41.1],
                  [110, 41],
                ],
              ],
            },
          },
        ],
      }),
    );
    await greenlineInProcess(['--db', db, 'import', 'zones', file, '--kind', 'industrial_park', '--replace']);
    const d = await Database.open(db);
    const parks = await d.all<{ id: string }>("SELECT id FROM zones WHERE kind = 'industrial_park'");
    const reserves = await d.one<{ n: number }>("SELECT count(*) AS n FROM zones WHERE kind = 'nature_reserve'");
    d.close();
    expect(parks).toEqual([{ id: 'P1' }]);
    expect(reserves?.n).toBe(42);
  });
});

describe('greenline export enterprises', () => {
  it('writes CSV with a BOM whose columns start id,name,credit_code,sector,lon,lat', async () => {
    await writeDemoDb(db, 30, 42);
    const out = join(dir, 'out.csv');
    const r = await greenlineInProcess(['--db', db, '--json', 'export', 'enterprises', '--format', 'csv', '--out', out]);
    expect(JSON.parse(r.stdout)).toMatchObject({ exported: 30 });
    const text = readFileSync(out, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split('\n')[0]?.startsWith('id,name,credit_code,sector,lon,lat,')).toBe(true);
  });

  it('round-trips: exported CSV and GeoJSON import back to the same enterprises', async () => {
    await writeDemoDb(db, 40, 5);
    for (const format of ['csv', 'geojson']) {
      const out = join(dir, `rt.${format}`);
      await greenlineInProcess(['--db', db, 'export', 'enterprises', '--format', format, '--out', out]);
      const fresh = join(dir, `fresh-${format}.duckdb`);
      await writeDemoDb(fresh, 0, 42);
      const r = await greenlineInProcess(['--db', fresh, '--json', 'import', 'enterprises', out]);
      expect(JSON.parse(r.stdout), format).toMatchObject({ imported: 40 });
      const cols =
        'id, name, credit_code, sector, region_code, lon, lat, location_accuracy, status, commissioned_year, above_scale, in_park, capacity, capacity_unit, scattered_dirty, green_factory, attributes::VARCHAR AS attributes';
      const a = await Database.open(db);
      const original = await a.all(`SELECT ${cols} FROM enterprises ORDER BY id`);
      a.close();
      const b = await Database.open(fresh);
      const back = await b.all(`SELECT ${cols} FROM enterprises ORDER BY id`);
      b.close();
      expect(back, format).toEqual(original);
    }
  });
});
