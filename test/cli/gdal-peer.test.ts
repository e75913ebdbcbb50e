/**
 * GDAL as an outside peer. Files that ogr2ogr writes — in WGS84, a CGCS2000 Gauss–Krüger zone and
 * Web Mercator, with GBK attribute tables with and without a .cpg — import to the coordinates
 * GDAL/PROJ put them at; and Greenline's own exports open in ogrinfo with the right CRS and text.
 * Needs gdal-bin (.ci/run installs it); without it these tests say so and are skipped.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../server/db/database.ts';
import { greenlineInProcess } from '../helpers/cli.ts';
import { type TempDb, tempDemoDb, writeDemoDb } from '../helpers/temp-db.ts';

const hasGdal = spawnSync('ogr2ogr', ['--version']).status === 0;
const hasParquetDriver = hasGdal && /Parquet/.test(spawnSync('ogrinfo', ['--formats']).stdout?.toString() ?? '');
if (!hasGdal) console.warn('GDAL peer tests skipped: ogr2ogr/ogrinfo not found (apt-get install gdal-bin; .ci/run installs it)');
else if (!hasParquetDriver)
  console.warn('GDAL has no Parquet driver here: GeoParquet exports are checked by DuckDB in the round-trip tests only');

let temp: TempDb;
let source: { id: string; name: string; sector: string; lon: number; lat: number }[];
let sourceFile: string;
let zonesFile: string;

const ogr2ogr = (...args: string[]) => execFileSync('ogr2ogr', args, { stdio: 'pipe' });
const ogrinfo = (...args: string[]) => execFileSync('ogrinfo', args, { stdio: 'pipe' }).toString();

/** Zips a shapefile GDAL wrote (every sidecar with its stem), optionally without its .cpg. */
function zipShapefile(dir: string, stem: string, dropCpg = false): string {
  const files: Record<string, Uint8Array> = {};
  for (const f of readdirSync(dir)) if (f.startsWith(`${stem}.`) && !(dropCpg && f.endsWith('.cpg'))) files[f] = readFileSync(join(dir, f));
  const path = join(temp.dir, `${stem}${dropCpg ? '-nocpg' : ''}.zip`);
  writeFileSync(path, zipSync(files));
  return path;
}

/** Imports into a fresh database holding only the region boundaries, so that nothing seen was there before. */
async function importInto(name: string, args: string[]) {
  const db = join(temp.dir, `${name}.duckdb`);
  await writeDemoDb(db, 0, 42);
  const fresh = await Database.open(db);
  await fresh.run('DELETE FROM zones');
  fresh.close();
  const r = await greenlineInProcess(['--db', db, '--json', 'import', ...args]);
  if (r.code !== 0) throw new Error(`import ${name} failed: ${r.stdout}${r.stderr}`);
  return db;
}

async function rows<T>(path: string, sql: string): Promise<T[]> {
  const db = await Database.open(path);
  try {
    return await db.all<T>(sql);
  } finally {
    db.close();
  }
}

/** Every imported enterprise sits where the source had it (within `degrees`) with the same name. */
async function expectSameEnterprises(db: string, degrees: number) {
  const back = await rows<{ id: string; name: string; lon: number; lat: number }>(
    db,
    'SELECT id, name, lon, lat FROM enterprises ORDER BY id',
  );
  expect(back.length).toBe(source.length);
  for (const [i, s] of source.entries()) {
    const b = back[i];
    expect(b?.id).toBe(s.id);
    expect(b?.name).toBe(s.name);
    expect(Math.abs((b?.lon ?? 0) - s.lon)).toBeLessThan(degrees);
    expect(Math.abs((b?.lat ?? 0) - s.lat)).toBeLessThan(degrees);
  }
}

