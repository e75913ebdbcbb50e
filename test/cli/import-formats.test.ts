/**
 * Every format and CRS through the real CLI into a real database file: the coordinates that land
 * are checked against positions computed independently (PROJ for Gauss–Krüger, the published
 * GCJ-02 / BD-09 formulas).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../server/db/database.ts';
import { greenline, greenlineInProcess } from '../helpers/cli.ts';
import {
  KML,
  square,
  unzonedReservesGeoJson,
  writeKmz,
  writeParquet,
  writeShapefileZip,
  writeText,
  writeXlsx,
} from '../helpers/import-fixtures.ts';
import { type TempDb, tempDemoDb } from '../helpers/temp-db.ts';

let temp: TempDb;

beforeAll(async () => {
  temp = await tempDemoDb(20, 4);
});
afterAll(() => temp.cleanup());

const run = async (...args: string[]) => {
  const r = await greenlineInProcess(['--db', temp.path, '--json', ...args]);
  return {
    ...r,
    report: r.stdout
      ? (JSON.parse(r.stdout) as {
          imported: number;
          updated: number;
          skipped: number;
          errors: Record<string, unknown>[];
          warnings: Record<string, unknown>[];
        })
      : undefined,
  };
};

async function query<T>(sql: string, params?: Record<string, string>): Promise<T[]> {
  const db = await Database.open(temp.path);
  try {
    return await db.all<T>(sql, params);
  } finally {
    db.close();
  }
}

const near = (a: number, b: number, degrees: number) => Math.abs(a - b) < degrees;
/** 2 m in degrees of latitude (and, at 40°N, of longitude within a factor of 1.3). */
const TWO_METRES = 2 / 111_000;

describe('enterprises from every tabular format', () => {
  it('GBK CSV from Excel on Chinese Windows, detected without being told, recorded in the log', async () => {
    const csv = writeText(temp.dir, '台账.csv', '企业编号,企业名称,行业代码,经度,纬度\r\nG1,包头钢联,C3120,109.85,40.62\r\n', 'gbk');
    const r = await run('import', 'enterprises', csv);
    expect(r.report).toMatchObject({ imported: 1, errors: [] });
    expect(await query('SELECT name FROM enterprises WHERE id = $id', { id: 'G1' })).toEqual([{ name: '包头钢联' }]);
    expect(await query("SELECT format, encoding, crs FROM imports WHERE file_name = '台账.csv'")).toEqual([
      { format: 'csv', encoding: 'gb18030', crs: 'EPSG:4326' },
    ]);
  });

  it('XLSX, the sheet named with --sheet', async () => {
    const xlsx = await writeXlsx(temp.dir, 'book.xlsx', {
      封面: [['企业台账']],
      企业: [
        ['企业编号', '企业名称', '行业代码', '经度', '纬度'],
        ['X1', '乌海焦化', 'C2521', 106.83, 39.67],
      ],
    });
    expect((await run('import', 'enterprises', xlsx)).report?.errors[0]).toMatchObject({
      message: expect.stringContaining('no name and lon/lat column'),
    });
    expect((await run('import', 'enterprises', xlsx, '--sheet', '企业')).report).toMatchObject({ imported: 1 });
  });

  it('Parquet with lon/lat columns', async () => {
    const parquet = await writeParquet(
      temp.dir,
      'e.parquet',
      "SELECT 'Q1' AS id, '赤峰铝业' AS name, 'C3216' AS sector, 118.96 AS lon, 42.27 AS lat",
    );
    expect((await run('import', 'enterprises', parquet)).report).toMatchObject({ imported: 1 });
    expect(await query("SELECT sector, region_code FROM enterprises WHERE id = 'Q1'")).toEqual([
      { sector: 'C3216', region_code: '150400' },
    ]);
  });
});

