/**
 * The shipped demo geography, loaded once and prepared for point-in-polygon tests: prefecture
 * boundaries from data/boundaries and zone layers from data/zones.
 */
import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { PreparedPolygon } from '../../server/domain/geometry/prepared-polygon.ts';
import type { ZoneKind } from '../../server/domain/zone.ts';

export type PolygonFeature = Feature<Polygon | MultiPolygon, Record<string, unknown>>;

export function readFeatures(path: URL): PolygonFeature[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>).features;
}

export const REGIONS_FILE = new URL('../boundaries/regions.geojson', import.meta.url);
export const CHINA_FILE = new URL('../boundaries/china-provinces.geojson', import.meta.url);
export const zoneFile = (kind: ZoneKind) => new URL(`../zones/${kind}.geojson`, import.meta.url);

export interface DemoGeography {
  prefectures: Map<string, PreparedPolygon>;
  /** The whole outline of each reserve (its experimental zone without the hole). */
  reserves: { id: string; outline: PreparedPolygon }[];
  parks: PreparedPolygon[];
}

export function loadDemoGeography(): DemoGeography {
  const prefectures = new Map<string, PreparedPolygon>();
  for (const f of readFeatures(REGIONS_FILE)) {
    if (f.properties.level === 'prefecture') prefectures.set(String(f.properties.code), new PreparedPolygon(f.geometry));
  }
  const reserves = readFeatures(zoneFile('nature_reserve'))
    .filter((f) => f.properties.zone_type === 'experimental' && f.geometry.type === 'Polygon')
    .map((f) => ({
      id: String(f.properties.reserve),
      outline: new PreparedPolygon({ type: 'Polygon', coordinates: [(f.geometry as Polygon).coordinates[0] ?? []] }),
    }));
  const parks = readFeatures(zoneFile('industrial_park')).map((f) => new PreparedPolygon(f.geometry));
  return { prefectures, reserves, parks };
}
