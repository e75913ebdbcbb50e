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
import { rewind } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { DEMO_REGIONS } from '../../server/domain/regions.ts';

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

const write = (name: string, fc: FeatureCollection) => {
  const path = new URL(`../boundaries/${name}`, import.meta.url);
  writeFileSync(path, `${JSON.stringify(fc)}\n`);
  console.log(`wrote data/boundaries/${name}: ${fc.features.length} features`);
};
write('regions.geojson', { type: 'FeatureCollection', features });
write('china-provinces.geojson', { type: 'FeatureCollection', features: context });
write('south-china-sea-islands.geojson', { type: 'FeatureCollection', features: islands });
writeFileSync(new URL('../boundaries/south-china-sea-inset.json', import.meta.url), `${JSON.stringify(insetShapes)}\n`);
console.log(`wrote data/boundaries/south-china-sea-inset.json: ${insetShapes.polygons.length} shapes`);
