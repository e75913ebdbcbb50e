/**
 * Puts rings in the winding RFC 7946 asks for: shells counter-clockwise, holes clockwise. Stored
 * zones then have one orientation whatever the source (shapefiles wind shells clockwise), so an
 * export to any format and back gives the same coordinates.
 */
import type { Position } from 'geojson';

/** Twice the signed area in the plane of the coordinates; positive for counter-clockwise. */
export function signedArea2(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] as Position;
    const [xj = 0, yj = 0] = ring[j] as Position;
    sum += (xj - xi) * (yj + yi);
  }
  return sum;
}

export function rewindRings(rings: Position[][]): Position[][] {
  return rings.map((ring, i) => {
    const ccw = signedArea2(ring) > 0;
    const wantCcw = i === 0;
    return ccw === wantCcw ? ring : [...ring].reverse();
  });
}
