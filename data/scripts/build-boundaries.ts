/**
 * Builds data/boundaries/* from the map JSON that echarts 4.9.0 ships (Apache-2.0):
 * map/json/china.json for province outlines, map/json/province/{neimenggu,hebei}.json for
 * prefectures, the islands of Sansha (三沙市, 460300) from map/json/province/hainan.json, and the
 * South China Sea inset (南海诸岛) that echarts draws beside its map of China (lib/coord/geo/fix/nanhai.js),
 * which public maps at national extent must show. Those files use echarts' compact "UTF8Encoding" (zig-zag, delta-coded characters,
 * 1/1024 degree); echarts' own parseGeoJson decodes them in place, so we call it rather than
 * re-implementing the codec.
 *
 *   npm run build:boundaries
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pointOnFeature, rewind } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature as topojsonFeature } from 'topojson-client';
import { topology as topojsonTopology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { GeometryCollection, Objects, Topology } from 'topojson-specification';
import { DEMO_REGIONS, NATIONAL_CODE } from '../../server/domain/regions.ts';
import { PREFECTURE_EN, PROVINCE_EN, PROVINCE_ZH, prefectureEnglish } from './region-names.ts';

const require = createRequire(import.meta.url);
const parseGeoJson: (json: unknown) => unknown = require('echarts-4/lib/coord/geo/parseGeoJson');

interface EchartsFeature {
  id?: string;
  properties: { name: string };
  geometry: Polygon | MultiPolygon;
}

function decoded(path: string): EchartsFeature[] {
  const json = structuredClone(require(path)) as { features: EchartsFeature[] };
  parseGeoJson(json);
  return json.features;
}

/** echarts rings follow screen winding; RFC 7946 wants exterior rings counter-clockwise. */
function clean(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const stripped = { type: geometry.type, coordinates: geometry.coordinates } as Polygon | MultiPolygon;
  return rewind(stripped, { mutate: true }) as Polygon | MultiPolygon;
}

const info = new Map(DEMO_REGIONS.map((r) => [r.code, r]));
const features: Feature<Polygon | MultiPolygon>[] = [];

const china = decoded('echarts-4/map/json/china.json');
for (const code of ['150000', '130000']) {
  const region = info.get(code);
  const f = china.find((x) => x.id === code);
  if (!region || !f) throw new Error(`province ${code} missing from echarts china.json`);
  features.push({
    type: 'Feature',
    properties: { code, name: region.zh, name_en: region.en, level: 'province', parent: '000000' },
    geometry: clean(f.geometry),
  });
}
for (const file of ['neimenggu', 'hebei']) {
  for (const f of decoded(`echarts-4/map/json/province/${file}.json`)) {
    const region = f.id ? info.get(f.id) : undefined;
    if (!region) throw new Error(`prefecture ${f.id} ${f.properties.name} is not in DEMO_REGIONS`);
    features.push({
      type: 'Feature',
      properties: { code: region.code, name: region.zh, name_en: region.en, level: 'prefecture', parent: region.parent },
      geometry: clean(f.geometry),
    });
  }
}

const context: Feature<Polygon | MultiPolygon>[] = china.map((f) => ({
  type: 'Feature',
  properties: { code: f.id ?? '', name: f.properties.name },
  geometry: clean(f.geometry),
}));

const sansha = decoded('echarts-4/map/json/province/hainan.json').find((f) => f.id === '460300');
if (!sansha) throw new Error('Sansha (460300) missing from echarts hainan.json');
const islands: Feature<Polygon | MultiPolygon>[] = [
  { type: 'Feature', properties: { code: '460300', name: '三沙市', name_en: 'Sansha' }, geometry: clean(sansha.geometry) },
];

/**
 * echarts places its inset at lon 126–132, lat 18.4–25 of its own map by scaling drawing units
 * (x / 10.5, y / −14); undone here, each point becomes a fraction of the inset box (x right,
 * y down), which is 64 by 93.1 of those units.
 */