describe('enterprises in other CRSs', () => {
  it('GCJ-02 from AMap, back to WGS84 within 2 m', async () => {
    // 111.5, 40.5 in WGS84 is this in GCJ-02 (published forward formula).
    const csv = writeText(temp.dir, 'amap.csv', 'id,name,sector,lon,lat\nA1,高德定位,C3110,111.5068094,40.5012149\n');
    expect((await run('import', 'enterprises', csv, '--crs', 'gcj02')).report).toMatchObject({ imported: 1 });
    const [p] = await query<{ lon: number; lat: number }>("SELECT lon, lat FROM enterprises WHERE id = 'A1'");
    expect(near(p?.lon ?? 0, 111.5, TWO_METRES) && near(p?.lat ?? 0, 40.5, TWO_METRES)).toBe(true);
  });

  it('BD-09 from Baidu, back to WGS84 within 2 m', async () => {
    const csv = writeText(temp.dir, 'baidu.csv', 'id,name,sector,lon,lat\nB1,百度定位,C3110,111.5132880,40.5072701\n');
    expect((await run('import', 'enterprises', csv, '--crs', 'bd09')).report).toMatchObject({ imported: 1 });
    const [p] = await query<{ lon: number; lat: number }>("SELECT lon, lat FROM enterprises WHERE id = 'B1'");
    expect(near(p?.lon ?? 0, 111.5, TWO_METRES) && near(p?.lat ?? 0, 40.5, TWO_METRES)).toBe(true);
  });

  it('Gauss–Krüger x/y with --crs; without it, a hint naming the zone', async () => {
    const csv = writeText(temp.dir, 'gk.csv', 'id,name,sector,x,y\nK1,高斯企业,C3110,37542383.967119,4485168.85849685\n');
    const bare = await run('import', 'enterprises', csv);
    expect(bare.code).toBe(1);
    expect(bare.report?.errors[0]?.message).toContain('try --crs EPSG:4525');
    expect((await run('import', 'enterprises', csv, '--crs', 'EPSG:4525')).report).toMatchObject({ imported: 1 });
    const [p] = await query<{ lon: number; lat: number }>("SELECT lon, lat FROM enterprises WHERE id = 'K1'");
    expect(near(p?.lon ?? 0, 111.5, 1e-8) && near(p?.lat ?? 0, 40.5, 1e-8)).toBe(true);
  });

  it('a GBK shapefile without .cpg, its .prj an ESRI CGCS2000 Gauss–Krüger zone', async () => {
    const prj =
      'PROJCS["CGCS2000_3_Degree_GK_CM_111E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",111.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    const zip = writeShapefileZip(
      temp.dir,
      'plants.zip',
      [
        {
          properties: { 编号: 'S1', 名称: '呼和浩特化工厂', 行业代码: 'C2614' },
          geometry: { type: 'Point', coordinates: [556523.840618979, 4520799.94011542] },
        },
      ],
      { encoding: 'gbk', cpg: null, prj },
    );
    expect((await run('import', 'enterprises', zip)).report).toMatchObject({ imported: 1 });
    const [p] = await query<{ name: string; lon: number; lat: number }>("SELECT name, lon, lat FROM enterprises WHERE id = 'S1'");
    expect(p?.name).toBe('呼和浩特化工厂');
    expect(near(p?.lon ?? 0, 111.67, 1e-8) && near(p?.lat ?? 0, 40.82, 1e-8)).toBe(true);
    expect(await query("SELECT format, encoding, crs FROM imports WHERE file_name = 'plants.zip'")).toEqual([
      { format: 'shapefile', encoding: 'gb18030', crs: 'EPSG:4546' },
    ]);
  });
});

