/**
 * Drawn shapes as polygons (the ring is shared with the server: server/domain/geometry/shape.ts),
 * and geodesic measures on the WGS84 ellipsoid (Karney's geographiclib).
 */
import geographiclib from 'geographiclib-geodesic';
import type { Polygon } from 'geojson';
import { type Ring, type Shape, shapeRing } from '../../../server/domain/geometry/shape.ts';

const WGS84 = geographiclib.Geodesic.WGS84;

export type { Ring };
export { shapeRing };

export function shapePolygon(shape: Shape): Polygon {
  return { type: 'Polygon', coordinates: [shapeRing(shape)] };
}

/** Length of a line along the ellipsoid, in metres. */
export function geodesicLength(line: readonly (readonly [number, number])[]): number {
  let total = 0;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1] as readonly [number, number];
    const b = line[i] as readonly [number, number];
    total += WGS84.Inverse(a[1], a[0], b[1], b[0]).s12 as number;
  }
  return total;
}

/** Area enclosed by a ring on the ellipsoid, in square metres. */
export function geodesicArea(ring: Ring): number {
  const poly = WGS84.Polygon(false);
  for (let i = 0; i < ring.length - 1; i++) poly.AddPoint((ring[i] as [number, number])[1], (ring[i] as [number, number])[0]);
  return Math.abs(poly.Compute(false, true).area as number);
}

/** The bounding box of a ring of [lon, lat]: west, south, east, north. */
export function ringBox(ring: readonly (readonly [number, number])[]): [number, number, number, number] {
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}