beforeAll(async () => {
  if (!hasGdal) return;
  temp = await tempDemoDb(40, 17);
  source = await rows(temp.path, 'SELECT id, name, sector, lon, lat FROM enterprises ORDER BY id');
  sourceFile = join(temp.dir, 'source.geojson');
  writeFileSync(
    sourceFile,
    JSON.stringify({
      type: 'FeatureCollection',
      features: source.map((e) => ({
        type: 'Feature',
        properties: { id: e.id, name: e.name, sector: e.sector },
        geometry: { type: 'Point', coordinates: [e.lon, e.lat] },
      })),
    }),
  );
  zonesFile = join(temp.dir, 'reserves.geojson');
  const zones = await rows<{ id: string; name: string; zone_type: string; wkt: string }>(
    temp.path,
    "SELECT id, name, zone_type, ST_AsText(geometry) AS wkt FROM zones WHERE kind = 'nature_reserve' ORDER BY id",
  );
  const { wktToGeoJSON } = await import('betterknown');
  writeFileSync(
    zonesFile,
    JSON.stringify({
      type: 'FeatureCollection',
      features: zones.map((z) => ({
        type: 'Feature',
        properties: { id: z.id, name: z.name, zone_type: z.zone_type },
        geometry: wktToGeoJSON(z.wkt),
      })),
    }),
  );
});
afterAll(() => temp?.cleanup());

describe.runIf(hasGdal)('files written by GDAL import to the right place (needs gdal-bin)', () => {
  it('a WGS84 shapefile with a UTF-8 .cpg', async () => {
    const dir = join(temp.dir, 'wgs');
    mkdirSync(dir);
    ogr2ogr('-f', 'ESRI Shapefile', '-lco', 'ENCODING=UTF-8', join(dir, 'plants.shp'), sourceFile);
    await expectSameEnterprises(await importInto('wgs', ['enterprises', zipShapefile(dir, 'plants')]), 1e-9);
  });

  it('a CGCS2000 Gauss–Krüger (EPSG:4547) shapefile with a GBK table, with and without its .cpg', async () => {
    const dir = join(temp.dir, 'gk');
    mkdirSync(dir);
    ogr2ogr('-f', 'ESRI Shapefile', '-t_srs', 'EPSG:4547', '-lco', 'ENCODING=GBK', join(dir, 'gk.shp'), sourceFile);
    expect(readFileSync(join(dir, 'gk.cpg'), 'latin1').trim()).toBe('GBK');
    await expectSameEnterprises(await importInto('gk-cpg', ['enterprises', zipShapefile(dir, 'gk')]), 1e-8);
    const noCpg = await importInto('gk-nocpg', ['enterprises', zipShapefile(dir, 'gk', true)]);
    await expectSameEnterprises(noCpg, 1e-8);
    expect(await rows(noCpg, 'SELECT encoding, crs FROM imports')).toEqual([{ encoding: 'gb18030', crs: 'EPSG:4547' }]);
  });

  it('a Web Mercator (EPSG:3857) shapefile', async () => {
    const dir = join(temp.dir, 'merc');
    mkdirSync(dir);
    ogr2ogr('-f', 'ESRI Shapefile', '-t_srs', 'EPSG:3857', '-lco', 'ENCODING=UTF-8', join(dir, 'merc.shp'), sourceFile);
    await expectSameEnterprises(await importInto('merc', ['enterprises', zipShapefile(dir, 'merc')]), 1e-8);
  });

  it('GeoJSON with a crs member, and CSV x/y in a prefixed zone with --crs', async () => {
    const geojson = join(temp.dir, 'gk.geojson');
    ogr2ogr('-f', 'GeoJSON', '-t_srs', 'EPSG:4547', '-lco', 'RFC7946=NO', geojson, sourceFile);
    await expectSameEnterprises(await importInto('gk-geojson', ['enterprises', geojson]), 1e-8);
    const csv = join(temp.dir, 'gk37.csv');
    ogr2ogr('-f', 'CSV', '-t_srs', 'EPSG:4525', '-lco', 'GEOMETRY=AS_XY', csv, sourceFile);
    await expectSameEnterprises(await importInto('gk-csv', ['enterprises', csv, '--crs', 'EPSG:4525']), 1e-8);
  });

  it('XLSX with lon/lat columns', async () => {
    const xlsx = join(temp.dir, 'gdal.xlsx');
    ogr2ogr(
      '-f',
      'XLSX',
      '-sql',
      'SELECT id, name, sector, ST_X(geometry) AS lon, ST_Y(geometry) AS lat FROM source',
      '-dialect',
      'SQLite',
      xlsx,
      sourceFile,
    );
    await expectSameEnterprises(await importInto('xlsx', ['enterprises', xlsx]), 1e-9);
  });

  it('reserve polygons in a prefixed Gauss–Krüger zone with a GBK table, and as KML', async () => {
    const dir = join(temp.dir, 'zones');
    mkdirSync(dir);
    ogr2ogr('-f', 'ESRI Shapefile', '-t_srs', 'EPSG:4525', '-lco', 'ENCODING=GBK', join(dir, 'reserves.shp'), zonesFile);
    const db = await importInto('zones-gk', ['zones', zipShapefile(dir, 'reserves', true), '--kind', 'nature_reserve']);
    const original = await rows<{ id: string; name: string; min_lon: number; max_lat: number }>(
      temp.path,
      "SELECT id, name, zone_type, min_lon, max_lat FROM zones WHERE kind = 'nature_reserve' ORDER BY id",
    );
    const back = await rows<{ id: string; name: string; min_lon: number; max_lat: number }>(
      db,
      'SELECT id, name, zone_type, min_lon, max_lat FROM zones ORDER BY id',
    );
    expect(back.map((z) => [z.id, z.name])).toEqual(original.map((z) => [z.id, z.name]));
    back.forEach((z, i) => {
      expect(Math.abs(z.min_lon - (original[i]?.min_lon ?? 0))).toBeLessThan(1e-8);
      expect(Math.abs(z.max_lat - (original[i]?.max_lat ?? 0))).toBeLessThan(1e-8);
    });
    const kml = join(temp.dir, 'reserves.kml');
    ogr2ogr('-f', 'KML', kml, zonesFile);
    const fromKml = await importInto('zones-kml', ['zones', kml, '--kind', 'nature_reserve']);
    expect((await rows<{ n: number }>(fromKml, 'SELECT count(*) AS n FROM zones'))[0]?.n).toBe(original.length);
  });
});

