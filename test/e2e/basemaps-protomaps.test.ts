/**
 * A vector PMTiles archive in the Protomaps schema, in real Chromium: drawn with the Protomaps
 * light style (its earth and water colours), labels in the UI's language drawn from the browser's
 * own fonts, a thumbnail painted from the archive's own tile, and not one request beyond our
 * origin. An archive in another schema keeps the plain style.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { GeoJSONVT, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, FeatureCollection, MultiPolygon, Position } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { zxyToTileId } from 'pmtiles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PmtilesWriter, TILE_TYPE } from '../../server/tiles/pmtiles-writer.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { mapSettled } from '../helpers/map-settled.ts';
import { countPixels, decodePng, near, type RGB } from '../helpers/png-pixels.ts';
import { type RunningServer, startServer } from '../helpers/server.ts';
import { type TempDb, tempDemoDb } from '../helpers/temp-db.ts';

const SHOTS = 'test-results/screenshots';
const MAX_ZOOM = 6;
const CHINA: [number, number, number, number] = [73, 17, 136, 54];
/** The light flavor of @protomaps/basemaps 5.7. */
const EARTH: RGB = [0xe2, 0xdf, 0xda];
const WATER: RGB = [0x80, 0xde, 0xea];

let temp: TempDb;
let server: RunningServer;
let browser: Browser;
let page: Page;
const requests: string[] = [];

const readGeoJson = (name: string) => JSON.parse(readFileSync(`data/boundaries/${name}`, 'utf8')) as FeatureCollection<MultiPolygon>;

/** The Bohai, roughly: enough water for the style's water colour to show beside Hebei. */
const BOHAI: Position[] = [
  [117.7, 38.3],
  [118.5, 39.1],
  [119.3, 39.4],
  [120.5, 40.3],
  [121.5, 40.9],
  [122.2, 40.5],
  [121.2, 39.5],
  [121.6, 38.9],
  [120.8, 37.8],
  [119.2, 37.2],
  [118.0, 38.0],
  [117.7, 38.3],
];

const CITIES: [string, string, number, number][] = [
  ['北京', 'Beijing', 116.4, 39.9],
  ['天津', 'Tianjin', 117.2, 39.13],
  ['石家庄', 'Shijiazhuang', 114.51, 38.04],
  ['唐山', 'Tangshan', 118.18, 39.63],
  ['保定', 'Baoding', 115.46, 38.87],
];

/** The shipped boundaries as Protomaps source layers (docs.protomaps.com/basemaps/layers). */
function protomapsLayers(): Record<string, FeatureCollection> {
  const provinces = readGeoJson('china-provinces.geojson');
  const prefectures = readGeoJson('regions.geojson').features.filter((f) => f.properties?.level === 'prefecture');
  const collection = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
  return {
    earth: collection(provinces.features.map((f) => ({ ...f, properties: { kind: 'earth' } }))),
    water: collection([{ type: 'Feature', properties: { kind: 'water' }, geometry: { type: 'Polygon', coordinates: [BOHAI] } }]),
    boundaries: collection(
      prefectures.map((f) => ({
        type: 'Feature',
        properties: { kind: 'region', kind_detail: 4 },
        geometry: { type: 'MultiLineString', coordinates: f.geometry.coordinates.flat() },
      })),
    ),
    // Two expressways, as a province's OpenStreetMap extract carries thousands: the style's streets.
    roads: collection(
      [
        [
          [116.4, 39.9],
          [117.2, 39.13],
        ],
        [
          [116.4, 39.9],
          [115.46, 38.87],
          [114.51, 38.04],
        ],
      ].map((coordinates) => ({
        type: 'Feature',
        properties: { kind: 'highway', kind_detail: 'motorway', min_zoom: 3, sort_rank: 400 },
        geometry: { type: 'LineString', coordinates },
      })),
    ),
    places: collection(
      CITIES.map(([zh, en, lon, lat], i) => ({
        type: 'Feature',
        properties: {
          kind: 'locality',
          kind_detail: 'city',
          name: zh,
          'name:zh-Hans': zh,
          'name:en': en,
          script: 'Han',
          min_zoom: 3,
          population_rank: 12,
          sort_key: i,
        },
        geometry: { type: 'Point', coordinates: [lon, lat] },
      })),
    ),
  };
}

/** Every tile of China up to MAX_ZOOM, each layer cut by geojson-vt and encoded together by vt-pbf. */
function writeVectorArchive(path: string, layers: Record<string, FeatureCollection>): void {
  const names = Object.keys(layers);
  const indexes = names.map((n) => new GeoJSONVT(layers[n] as FeatureCollection, { maxZoom: MAX_ZOOM, extent: 4096, buffer: 64 }));
  const ids: [number, number, number, number][] = [];
  for (let z = 0; z <= MAX_ZOOM; z++) {
    const n = 2 ** z;
    const tx = (lon: number) => Math.floor(((lon + 180) / 360) * n);
    const ty = (lat: number) => {
      const s = Math.sin((lat * Math.PI) / 180);
      return Math.floor((0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n);
    };
    for (let x = tx(CHINA[0]); x <= tx(CHINA[2]); x++)
      for (let y = ty(CHINA[3]); y <= ty(CHINA[1]); y++) ids.push([zxyToTileId(z, x, y), z, x, y]);
  }
  ids.sort((a, b) => a[0] - b[0]);
  const writer = new PmtilesWriter(path);
  for (const [id, z, x, y] of ids) {
    const tile: Record<string, GeoJSONVTTile> = {};
    names.forEach((name, i) => {
      const t = indexes[i]?.getTile(z, x, y);
      if (t && t.features.length > 0) tile[name] = t;
    });
    if (Object.keys(tile).length > 0) writer.addTile(id, gzipSync(fromGeojsonVt(tile, { version: 2, extent: 4096 })));
  }
  writer.finish({
    tileType: TILE_TYPE.mvt,
    tileCompression: 'gzip',
    bounds: CHINA,
    center: [116.5, 39.4, 5],
    metadata: { name: 'test', vector_layers: names.map((id) => ({ id, fields: {} })) },
  });
}

const foreign = () => requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('data:') && !u.startsWith('blob:'));

