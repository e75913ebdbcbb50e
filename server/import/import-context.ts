/** What every import needs to know about the database it writes to: extent and region lookup. */
import type { Queryable } from '../db/database.ts';
import { listRegions } from '../db/zone-store.ts';
import { regionLocator } from '../domain/geometry/region-locator.ts';
import type { BBox } from '../domain/zone.ts';
import type { ResolvedCrs } from './crs.ts';
import { CHINA_EXTENT, type LocationContext } from './location.ts';

/** Points this far (degrees) beyond the loaded regions are still accepted, for border plants. */
const EXTENT_MARGIN = 1;

export async function locationContext(q: Queryable, crs: ResolvedCrs): Promise<LocationContext> {
  const regions = (await listRegions(q)).filter((r) => r.geometry !== null);
  let extent: BBox = CHINA_EXTENT;
  const box = await q.one<{ w: number | null; s: number; e: number; n: number }>(
    'SELECT min(min_lon) AS w, min(min_lat) AS s, max(max_lon) AS e, max(max_lat) AS n FROM regions',
  );
  if (box && box.w !== null) extent = [box.w - EXTENT_MARGIN, box.s - EXTENT_MARGIN, box.e + EXTENT_MARGIN, box.n + EXTENT_MARGIN];
  const locate = regions.length
    ? regionLocator(regions.map((r) => ({ code: r.code, level: r.level, geometry: r.geometry as NonNullable<typeof r.geometry> })))
    : undefined;
  return { toWgs84: crs.toWgs84, geographic: crs.geographic, extent, ...(locate ? { regionAt: locate } : {}) };
}
