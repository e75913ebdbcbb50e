/**
 * Geodesic distance in metres on the WGS84 ellipsoid from a point to the nearest point of a
 * polygon whose edges are straight lines in longitude/latitude (RFC 7946, design.md). Zero when
 * the point is inside or on the boundary.
 *
 * Edges near the point are taken from the polygon's edge index; the nearest point on each is found
 * in a tangent plane at the point (where a straight lon/lat edge stays straight, because the plane
 * scales longitude and latitude by constants), and the distance to the best one is then measured
 * exactly along the geodesic. The plane's distortion only shifts which point of the edge is chosen,
 * which changes the distance to second order: far below the 0.5 % tolerance at the distances rules
 * use, and checked against brute-force geodesic minimisation in the tests.
 */
import type { EdgeIndex } from './edge-index.ts';
import type { PreparedPolygon } from './prepared-polygon.ts';
import { degreesAround, geodesicDistance, metresPerDegree } from './wgs84.ts';

export interface NearestPoint {
  distance: number;
  lon: number;
  lat: number;
}

/**
 * The nearest boundary point within `maxMetres` (Infinity to search every edge), or null when no
 * edge comes that close. Does not test containment; callers do that first.
 */
export function nearestBoundaryPoint(edges: EdgeIndex, lon: number, lat: number, maxMetres: number): NearestPoint | null {
  const polygon: PreparedPolygon = edges.polygon;
  const { xs, ys } = polygon;
  const { kx, ky } = metresPerDegree(lat);
  let best = Infinity;
  let bestT = 0;
  let bestI = -1;
  const consider = (i: number) => {
    // Edge a→b in metres relative to the point.
    const ax = ((xs[i] as number) - lon) * kx;
    const ay = ((ys[i] as number) - lat) * ky;
    const bx = ((xs[i + 1] as number) - lon) * kx;
    const by = ((ys[i + 1] as number) - lat) * ky;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let t = len2 === 0 ? 0 : -(ax * dx + ay * dy) / len2;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    const px = ax + t * dx;
    const py = ay + t * dy;
    const d2 = px * px + py * py;
    if (d2 < best) {
      best = d2;
      bestT = t;
      bestI = i;
    }
  };
  if (Number.isFinite(maxMetres)) {
    const { dLon, dLat } = degreesAround(lat, maxMetres * 1.01 + 1);
    edges.search(lon - dLon, lat - dLat, lon + dLon, lat + dLat, consider);
  } else {
    for (const i of edges.edges) consider(i);
  }
  if (bestI < 0) return null;
  const qLon = (xs[bestI] as number) + bestT * ((xs[bestI + 1] as number) - (xs[bestI] as number));
  const qLat = (ys[bestI] as number) + bestT * ((ys[bestI + 1] as number) - (ys[bestI] as number));
  const distance = geodesicDistance(lon, lat, qLon, qLat);
  if (distance > maxMetres) return null;
  return { distance, lon: qLon, lat: qLat };
}

/** 0 inside or on the boundary; else metres to the nearest boundary point (Infinity beyond max). */
export function distanceToPolygon(edges: EdgeIndex, lon: number, lat: number, maxMetres = Infinity): number {
  if (edges.polygon.contains(lon, lat)) return 0;
  return nearestBoundaryPoint(edges, lon, lat, maxMetres)?.distance ?? Infinity;
}
