/** What every import needs to know about the database it writes to: jurisdiction and region lookup. */
import type { Queryable } from '../db/database.ts';
import { listRegions } from '../db/zone-store.ts';
import type { PolygonalGeometry } from '../domain/geometry/prepared-polygon.ts';
import { regionLocator } from '../domain/geometry/region-locator.ts';
import type { BBox } from '../domain/zone.ts';
import type { ResolvedCrs } from './crs.ts';
import { Jurisdiction } from './jurisdiction.ts';
import { CHINA_EXTENT, type LocationContext } from './location.ts';

/** Zones this far (degrees) beyond the loaded regions' bounds still overlap them, for border zones. */
const EXTENT_MARGIN = 1;

export async function locationContext(q: Queryable, crs: ResolvedCrs): Promise<LocationContext> {
  const regions = (await listRegions(q)).flatMap((r) => (r.geometry ? [{ ...r, geometry: r.geometry as PolygonalGeometry }] : []));
  const jurisdiction = Jurisdiction.of(regions);
  const context = { toWgs84: crs.toWgs84, geographic: crs.geographic, jurisdiction };
  if (regions.length === 0) return { ...context, extent: CHINA_EXTENT };
  const [w, s, e, n] = jurisdiction.bounds;
  const extent: BBox = [w - EXTENT_MARGIN, s - EXTENT_MARGIN, e + EXTENT_MARGIN, n + EXTENT_MARGIN];
  return { ...context, extent, regionAt: regionLocator(regions) };
}