interface EchartsRegion {
  geometries: { exterior: [number, number][] }[];
}
const nanhai: (mapType: string, regions: EchartsRegion[]) => void = require('echarts-4/lib/coord/geo/fix/nanhai');
const found: EchartsRegion[] = [];
nanhai('china', found);
const [inset] = found;
if (!inset) throw new Error('echarts nanhai.js added no region');
const unit = (v: number) => Math.round(v * 10000) / 10000;
const insetShapes = {
  name: '南海诸岛',
  name_en: 'South China Sea Islands',
  source: 'echarts 4.9.0 lib/coord/geo/fix/nanhai.js (Apache-2.0)',
  width: 64,
  height: 93.1,
  polygons: inset.geometries.map((g) => g.exterior.map(([lon, lat]) => [unit(((lon - 126) * 10.5) / 64), unit(((25 - lat) * 14) / 93.1)])),
};

/**
 * The whole country for the national demo (china-prefectures.geojson): every province from
 * china.json and every prefecture-level division from the 31 provincial files, each with the seat
 * echarts records (`cp`). Beijing, Tianjin, Shanghai and Chongqing are one prefecture-level unit
 * each (110100 市辖区, as GB/T 2260 codes their districts), drawn with the municipality's outline;
 * county-level cities a province governs directly (Hainan's 4690xx, Hubei's 4290xx, Henan's 419001,
 * Xinjiang's 6590xx) are gathered under the code GB/T 2260 gives them together (469000 …), so a
 * prefecture code is always the first four digits of a county's. Taiwan, Hong Kong and Macao are
 * provinces without prefectures here: the demo places no plants there, and policy does not apply.
 * Coordinates keep five decimals (about 1 m; echarts stores 1/1024°).
 */
const PROVINCE_FILES: Record<string, string> = {
  '130000': 'hebei',
  '140000': 'shanxi',
  '150000': 'neimenggu',
  '210000': 'liaoning',
  '220000': 'jilin',
  '230000': 'heilongjiang',
  '320000': 'jiangsu',
  '330000': 'zhejiang',
  '340000': 'anhui',
  '350000': 'fujian',
  '360000': 'jiangxi',
  '370000': 'shandong',
  '410000': 'henan',
  '420000': 'hubei',
  '430000': 'hunan',
  '440000': 'guangdong',
  '450000': 'guangxi',
  '460000': 'hainan',
  '510000': 'sichuan',
  '520000': 'guizhou',
  '530000': 'yunnan',
  '540000': 'xizang',
  '610000': 'shanxi1',
  '620000': 'gansu',
  '630000': 'qinghai',
  '640000': 'ningxia',
  '650000': 'xinjiang',
};
/**
 * The four municipalities and their seats. echarts' point for Chongqing is a label spot near
 * Fuling, 75 km east of the city; the city centre (Yuzhong) stands in.
 */
const MUNICIPALITIES: Record<string, [number, number] | null> = {
  '110000': null,
  '120000': null,
  '310000': null,
  '500000': [106.55, 29.56],
};
const round5 = (v: number) => Math.round(v * 1e5) / 1e5;
const rounded = (g: Polygon | MultiPolygon): Polygon | MultiPolygon =>
  g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(([x, y]) => [round5(x ?? 0), round5(y ?? 0)])) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(([x, y]) => [round5(x ?? 0), round5(y ?? 0)]))) };