describe('zones in other CRSs and formats', () => {
  it('a shapefile of reserves in a prefixed Gauss–Krüger zone is reprojected to WGS84', async () => {
    const prj =
      'PROJCS["CGCS2000_3_Degree_GK_Zone_37",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",37500000.0],PARAMETER["Central_Meridian",111.0],PARAMETER["Scale_Factor",1.0]]';
    const x = 37542383.967119;
    const y = 4485168.85849685;
    const ring = [
      [x, y],
      [x, y + 2000],
      [x + 2000, y + 2000],
      [x + 2000, y],
      [x, y],
    ];
    const zip = writeShapefileZip(
      temp.dir,
      'reserve.zip',
      [{ properties: { id: 'GK-R', name: '高斯保护区', zone_type: '缓冲区' }, geometry: { type: 'Polygon', coordinates: [ring] } }],
      {
        encoding: 'gbk',
        cpg: 'GBK',
        prj,
      },
    );
    expect((await run('import', 'zones', zip, '--kind', 'nature_reserve')).report).toMatchObject({ imported: 1, errors: [] });
    const [z] = await query<{ zone_type: string; wkt: string }>(
      "SELECT zone_type, ST_AsText(geometry) AS wkt FROM zones WHERE id = 'GK-R'",
    );
    expect(z?.zone_type).toBe('buffer');
    // The corner at the test point lands on 111.5°E, 40.5°N, as PROJ puts it.
    const corners = [...(z?.wkt ?? '').matchAll(/([\d.]+) ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(corners.some(([lon = 0, lat = 0]) => near(lon, 111.5, 1e-8) && near(lat, 40.5, 1e-8))).toBe(true);
  });

  it('a reserve layer without functional zoning imports as whole reserves, unzoned, with one warning for the file', async () => {
    const file = writeText(temp.dir, 'reserves-unzoned.geojson', unzonedReservesGeoJson());
    const { code, report } = await run('import', 'zones', file, '--kind', 'nature_reserve');
    expect(code).toBe(0);
    expect(report).toMatchObject({ imported: 2, skipped: 0, errors: [] });
    expect(report?.warnings).toEqual([
      {
        row: null,
        field: 'zone_type',
        value: null,
        message: expect.stringMatching(
          /^2 nature reserve feature\(s\) have no functional zoning .*imported as whole reserves, zone type unzoned; screened by rule P1-reserve-unzoned/,
        ),
        reason: expect.anything(),
      },
    ]);
    expect(await query("SELECT id, name, zone_type, level FROM zones WHERE id LIKE 'UZ-%' ORDER BY id")).toEqual([
      { id: 'UZ-1', name: '测试湿地自然保护区', zone_type: 'unzoned', level: '省级' },
      { id: 'UZ-2', name: '测试森林自然保护区', zone_type: 'unzoned', level: '国家级' },
    ]);
  });

  it('a reserve zone type it cannot read is refused naming file, row, field and value', async () => {
    const file = writeText(
      temp.dir,
      'reserves-odd.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: { id: 'ODD-1', name: '保护区', 功能分区: '外围保护带' }, geometry: square(120, 50.5) }],
      }),
    );
    const r = await greenlineInProcess(['--db', temp.path, 'import', 'zones', file, '--kind', 'nature_reserve']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('reserves-odd.geojson row 1, field 功能分区: value "外围保护带" not a reserve zone type');
    expect(await query("SELECT id FROM zones WHERE id = 'ODD-1'")).toEqual([]);
  });

  it('GeoJSON in Web Mercator named by its crs member', async () => {
    const file = writeText(
      temp.dir,
      'mercator.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } },
        features: [
          {
            type: 'Feature',
            properties: { id: 'M-1', name: '墨卡托园区' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [12227332.87, 4962320.35],
                  [12228332.87, 4962320.35],
                  [12228332.87, 4963320.35],
                  [12227332.87, 4962320.35],
                ],
              ],
            },
          },
        ],
      }),
    );
    expect((await run('import', 'zones', file, '--kind', 'industrial_park')).report).toMatchObject({ imported: 1 });
    const [z] = await query<{ min_lon: number; min_lat: number }>("SELECT min_lon, min_lat FROM zones WHERE id = 'M-1'");
    expect(near(z?.min_lon ?? 0, 109.84, 1e-7) && near(z?.min_lat ?? 0, 40.66, 1e-7)).toBe(true);
  });

  it('KML, KMZ and GeoParquet zones', async () => {
    expect((await run('import', 'zones', writeText(temp.dir, 'r.kml', KML), '--kind', 'nature_reserve')).report).toMatchObject({
      imported: 1,
    });
    expect(
      (await run('import', 'zones', writeKmz(temp.dir, 'r.kmz', KML.replace('K-1', 'K-2')), '--kind', 'nature_reserve')).report,
    ).toMatchObject({ imported: 1 });
    const parquet = await writeParquet(
      temp.dir,
      'parks.parquet',
      "SELECT 'PQ-1' AS id, '列式园区' AS name, ST_AsWKB('POLYGON ((110 41, 110.1 41, 110.1 41.1, 110 41))'::GEOMETRY) AS geometry",
      {
        version: '1.1.0',
        primary_column: 'geometry',
        columns: { geometry: { encoding: 'WKB', geometry_types: ['Polygon'] } },
      },
    );
    expect((await run('import', 'zones', parquet, '--kind', 'industrial_park')).report).toMatchObject({ imported: 1 });
    expect(await query("SELECT id, zone_type FROM zones WHERE id IN ('K-1', 'K-2', 'PQ-1') ORDER BY id")).toEqual([
      { id: 'K-1', zone_type: 'core' },
      { id: 'K-2', zone_type: 'core' },
      { id: 'PQ-1', zone_type: null },
    ]);
  });

  it('repairs a self-intersecting zone with a warning saying where, and refuses one far away', async () => {
    const file = writeText(
      temp.dir,
      'tie.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { id: 'TIE', name: '蝴蝶' },
            geometry: square(110, 41) && {
              type: 'Polygon',
              coordinates: [
                [
                  [110, 41],
                  [110.2, 41.2],
                  [110.2, 41],
                  [110, 41.2],
                  [110, 41],
                ],
              ],
            },
          },
          { type: 'Feature', properties: { id: 'FAR', name: '远方' }, geometry: square(10, 50) },
        ],
      }),
    );
    const r = await run('import', 'zones', file, '--kind', 'industrial_park', '--skip-invalid');
    expect(r.report).toMatchObject({ imported: 1, skipped: 1 });
    expect(r.report?.warnings).toEqual([
      expect.objectContaining({
        row: 1,
        field: 'geometry',
        message: expect.stringContaining('crosses ring 1 edge 3 at 110.1, 41.1; repaired into 2 polygons'),
      }),
    ]);
    expect(r.report?.errors).toEqual([
      expect.objectContaining({ row: 2, message: expect.stringContaining('far outside the jurisdiction') }),
    ]);
  });

  it('zones from a CSV with a WKT column', async () => {
    const csv = writeText(temp.dir, 'wkt.csv', 'id,name,wkt\nW-1,表格园区,"POLYGON ((110 41, 110.1 41, 110.1 41.1, 110 41))"\n');
    expect((await run('import', 'zones', csv, '--kind', 'industrial_park')).report).toMatchObject({ imported: 1 });
  });
});

