import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeParquet } from '../../../test/helpers/import-fixtures.ts';
import { readParquet } from './parquet.ts';
import type { RawRecord, Source } from './record.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'greenline-parquet-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function all(source: Source): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for await (const batch of source.batches) out.push(...batch);
  return out;
}

describe('readParquet', () => {
  it('reads plain Parquet with lon/lat columns and typed values', async () => {
    const path = await writeParquet(
      dir,
      'plain.parquet',
      "SELECT 'P1' AS id, '包头钢铁' AS name, 'C3120' AS sector, 109.85 AS lon, 40.62::DOUBLE AS lat, 1998::BIGINT AS commissioned_year, true AS above_scale, DATE '2020-01-02' AS checked",
    );
    const source = await readParquet(path, 'plain.parquet');
    expect(source.info).toMatchObject({
      format: 'parquet',
      headers: ['id', 'name', 'sector', 'lon', 'lat', 'commissioned_year', 'above_scale', 'checked'],
    });
    expect(source.info.crs).toBeUndefined();
    expect(await all(source)).toEqual([
      {
        row: 1,
        values: {
          id: 'P1',
          name: '包头钢铁',
          sector: 'C3120',
          lon: 109.85,
          lat: 40.62,
          commissioned_year: 1998,
          above_scale: true,
          checked: '2020-01-02',
        },
      },
    ]);
  });

  it('reads GeoParquet WKB geometry and the CRS in its metadata', async () => {
    const geo = {
      version: '1.1.0',
      primary_column: 'geometry',
      columns: {
        geometry: {
          encoding: 'WKB',
          geometry_types: ['Point'],
          crs: { id: { authority: 'EPSG', code: 4525 }, name: 'CGCS2000 / 3-degree Gauss-Kruger zone 37' },
        },
      },
    };
    const path = await writeParquet(
      dir,
      'gk.parquet',
      "SELECT 'G1' AS id, ST_AsWKB('POINT (37542383.967119 4485168.85849685)'::GEOMETRY) AS geometry",
      geo,
    );
    const source = await readParquet(path, 'gk.parquet');
    expect(source.info.format).toBe('geoparquet');
    expect(JSON.parse(source.info.crs ?? '{}')).toMatchObject({ id: { authority: 'EPSG', code: 4525 } });
    expect((await all(source))[0]).toEqual({
      row: 1,
      values: { id: 'G1' },
      geometry: { type: 'Point', coordinates: [37542383.967119, 4485168.85849685] },
    });
  });

  it('reads a WKB column named geom in Parquet without GeoParquet metadata', async () => {
    const path = await writeParquet(
      dir,
      'wkb.parquet',
      "SELECT 'Z1' AS id, ST_AsWKB('POLYGON ((110 41, 110.1 41, 110.1 41.1, 110 41))'::GEOMETRY) AS geom",
    );
    const rows = await all(await readParquet(path, 'wkb.parquet'));
    expect(rows[0]?.geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [110, 41],
          [110.1, 41],
          [110.1, 41.1],
          [110, 41],
        ],
      ],
    });
  });

  it('refuses a file that is not Parquet', async () => {
    const bad = join(dir, 'bad.parquet');
    writeFileSync(bad, 'not parquet at all');
    await expect(readParquet(bad, 'bad.parquet')).rejects.toThrow(/^bad\.parquet: not a readable Parquet file/);
  });
});
