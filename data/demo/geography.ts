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
import { demoRegion, placeOf } from '../../server/domain/regions.ts';
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

/** A prefecture plants are generated in: its profile, seat and place name in English (Xing'an, Yanbian). */
export interface DemoCity extends CityProfile {
  centre: [number, number];
  placeEn: string;
}

export interface DemoGeography {
  cities: DemoCity[];
  prefectures: Map<string, PreparedPolygon>;
  /** The whole outline of each reserve (its experimental zone without the hole). */
  reserves: { id: string; outline: PreparedPolygon }[];
  parks: PreparedPolygon[];
}

export function loadDemoGeography(extent: DemoExtent = 'north'): DemoGeography {
  const features = readFeatures(regionsFile(extent));
  const provinces = new Map(
    features.filter((f) => f.properties.level === 'province').map((f) => [String(f.properties.code), f.properties]),
  );
  const prefectures = new Map<string, PreparedPolygon>();
  const seats = new Map<string, { centre: [number, number]; short: string; placeEn: string; parent: string }>();
  for (const f of features) {
    if (f.properties.level !== 'prefecture') continue;
    const code = String(f.properties.code);
    const parent = String(f.properties.parent);
    prefectures.set(code, new PreparedPolygon(f.geometry));
    // County-level cities a province governs directly (X9000) are named after their province.
    const named = code.endsWith('9000') ? (provinces.get(parent) ?? f.properties) : f.properties;
    const en = demoRegion(code)?.en ?? String(named.name_en);
    seats.set(code, {
      centre: demoRegion(code)?.centre ?? (f.properties.seat as [number, number]),
      short: placeOf(String(named.name)).place,
      placeEn: en.replace(/ (Autonomous Prefecture|Prefecture|League|Forestry District|County)$/, ''),
      parent,
    });
  }
  const profiles = extent === 'china' ? nationalCityProfiles([...seats].map(([code, s]) => ({ code, ...s }))) : CITY_PROFILES;
  const cities = profiles.map((c) => {
    const seat = seats.get(c.code);
    if (!seat) throw new Error(`demo city ${c.code} has no prefecture in ${regionsFile(extent).pathname}`);
    return { ...c, centre: seat.centre, placeEn: seat.placeEn };
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