describe('greenline import indicators', () => {
  it('appends a new year, replaces a year sent again, and refuses an enterprise that does not exist', async () => {
    const [e] = await query<{ id: string; credit_code: string }>(
      'SELECT id, credit_code FROM enterprises WHERE credit_code IS NOT NULL ORDER BY id LIMIT 1',
    );
    const years = async () =>
      (await query<{ year: number }>('SELECT year FROM indicators WHERE enterprise_id = $id ORDER BY year', { id: e?.id ?? '' })).map(
        (r) => r.year,
      );
    const before = await years();
    const first = writeText(
      temp.dir,
      'ind-2030.csv',
      `企业编号,年份,综合能耗（吨标准煤）,工业增加值（万元）\n${e?.id},2030,100,200\n`,
      'gbk',
    );
    expect((await run('import', 'indicators', first)).report).toMatchObject({ imported: 1, updated: 0 });
    expect(await years()).toEqual([...before, 2030]);
    // The same year again, by credit code: replaced, not duplicated.
    const again = writeText(temp.dir, 'ind-2030b.csv', `统一社会信用代码,年份,综合能耗\n${e?.credit_code},2030,150\n`);
    expect((await run('import', 'indicators', again)).report).toMatchObject({ imported: 1, updated: 1 });
    expect(
      await query('SELECT energy_tce, added_value FROM indicators WHERE enterprise_id = $id AND year = 2030', { id: e?.id ?? '' }),
    ).toEqual([{ energy_tce: 150, added_value: null }]);
    const bad = writeText(temp.dir, 'ind-bad.csv', 'enterprise_id,year,energy_tce\nNOPE,2030,1\nE0000001,1800,1\nE0000001,2031,-5\n');
    const r = await run('import', 'indicators', bad);
    expect(r.code).toBe(1);
    expect(r.report?.errors.map((p) => [p.row, p.field])).toEqual([
      [2, 'enterprise_id'],
      [3, 'year'],
      [4, 'energy_tce'],
    ]);
  });
});

