/**
 * The jurisdiction check through the real CLI into real database files: China's outline when no
 * regions are loaded, the loaded regions when there are, each with its tolerance, and a refused
 * point named with the region nearest to it.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../server/db/database.ts';
import { greenlineInProcess } from '../helpers/cli.ts';
import { writeText } from '../helpers/import-fixtures.ts';
import { type TempDb, tempDemoDb } from '../helpers/temp-db.ts';

const SANSHA = fileURLToPath(new URL('../../data/boundaries/south-china-sea-islands.geojson', import.meta.url));

interface Report {
  imported: number;
  errors: { row: number; field: string; value: string; message: string }[];
}

const run = async (db: string, ...args: string[]) => {
  const r = await greenlineInProcess(['--db', db, '--json', ...args]);
  return { ...r, report: r.stdout ? (JSON.parse(r.stdout) as Report) : undefined };
};

async function query<T>(path: string, sql: string): Promise<T[]> {
  const db = await Database.open(path);
  try {
    return await db.all<T>(sql);
  } finally {
    db.close();
  }
}

let demo: TempDb;
beforeAll(async () => {
  demo = await tempDemoDb(20, 4);
});
afterAll(() => demo.cleanup());

describe('a database with no regions: China’s outline', () => {
  it('imports an enterprise on Yongxing Island, south of the 18.1°N that used to bound China, and refuses Tokyo and Hanoi by name', async () => {
    const empty = join(demo.dir, 'empty.duckdb');
    const islands = writeText(
      demo.dir,
      'islands.csv',
      'id,name,sector,lon,lat\nYX1,永兴岛供电,D4411,112.34,16.83\nFC1,防城港钢铁,C3120,108.52,21.55\n',
    );
    const r = await run(empty, 'import', 'enterprises', islands, '--no-screen');
    expect(r.report).toMatchObject({ imported: 2, errors: [] });
    expect(await query(empty, "SELECT id, lon, lat, region_code FROM enterprises WHERE id = 'YX1'")).toEqual([
      { id: 'YX1', lon: 112.34, lat: 16.83, region_code: null },
    ]);

    const abroad = writeText(demo.dir, 'abroad.csv', 'id,name,sector,lon,lat\nTK1,东京,C3120,139.7,35.7\nHN1,河内,C3120,105.8,21.0\n');
    const refused = await run(empty, 'import', 'enterprises', abroad, '--no-screen');
    expect(refused.code).toBe(1);
    expect(refused.report?.errors).toEqual([
      {
        row: 2,
        field: 'lon/lat',
        value: '139.7, 35.7',
        message: 'point 139.70000, 35.70000 lies outside the jurisdiction: 1,081 km from 吉林 (220000); check the coordinates and the CRS',
        reason: expect.anything(),
      },
      expect.objectContaining({ row: 3, value: '105.8, 21', message: expect.stringContaining('141 km from 广西 (450000)') }),
    ]);
  });
});

describe('a database with regions: the loaded regions', () => {
  it('refuses Yongxing Island until Sansha’s boundary is loaded, then imports it into Sansha', async () => {
    const csv = writeText(demo.dir, 'yongxing.csv', 'id,name,sector,lon,lat\nYX2,永兴岛供电,D4411,112.34,16.83\n');
    const before = await run(demo.path, 'import', 'enterprises', csv, '--no-screen');
    expect(before.report?.errors).toEqual([
      expect.objectContaining({
        row: 2,
        field: 'lon/lat',
        message: expect.stringContaining(
          'outside the jurisdiction: 2,145 km from 邯郸市 Handan (130400); it is in 三沙市 Sansha (460300), whose boundary is not loaded',
        ),
      }),
    ]);

    expect((await run(demo.path, 'import', 'zones', SANSHA, '--kind', 'region', '--no-screen')).report).toMatchObject({ imported: 1 });
    expect((await run(demo.path, 'import', 'enterprises', csv, '--no-screen')).report).toMatchObject({ imported: 1, errors: [] });
    expect(await query(demo.path, "SELECT region_code FROM enterprises WHERE id = 'YX2'")).toEqual([{ region_code: '460300' }]);
  });

  it('takes a plant 0.6 km off Tangshan’s coast, and refuses one 13 km out and one in Beijing', async () => {
    const csv = writeText(
      demo.dir,
      'coast.csv',
      'id,name,sector,lon,lat\nCF1,曹妃甸港区,C3120,118.52,38.9\nCF2,渤海湾里,C3120,118.6,38.8\nBJ1,北京钢铁,C3120,116.4,39.9\n',
    );
    const r = await run(demo.path, 'import', 'enterprises', csv, '--skip-invalid', '--no-screen');
    expect(r.report?.imported).toBe(1);
    expect(r.report?.errors).toEqual([
      expect.objectContaining({ row: 3, message: expect.stringContaining('13.3 km from 唐山市 Tangshan (130200); check the coordinates') }),
      expect.objectContaining({
        row: 4,
        message: expect.stringContaining('31.4 km from 廊坊市 Langfang (131000); it is in 北京 (110000)'),
      }),
    ]);
  });
});
