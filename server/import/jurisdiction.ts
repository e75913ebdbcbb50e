/**
 * Where imported enterprises may lie: inside the regions loaded into the database, or inside China
 * when none are loaded, give or take a tolerance. A point outside is named with the region nearest
 * to it, so a mistyped coordinate or a wrong CRS can be told from a plant across a border.
 *
 * The loaded regions are the deployment's jurisdiction (they give enterprises their region codes,
 * and local rules and dashboards follow them), so a point in China but outside them is refused as
 * before; the message then says which Chinese region it lies in, whose boundary can be loaded first.
 */
import { readFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { type OutlineRegion, RegionOutline } from '../domain/geometry/region-outline.ts';
import { type Params, type Reason, reason } from '../domain/reasons.ts';
import { PROBLEM_LIMIT } from './problems.ts';

/**
 * How far outside the outline a point may lie and still be accepted. The shipped outlines are
 * simplified (echarts, 1/1024°): a province outline strays up to 7.1 km from its own prefectures'
 * more detailed boundaries (Hebei's coast at Caofeidian; 6.9 km for Inner Mongolia), and real
 * coastal plants sit up to 3.1 km outside them (Fangchenggang steel, Zhoushan petrochemicals, on
 * land reclaimed or smoothed away). GCJ-02 read as WGS84 moves a point ≤ 0.7 km. 10 km covers all
 * of that, while a mistake stays far beyond it (Hanoi is 141 km from Guangxi's outline). It cannot
 * tell a plant from one across a river border (Sinuiju lies 1.7 km from Liaoning's outline): this
 * check catches wrong coordinates, it does not settle borders.
 */
export const JURISDICTION_TOLERANCE_METRES = 10_000;

const BOUNDARIES = new URL('../../data/boundaries/', import.meta.url);

/** The provinces echarts ships (Taiwan, Hong Kong and Macau among them) and the islands of Sansha. */
export const NATIONAL_BOUNDARY_FILES = ['china-provinces.geojson', 'south-china-sea-islands.geojson'] as const;

function readRegions(name: string): OutlineRegion[] {
  const collection = JSON.parse(readFileSync(new URL(name, BOUNDARIES), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
  return collection.features.map((f, i) => {
    const code = f.properties?.code;
    if (typeof code !== 'string' || !f.geometry) throw new Error(`data/boundaries/${name}: feature ${i} has no code or no geometry`);
    return { code, name: String(f.properties?.name ?? code), name_en: f.properties?.name_en ?? null, geometry: f.geometry };
  });
}

let national: RegionOutline | undefined;

/** China's outline from the shipped boundary data, read once: the same files never change in a run. */
export function nationalOutline(): RegionOutline {
  national ??= new RegionOutline(NATIONAL_BOUNDARY_FILES.flatMap(readRegions), JURISDICTION_TOLERANCE_METRES);
  return national;
}

/** A region as reason parameters: near_name, near_name_en, near_code (or in_…). */
const regionParams = (side: 'near' | 'in', r: OutlineRegion): Params => ({
  [`${side}_name`]: r.name,
  [`${side}_name_en`]: r.name_en ?? '',
  [`${side}_code`]: r.code,
});

/** Kilometres: whole, with separators, from 100 km; a tenth below, so 10.4 km is not shown as the 10 allowed. */
export const formatKm = (metres: number) =>
  metres >= 100_000 ? Math.round(metres / 1000).toLocaleString('en') : (metres / 1000).toFixed(1);

export class Jurisdiction {
  /** Points described so far: see describeOutside. */
  private described = 0;

  private constructor(
    private readonly outline: RegionOutline,
    /** True when the outline is the loaded regions rather than China's. */
    private readonly loaded: boolean,
  ) {}

  /** The regions loaded into the database; with none, China's outline. */
  static of(regions: readonly OutlineRegion[]): Jurisdiction {
    return regions.length > 0
      ? new Jurisdiction(new RegionOutline(regions, JURISDICTION_TOLERANCE_METRES), true)
      : new Jurisdiction(nationalOutline(), false);
  }

  /** The outline's bounds, grown by the tolerance. */
  get bounds() {
    return this.outline.bounds;
  }

  /** True when the point lies inside the jurisdiction or within the tolerance of it. */
  covers(lon: number, lat: number): boolean {
    return this.outline.covers(lon, lat);
  }

  /**
   * Why a point covers() refused lies outside: "point …, … lies outside the jurisdiction: 52.3 km
   * from 三沙市 Sansha (460300)", then what to do. Costs a nearest-region search (tens of microseconds, up to half a
   * millisecond far from many detailed regions), so only for refused points, and only for as many
   * as an import keeps problems (PROBLEM_LIMIT): a file whose every row is refused, say for a wrong
   * CRS, would otherwise spend minutes on messages nobody can read.
   */
  outsideReason(lon: number, lat: number): Reason {
    const point = { lon: lon.toFixed(5), lat: lat.toFixed(5) };
    if (this.described >= PROBLEM_LIMIT) return reason('import_point_outside', point);
    this.described++;
    const nearest = this.outline.nearest(lon, lat);
    const inChina = this.loaded ? nationalOutline().near(lon, lat) : null;
    return reason('import_point_outside', {
      ...point,
      ...(nearest ? { km: formatKm(nearest.metres), ...regionParams('near', nearest.region) } : {}),
      ...(inChina ? regionParams('in', inChina) : {}),
    });
  }
}
