/**
 * Builds data/boundaries/*.geojson from the map JSON that echarts 4.9.0 ships (Apache-2.0):
 * map/json/china.json for province outlines and map/json/province/{neimenggu,hebei}.json for
 * prefectures. Those files use echarts' compact "UTF8Encoding" (zig-zag, delta-coded characters,
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
const parseGeoJson: (json: unknown) => unknown = require('echarts/lib/coord/geo/parseGeoJson');

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

const china = decoded('echarts/map/json/china.json');
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
  for (const f of decoded(`echarts/map/json/province/${file}.json`)) {
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

const write = (name: string, fc: FeatureCollection) => {
  const path = new URL(`../boundaries/${name}`, import.meta.url);
  writeFileSync(path, `${JSON.stringify(fc)}\n`);
  console.log(`wrote data/boundaries/${name}: ${fc.features.length} features`);
};
write('regions.geojson', { type: 'FeatureCollection', features });
write('china-provinces.geojson', { type: 'FeatureCollection', features: context });
