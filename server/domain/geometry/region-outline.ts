/**
 * Named regions grown by a tolerance: where a point may lie, and, for one that may not, the
 * nearest region and how far it is.
 *
 * near() runs once per imported row, so a point inside a region costs a box test, one grid cell
 * of region boxes (ZoneIndex) and a slab test on a region whose box holds it, and allocates
 * nothing. Only a point outside every region pays for boundary distances (edge indexes, built on
 * first use), and only one beyond the tolerance pays for the search for the nearest region.
 */
import Flatbush from 'flatbush';
import type { BBox } from '../zone.ts';
import { nearestBoundaryPoint } from './polygon-distance.ts';
import { type PolygonalGeometry, PreparedPolygon } from './prepared-polygon.ts';
import { degreesAround, geodesicDistance } from './wgs84.ts';
import { ZoneIndex } from './zone-index.ts';

export interface OutlineRegion {
  code: string;
  name: string;
  name_en: string | null;
  geometry: PolygonalGeometry;
}

export interface NearestRegion {
  region: OutlineRegion;
  /** Geodesic distance in metres from the point to the region's boundary. */
  metres: number;
}

export class RegionOutline {
  /** The regions' bounds grown by the tolerance; a point outside it is far from every region. */
  readonly bounds: BBox;
  private readonly index: ZoneIndex;
  private vertices: BoundaryVertices | undefined;
  /** Written by the callback below, made once so that queries allocate nothing. */
  private found = -1;
  private readonly keepFirst = (z: number) => {
    if (this.found < 0) this.found = z;
  };

  /** The regions, smallest box first: see the constructor. */
  private readonly regions: readonly OutlineRegion[];

  constructor(
    regions: readonly OutlineRegion[],
    readonly toleranceMetres: number,
  ) {
    if (!(toleranceMetres >= 0)) throw new Error(`Tolerance must be zero or more metres, got ${toleranceMetres}.`);
    // Smallest first, so that a point in a prefecture is tested against it before its province:
    // either answers, and a small region's slabs hold fewer edges (half the time for the demo's).
    const prepared = regions
      .map((region) => ({ region, polygon: new PreparedPolygon(region.geometry) }))
      .sort((a, b) => area(a.polygon) - area(b.polygon));
    this.regions = prepared.map((p) => p.region);
    const polygons = prepared.map((p) => p.polygon);
    this.index = new ZoneIndex(polygons);
    let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const p of polygons) {
      w = Math.min(w, p.minX);
      s = Math.min(s, p.minY);
      e = Math.max(e, p.maxX);
      n = Math.max(n, p.maxY);
    }
    // Grown at the latitude nearer the pole, where a degree of longitude is shortest.
    const { dLon, dLat } = degreesAround(Math.max(Math.abs(s), Math.abs(n)), toleranceMetres);
    this.bounds = [w - dLon, s - dLat, e + dLon, n + dLat];
  }

  /** A region holding the point or lying within the tolerance of it (one holding it first); else null. */
  near(lon: number, lat: number): OutlineRegion | null {
    const [w, s, e, n] = this.bounds;
    if (!(lon >= w && lon <= e && lat >= s && lat <= n)) return null;
    this.found = this.index.firstContaining(lon, lat);
    if (this.found < 0 && this.toleranceMetres > 0) this.index.forEachWithin(lon, lat, this.toleranceMetres, this.keepFirst);
    return this.found < 0 ? null : (this.regions[this.found] as OutlineRegion);
  }

  covers(lon: number, lat: number): boolean {
    return this.near(lon, lat) !== null;
  }

  /**
   * The region nearest the point (distance 0 inside one), or null when there are none. The
   * boundary vertex nearest in degrees gives a first answer and bounds the distance (any boundary
   * point does); then each region whose box comes within the best distance so far is measured, the
   * bound shrinking as nearer ones turn up. Meant for points near() refused, where a message needs it.
   */
  nearest(lon: number, lat: number): NearestRegion | null {
    if (this.regions.length === 0 || !Number.isFinite(lon) || !Number.isFinite(lat)) return null;
    this.vertices ??= new BoundaryVertices(this.index.polygons);
    const first = this.vertices.nearest(lon, lat);
    if (!first) return null;
    let best = first.region;
    let bestMetres = first.metres;
    const polygons = this.index.polygons;
    for (let k = -1; k < polygons.length && bestMetres > 0; k++) {
      // The vertex's own region first: it is likely the nearest, and shrinks the bound soonest.
      const z = k < 0 ? first.region : k;
      if (k === first.region) continue;
      const polygon = polygons[z] as PreparedPolygon;
      const { dLon, dLat } = degreesAround(lat, bestMetres);
      if (lon + dLon < polygon.minX || lon - dLon > polygon.maxX || lat + dLat < polygon.minY || lat - dLat > polygon.maxY) continue;
      if (polygon.contains(lon, lat)) {
        best = z;
        bestMetres = 0;
        continue;
      }
      const point = nearestBoundaryPoint(this.index.edges(z), lon, lat, bestMetres);
      // On a tie (a border two regions share), the smaller region: the prefecture, not its province.
      if (point && (point.distance < bestMetres || (point.distance === bestMetres && z < best))) {
        best = z;
        bestMetres = point.distance;
      }
    }
    return { region: this.regions[best] as OutlineRegion, metres: bestMetres };
  }
}

const area = (p: PreparedPolygon) => (p.maxX - p.minX) * (p.maxY - p.minY);

/** Every vertex of every region's boundary in one point index. */
class BoundaryVertices {
  /** Null when every region is empty: Flatbush indexes one item or more. */
  private readonly tree: Flatbush | null;
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;
  /** The region each vertex bounds. */
  private readonly owner: Uint32Array;

  constructor(polygons: readonly PreparedPolygon[]) {
    let count = 0;
    for (const p of polygons) count += p.xs.length;
    this.xs = new Float64Array(count);
    this.ys = new Float64Array(count);
    this.owner = new Uint32Array(count);
    let v = 0;
    polygons.forEach((p, z) => {
      this.xs.set(p.xs, v);
      this.ys.set(p.ys, v);
      this.owner.fill(z, v, v + p.xs.length);
      v += p.xs.length;
    });
    this.tree = count > 0 ? new Flatbush(count) : null;
    for (let i = 0; i < count; i++) this.tree?.add(this.xs[i] as number, this.ys[i] as number);
    this.tree?.finish();
  }

  /** The vertex nearest in degrees (not always the nearest in metres): its region and distance. */
  nearest(lon: number, lat: number): { region: number; metres: number } | null {
    const v = this.tree?.neighbors(lon, lat, 1)[0];
    if (v === undefined) return null;
    return { region: this.owner[v] as number, metres: geodesicDistance(lon, lat, this.xs[v] as number, this.ys[v] as number) };
  }
}