describe('import limits', () => {
  it('refuses more rows than GREENLINE_MAX_IMPORT_ROWS, and a file over GREENLINE_MAX_IMPORT_MB, changing nothing', async () => {
    const csv = writeText(
      temp.dir,
      'five.csv',
      `id,name,sector,lon,lat\n${[1, 2, 3, 4, 5].map((i) => `L${i},限${i},C3110,110,40.6`).join('\n')}\n`,
    );
    const rows = await greenline(['--db', temp.path, '--json', 'import', 'enterprises', csv], { env: { GREENLINE_MAX_IMPORT_ROWS: '3' } });
    expect(rows.code).toBe(1);
    expect((JSON.parse(rows.stdout) as { errors: { row: number; message: string }[] }).errors).toEqual([
      expect.objectContaining({ row: 5, message: 'the file has more than 3 rows, the import limit (GREENLINE_MAX_IMPORT_ROWS); split it' }),
    ]);
    const size = await greenline(['--db', temp.path, 'import', 'enterprises', csv], { env: { GREENLINE_MAX_IMPORT_MB: '0.0001' } });
    expect(size.code).toBe(1);
    expect(size.stderr).toMatch(/five\.csv: the file is .* MiB, more than the import limit of 0 MiB \(GREENLINE_MAX_IMPORT_MB\)/);
    expect(await query("SELECT id FROM enterprises WHERE id LIKE 'L%'")).toEqual([]);
  });
});

describe('mis-encoded files', () => {
  it('warns, per row and field, about text that is not in the encoding declared', async () => {
    const bytes = iconv.encode('id,name,sector,lon,lat,备注\nM1,乱码厂,C3110,110,40.6,备注文字\n', 'gbk');
    const csv = writeText(temp.dir, 'mis.csv', bytes.toString('latin1'), 'latin1');
    const r = await run('import', 'enterprises', csv, '--encoding', 'utf-8');
    expect(r.report?.warnings.some((w) => w.row === 2 && String(w.message).includes('not valid utf-8'))).toBe(true);
  });

  it('refuses, naming row and field, UTF-8 with a few invalid bytes when the encoding was detected', async () => {
    const path = join(temp.dir, 'stray.csv');
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from('id,name,sector,lon,lat\nSTRAY1,包头测试一,C3110,110,40.6\nSTRAY2,坏'),
        Buffer.from([0xff]),
        Buffer.from('字,C3110,110,40.6\n'),
      ]),
    );
    const r = await run('import', 'enterprises', path);
    expect(r.code).toBe(1);
    expect(r.report?.errors).toEqual([expect.objectContaining({ row: 3, field: 'name', value: '坏\ufffd字' })]);
    expect(await query("SELECT id FROM enterprises WHERE id LIKE 'STRAY%'")).toEqual([]);
  });
});
