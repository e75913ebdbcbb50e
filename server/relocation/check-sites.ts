/**
 * Judges sites an official chose for one enterprise: points (a park's when park_id is given, else
 * a point anywhere) or a drawn area, sampled on a grid of at most AREA_POINTS points inside it.
 */
import type { Polygon } from 'geojson';
import type { Database } from '../db/database.ts';
import { listRegions } from '../db/zone-store.ts';
import { type PolygonalGeometry, PreparedPolygon } from '../domain/geometry/prepared-polygon.ts';
import { regionLocator } from '../domain/geometry/region-locator.ts';
import { reason } from '../domain/reasons.ts';
import { ReasonedRefusal } from '../domain/refusal.ts';
import { areaGrid } from '../domain/relocation/area-grid.ts';
import type { JudgedSite } from '../domain/relocation/judge-site.ts';
import type { SiteSource, SiteSuggestions, SiteVerdict } from '../domain/relocation/site.ts';
import { movingRules, rankVerdicts, verdictAt } from '../domain/relocation/suggest-sites.ts';
import { relocationContext, zoneHitsAt } from './relocation-context.ts';
import { movingOrigin } from './suggest.ts';

export const AREA_POINTS = 200;
/** Sites of an area that do not qualify, listed nearest first after those that do. */
export const AREA_OTHERS = 5;

export type SitePoint = { lon: number; lat: number; park_id?: string };
export type SitesToCheck = readonly SitePoint[] | { area: Polygon };

const isArea = (sites: SitesToCheck): sites is { area: Polygon } => !Array.isArray(sites);

export async function checkSites(db: Database, enterpriseId: string, sites: SitesToCheck, asOf?: string): Promise<SiteSuggestions> {
  return db.transaction(async (tx) => {
    const context = await relocationContext(db, tx, asOf);
    const origin = await movingOrigin(tx, enterpriseId, context);
    const points: SitePoint[] = isArea(sites) ? areaGrid(sites.area, AREA_POINTS) : [...sites];
    if (isArea(sites) && points.length === 0) {
      const p = new PreparedPolygon(sites.area);
      throw new ReasonedRefusal(400, reason('relocation_area_empty', { bbox: [p.minX, p.minY, p.maxX, p.maxY].join(',') }));
    }
    const parks = new Map(context.parks.map((p) => [p.id, p]));
    let regionAt: ((lon: number, lat: number) => string | null) | undefined;
    const locate = async (lon: number, lat: number) => {
      regionAt ??= regionLocator(
        (await listRegions(tx, 'prefecture'))
          .filter((r) => r.geometry !== null)
          .map((r) => ({ code: r.code, level: r.level, geometry: r.geometry as PolygonalGeometry })),
      );
      return regionAt(lon, lat);
    };
    const source: SiteSource = isArea(sites) ? 'area' : 'point';
    const judged: JudgedSite[] = [];
    for (const point of points) {
      const park = point.park_id === undefined ? undefined : parks.get(point.park_id);
      if (point.park_id !== undefined && !park) throw new ReasonedRefusal(400, reason('relocation_park_unknown', { park: point.park_id }));
      judged.push(
        park
          ? {
              source: 'park',
              park_id: park.id,
              name: park.name,
              name_en: park.name_en,
              lon: point.lon,
              lat: point.lat,
              region_code: park.region_code ?? (await locate(point.lon, point.lat)),
              sectors: park.sectors,
              land_free_ha: park.land_free_ha,
            }
          : {
              source,
              park_id: null,
              name: null,
              name_en: null,
              lon: point.lon,
              lat: point.lat,
              region_code: await locate(point.lon, point.lat),
              sectors: null,
              land_free_ha: null,
            },
      );
    }
    const hits = zoneHitsAt(context, judged);
    const verdicts = judged.map((site, i) => verdictAt(origin, { site, hits: hits[i] ?? [] }, context.plan));
    return {
      enterprise_id: enterpriseId,
      as_of: context.asOf,
      origin: { lon: origin.lon, lat: origin.lat, region_code: origin.facts.region_code },
      moving_rules: movingRules(origin.flags),
      sites: isArea(sites) ? nearestFirst(verdicts) : rankVerdicts(verdicts),
    };
  });
}

/** An area's qualifying points nearest first and ranked so, then a few that do not qualify. */
function nearestFirst(verdicts: SiteVerdict[]): SiteVerdict[] {
  const byDistance = (a: SiteVerdict, b: SiteVerdict) => a.distance_km - b.distance_km;
  const good = verdicts.filter((v) => v.qualifies).sort(byDistance);
  good.forEach((v, i) => {
    v.rank = i + 1;
  });
  return [
    ...good,
    ...verdicts
      .filter((v) => !v.qualifies)
      .sort(byDistance)
      .slice(0, AREA_OTHERS),
  ];
}
