/**
 * The shipped demo geography, loaded once and prepared for point-in-polygon tests: prefecture
 * boundaries from data/boundaries and zone layers from data/zones.
 *
 * A demo covers one of two extents: `north`, the two provinces of the default demo (Inner
 * Mongolia and Hebei, data/boundaries/regions.geojson and data/zones/*.geojson), or `china`, the
 * whole country (data/boundaries/china-prefectures.geojson, and data/zones/china/*.geojson beside
 * the north's zones).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { PreparedPolygon } from '../../server/domain/geometry/prepared-polygon.ts';
import { demoRegion } from '../../server/domain/regions.ts';
import type { ZoneKind } from '../../server/domain/zone.ts';
import { CITY_PROFILES, type CityProfile } from './city-profiles.ts';
import { nationalCityProfiles } from './national-profiles.ts';

export type PolygonFeature = Feature<Polygon | MultiPolygon, Record<string, unknown>>;

export function readFeatures(path: URL): PolygonFeature[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>).features;
}

export const DEMO_EXTENTS = ['north', 'china'] as const;
export type DemoExtent = (typeof DEMO_EXTENTS)[number];

export const REGIONS_FILE = new URL('../boundaries/regions.geojson', import.meta.url);
export const NATIONAL_REGIONS_FILE = new URL('../boundaries/china-prefectures.geojson', import.meta.url);
export const CHINA_FILE = new URL('../boundaries/china-provinces.geojson', import.meta.url);
export const zoneFile = (kind: ZoneKind) => new URL(`../zones/${kind}.geojson`, import.meta.url);

export const regionsFile = (extent: DemoExtent) => (extent === 'china' ? NATIONAL_REGIONS_FILE : REGIONS_FILE);

/** The zone files of an extent: the north's, and for the whole country the rest of it too. */
export function zoneFiles(kind: ZoneKind, extent: DemoExtent): URL[] {
  const national = new URL(`../zones/china/${kind}.geojson`, import.meta.url);
  return extent === 'china' && existsSync(national) ? [zoneFile(kind), national] : [zoneFile(kind)];
}

/** A prefecture plants are generated in: its profile, seat and English name. */
export interface DemoCity extends CityProfile {
  centre: [number, number];
  en: string;
}

export interface DemoGeography {
  cities: DemoCity[];
  prefectures: Map<string, PreparedPolygon>;
  /** The whole outline of each reserve (its experimental zone without the hole). */
  reserves: { id: string; outline: PreparedPolygon }[];
  parks: PreparedPolygon[];
}

export function loadDemoGeography(extent: DemoExtent = 'north'): DemoGeography {
  const prefectures = new Map<string, PreparedPolygon>();
  const seats = new Map<string, { centre: [number, number]; en: string; name: string; parent: string }>();
  for (const f of readFeatures(regionsFile(extent))) {
    if (f.properties.level !== 'prefecture') continue;
    const code = String(f.properties.code);
    prefectures.set(code, new PreparedPolygon(f.geometry));
    const known = demoRegion(code);
    seats.set(code, {
      centre: known?.centre ?? (f.properties.seat as [number, number]),
      en: known?.en ?? String(f.properties.name_en),
      name: String(f.properties.name),
      parent: String(f.properties.parent),
    });
  }
  const profiles = extent === 'china' ? nationalCityProfiles([...seats].map(([code, s]) => ({ code, ...s }))) : CITY_PROFILES;
  const cities = profiles.map((c) => {
    const seat = seats.get(c.code);
    if (!seat) throw new Error(`demo city ${c.code} has no prefecture in ${regionsFile(extent).pathname}`);
    return { ...c, centre: seat.centre, en: seat.en };
  });
  const reserves = zoneFiles('nature_reserve', extent)
    .flatMap(readFeatures)
    .filter((f) => f.properties.zone_type === 'experimental' && f.geometry.type === 'Polygon')
    .map((f) => ({
      id: String(f.properties.reserve),
      outline: new PreparedPolygon({ type: 'Polygon', coordinates: [(f.geometry as Polygon).coordinates[0] ?? []] }),
    }));
  const parks = zoneFiles('industrial_park', extent)
    .flatMap(readFeatures)
    .map((f) => new PreparedPolygon(f.geometry));
  return { cities, prefectures, reserves, parks };
}
