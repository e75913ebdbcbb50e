/** Zones are the polygons policies refer to: reserves, built-up areas, basins, key regions, parks. */
import type { MultiPolygon, Polygon } from 'geojson';

export const ZONE_KINDS = ['nature_reserve', 'built_up', 'river_basin', 'key_region', 'industrial_park'] as const;
export type ZoneKind = (typeof ZONE_KINDS)[number];

/** Nature reserve zoning under the Regulations on Nature Reserves (1994), art. 18. */
export const FUNCTIONAL_ZONE_TYPES = ['core', 'buffer', 'experimental'] as const;

/**
 * A whole reserve whose functional zoning is unknown (未分区): most published reserve outlines
 * carry none. Rules name it like any zone type, so what it means for screening is data.
 */
export const UNZONED = 'unzoned';

export const RESERVE_ZONE_TYPES = [...FUNCTIONAL_ZONE_TYPES, UNZONED] as const;
export type ReserveZoneType = (typeof RESERVE_ZONE_TYPES)[number];

export interface Zone {
  id: string;
  kind: ZoneKind;
  zone_type: ReserveZoneType | null;
  level: string | null;
  name: string;
  name_en: string | null;
  region_code: string | null;
  attributes: Record<string, unknown>;
  geometry: Polygon | MultiPolygon;
}

export type BBox = [minLon: number, minLat: number, maxLon: number, maxLat: number];