describe.runIf(hasGdal)('Greenline exports open in GDAL with the right CRS and text (needs gdal-bin)', () => {
  it('zipped shapefiles: WGS 84, Chinese attribute text, the same coordinates', async () => {
    const out = join(temp.dir, 'export.zip');
    expect((await greenlineInProcess(['--db', temp.path, 'export', 'enterprises', '--format', 'shp', '--out', out])).code).toBe(0);
    const info = ogrinfo('-so', `/vsizip/${out}`, 'enterprises');
    expect(info).toContain('ID["EPSG",4326]');
    expect(info).toContain(`Feature Count: ${source.length}`);
    const first = ogrinfo('-q', `/vsizip/${out}`, 'enterprises', '-fid', '0');
    expect(first).toContain(`name (String) = ${source[0]?.name}`);
    const geojson = join(temp.dir, 'back.geojson');
    ogr2ogr('-f', 'GeoJSON', geojson, `/vsizip/${out}`);
    const features = (
      JSON.parse(readFileSync(geojson, 'utf8')) as { features: { properties: { id: string }; geometry: { coordinates: number[] } }[] }
    ).features;
    for (const [i, s] of source.entries()) {
      expect(features[i]?.properties.id).toBe(s.id);
      expect(features[i]?.geometry.coordinates).toEqual([s.lon, s.lat]);
    }
    const zones = join(temp.dir, 'zones.zip');
    await greenlineInProcess(['--db', temp.path, 'export', 'zones', '--kind', 'nature_reserve', '--format', 'shp', '--out', zones]);
    const zoneInfo = ogrinfo('-so', `/vsizip/${zones}`, 'nature_reserve');
    expect(zoneInfo).toContain('Geometry: Polygon');
    expect(zoneInfo).toContain('ID["EPSG",4326]');
    expect(ogrinfo('-q', `/vsizip/${zones}`, 'nature_reserve', '-fid', '0')).toMatch(/name \(String\) = \S*保护区/);
  });

  it('GeoJSON, CSV with its BOM, and XLSX read back with their Chinese text', async () => {
    for (const format of ['geojson', 'csv', 'xlsx']) {
      const out = join(temp.dir, `export.${format}`);
      await greenlineInProcess(['--db', temp.path, 'export', 'enterprises', '--format', format, '--out', out]);
      const text = ogrinfo('-q', '-al', out);
      expect(text, format).toContain(`name (String) = ${source[1]?.name}`);
      expect(text, format).toContain(`id (String) = ${source[1]?.id}`);
    }
  });

  it.runIf(hasParquetDriver)('GeoParquet (when this GDAL has the Parquet driver)', async () => {
    const out = join(temp.dir, 'export.parquet');
    await greenlineInProcess(['--db', temp.path, 'export', 'enterprises', '--format', 'geoparquet', '--out', out]);
    expect(ogrinfo('-so', out, 'export')).toContain(`Feature Count: ${source.length}`);
  });
});