const polygonsOf = (g: Polygon | MultiPolygon): Polygon['coordinates'][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
const seatOf = (f: EchartsFeature): [number, number] => {
  const cp = (f.properties as { cp?: [number, number] }).cp;
  // A few features carry no seat (Hami, 652200): a point inside the division stands in.
  const [lon, lat] = cp ?? (pointOnFeature(clean(f.geometry)).geometry.coordinates as [number, number]);
  return [round5(lon), round5(lat)];
};

const national: Feature<Polygon | MultiPolygon>[] = [];
for (const f of china) {
  const code = f.id ?? '';
  const zh = PROVINCE_ZH[code];
  const en = PROVINCE_EN[code];
  if (!zh || !en) throw new Error(`province ${code} ${f.properties.name} has no name in region-names.ts`);
  national.push({
    type: 'Feature',
    properties: { code, name: zh, name_en: en, level: 'province', parent: NATIONAL_CODE, seat: MUNICIPALITIES[code] ?? seatOf(f) },
    geometry: rounded(clean(f.geometry)),
  });
  if (code in MUNICIPALITIES) {
    const seat = MUNICIPALITIES[code] ?? seatOf(f);
    national.push({
      type: 'Feature',
      properties: { code: `${code.slice(0, 2)}0100`, name: zh, name_en: en, level: 'prefecture', parent: code, seat },
      geometry: rounded(clean(f.geometry)),
    });
  }
}
for (const [province, file] of Object.entries(PROVINCE_FILES)) {
  // A prefecture may come in pieces (Xizang's Shannan has a second feature without an id).
  const units = new Map<string, { zh: string; seat: [number, number]; polygons: Polygon['coordinates'][] }>();
  const byName = new Map<string, string>();
  for (const f of decoded(`echarts-4/map/json/province/${file}.json`)) {
    let code = f.id ?? byName.get(f.properties.name);
    if (!code) throw new Error(`${file}.json: ${f.properties.name} has no code`);
    let zh = f.properties.name;
    if (!code.endsWith('00')) {
      code = `${code.slice(0, 4)}00`;
      zh = province === '650000' ? '自治区直辖县级行政区划' : '省直辖县级行政区划';
    }
    byName.set(f.properties.name, code);
    const unit = units.get(code) ?? { zh, seat: seatOf(f), polygons: [] };
    // …and its feature with the code carries an empty polygon.
    if (f.geometry.coordinates.length > 0) unit.polygons.push(...polygonsOf(clean(f.geometry)));
    units.set(code, unit);
  }
  for (const [code, unit] of units) {
    const known = info.get(code);
    const grouped = code.endsWith('9000');
    national.push({
      type: 'Feature',
      properties: {
        code,
        name: known?.zh ?? unit.zh,
        name_en: known?.en ?? PREFECTURE_EN[code] ?? (grouped ? 'County-level cities under the province' : prefectureEnglish(unit.zh)),
        level: 'prefecture',
        parent: province,
        seat: known?.centre ?? unit.seat,
      },
      geometry: rounded(
        unit.polygons.length === 1
          ? { type: 'Polygon', coordinates: unit.polygons[0] ?? [] }
          : { type: 'MultiPolygon', coordinates: unit.polygons },
      ),
    });
  }
}

/**
 * The 31 provincial files hold 574,000 vertices (12 MB as GeoJSON), more than a demo's region
 * lookups and dashboards need. Simplified on a shared topology (topojson-simplify, Visvalingam),
 * neighbours keep one common border, so no plant falls in a gap or in two prefectures. Simplified to
 * the weight of quantile 0.15, 143,000 of the 574,000 vertices remain (3 MB).
 */
function simplified(fs: Feature<Polygon | MultiPolygon>[]): FeatureCollection<Polygon | MultiPolygon> {
  const levels = ['province', 'prefecture'] as const;
  const topology = presimplify(
    // Properties are objects here, never null; topojson-simplify's types want that said.
    topojsonTopology(
      Object.fromEntries(
        levels.map((level) => [level, { type: 'FeatureCollection', features: fs.filter((f) => f.properties?.level === level) }]),
      ),
      1e6,
    ) as Topology<Objects<Record<string, unknown>>>,
  );
  const thin = simplify(topology, quantile(topology, 0.15));
  const back = levels.flatMap(
    (level) => (topojsonFeature(thin, thin.objects[level] as GeometryCollection) as FeatureCollection<Polygon | MultiPolygon>).features,
  );
  return { type: 'FeatureCollection', features: back.map((f) => ({ ...f, geometry: rounded(f.geometry) })) };
}

const write = (name: string, fc: FeatureCollection) => {
  const path = new URL(`../boundaries/${name}`, import.meta.url);
  writeFileSync(path, `${JSON.stringify(fc)}\n`);
  console.log(`wrote data/boundaries/${name}: ${fc.features.length} features`);
};
write('regions.geojson', { type: 'FeatureCollection', features });
write('china-provinces.geojson', { type: 'FeatureCollection', features: context });
write('china-prefectures.geojson', simplified(national));
write('south-china-sea-islands.geojson', { type: 'FeatureCollection', features: islands });
writeFileSync(new URL('../boundaries/south-china-sea-inset.json', import.meta.url), `${JSON.stringify(insetShapes)}\n`);
console.log(`wrote data/boundaries/south-china-sea-inset.json: ${insetShapes.polygons.length} shapes`);