beforeAll(async () => {
  temp = await tempDemoDb(300, 42);
  const layers = protomapsLayers();
  writeVectorArchive(join(temp.dir, 'protomaps.pmtiles'), layers);
  // The same land in a schema of our own: not Protomaps, so drawn plainly.
  writeVectorArchive(join(temp.dir, 'plain.pmtiles'), {
    land: layers.earth as FeatureCollection,
    lines: layers.boundaries as FeatureCollection,
  });
  server = await startServer(temp.path, {
    GREENLINE_BASEMAPS: JSON.stringify([
      { id: 'pm', name: '本地 Protomaps', name_en: 'Local Protomaps', type: 'pmtiles', file: join(temp.dir, 'protomaps.pmtiles') },
      { id: 'plain', name: '本地矢量', name_en: 'Local vector', type: 'pmtiles', file: join(temp.dir, 'plain.pmtiles') },
    ]),
  });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.on('request', (r) => requests.push(r.url()));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  temp?.cleanup();
});

const hasLayer = (id: string) => page.evaluate((id) => Boolean(window.__greenline?.controller.map.getLayer(id)), id);
const layerType = (id: string) => page.evaluate((id) => window.__greenline?.controller.map.getLayer(id)?.type ?? null, id);
const textField = (id: string) =>
  page.evaluate((id) => JSON.stringify(window.__greenline?.controller.map.getLayoutProperty(id, 'text-field') ?? null), id);
/** Rendered features of a symbol layer are the labels actually placed, which needs their glyphs. */
const placedNames = (id: string) =>
  page.evaluate(
    (id) => window.__greenline?.controller.map.queryRenderedFeatures({ layers: [id] }).map((f) => String(f.properties.name)) ?? [],
    id,
  );

describe('a Protomaps archive', () => {
  it('its thumbnail is painted from its own tile, in the flavor’s colours', async () => {
    await page.goto(`${server.url}/?lang=zh&tab=layers&v=116.5,39.4,5`);
    const thumb = page.getByTestId('basemap-option-pm').getByTestId('basemap-thumb');
    await thumb.waitFor({ timeout: 60_000 });
    const src = (await thumb.getAttribute('src')) ?? '';
    expect(src.startsWith('data:image/png;base64,')).toBe(true);
    const pixels = decodePng(Buffer.from(src.slice('data:image/png;base64,'.length), 'base64'));
    expect(countPixels(pixels, near(EARTH, 3))).toBeGreaterThan(500);
  });

  it('is drawn with the Protomaps style: earth and water in its colours, under our zones', async () => {
    await mapSettled(page);
    await page.getByTestId('basemap-pm').check();
    await expect.poll(() => hasLayer('basemap-earth'), { timeout: 30_000 }).toBe(true);
    await mapSettled(page);
    const shot = await page.getByTestId('map').screenshot({ path: join(SHOTS, 'basemap-protomaps.png') });
    const pixels = decodePng(shot);
    expect(countPixels(pixels, near(EARTH, 3))).toBeGreaterThan(20_000);
    expect(countPixels(pixels, near(WATER, 3))).toBeGreaterThan(1_000);
    expect(await hasLayer('nature_reserve-fill')).toBe(true);
    await expect.poll(() => page.url()).toContain('bm=pm');
    // Its roads are drawn by the style's road layers.
    const roads = await page.evaluate(
      () => window.__greenline?.controller.map.queryRenderedFeatures({ layers: ['basemap-roads_highway'] }).length ?? 0,
    );
    expect(roads).toBeGreaterThan(0);
  });

  it('places are labelled in Chinese in the Chinese UI, from the browser’s fonts', async () => {
    expect(await layerType('basemap-places_locality')).toBe('symbol');
    expect(await page.evaluate(() => window.__greenline?.controller.map.getStyle().glyphs ?? null)).toBeNull();
    expect(await textField('basemap-places_locality')).toContain('name:zh-Hans');
    await expect.poll(() => placedNames('basemap-places_locality'), { timeout: 20_000 }).toEqual(expect.arrayContaining(['北京', '天津']));
  });

  it('switching the UI to English relabels it in English', async () => {
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => textField('basemap-places_locality'), { timeout: 20_000 }).toContain('name:en');
    await mapSettled(page);
    await expect.poll(async () => (await placedNames('basemap-places_locality')).length, { timeout: 20_000 }).toBeGreaterThan(0);
    await page.getByTestId('map').screenshot({ path: join(SHOTS, 'basemap-protomaps-en.png') });
  });

  it('asked nothing of any other host: no glyphs, no sprite, no tiles', () => {
    expect(requests.some((u) => u.startsWith(`${server.url}/api/basemaps/pm.pmtiles`))).toBe(true);
    expect(foreign()).toEqual([]);
  });
});

describe('an archive in another schema', () => {
  it('keeps the plain style', async () => {
    await page.getByTestId('basemap-plain').check();
    await expect.poll(() => hasLayer('basemap-land-fill'), { timeout: 30_000 }).toBe(true);
    expect(await hasLayer('basemap-earth')).toBe(false);
    expect(foreign()).toEqual([]);
  });
});
