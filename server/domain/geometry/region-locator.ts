/** Finds the region a point falls in, preferring the most detailed level. */
import { type PolygonalGeometry, PreparedPolygon } from './prepared-polygon.ts';

export interface LocatableRegion {
  code: string;
  level: string;
  geometry: PolygonalGeometry;
}

const DETAIL: Record<string, number> = { county: 3, prefecture: 2, province: 1, country: 0 };

export function regionLocator(regions: readonly LocatableRegion[]): (lon: number, lat: number) => string | null {
  const prepared = regions
    .map((r) => ({ code: r.code, detail: DETAIL[r.level] ?? 0, polygon: new PreparedPolygon(r.geometry) }))
    .sort((a, b) => b.detail - a.detail);
  return (lon, lat) => prepared.find((r) => r.polygon.contains(lon, lat))?.code ?? null;
}
