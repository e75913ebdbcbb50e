/**
 * A shape drawn on the map — polygon, rectangle or circle of a geodesic radius — as the map's URL
 * and the export link write it, and as a closed ring. Shared by the browser (drawing, selection
 * statistics) and the server (exporting a selection), so both mean the same area.
 */
import geographiclib from 'geographiclib-geodesic';

export type Shape =
  | { kind: 'polygon'; ring: [number, number][] }
  | { kind: 'rectangle'; bbox: [number, number, number, number] }
  | { kind: 'circle'; centre: [number, number]; radiusM: number };

export type Ring = [number, number][];

const WGS84 = geographiclib.Geodesic.WGS84;
/** A circle becomes a 128-gon of points at exactly its geodesic radius: edges cut inside by ≤ 0.03 %. */
const CIRCLE_VERTICES = 128;

const round = (n: number, digits: number) => Number(n.toFixed(digits));

/** `r:w,s,e,n`, `c:lon,lat,metres` or `p:x,y;x,y;…`, coordinates to 5 decimals (about 1 m). */
export function encodeShape(shape: Shape): string {
  const c = (n: number) => round(n, 5);
  if (shape.kind === 'rectangle') return `r:${shape.bbox.map(c).join(',')}`;
  if (shape.kind === 'circle') return `c:${c(shape.centre[0])},${c(shape.centre[1])},${Math.round(shape.radiusM)}`;
  return `p:${shape.ring.map(([x, y]) => `${c(x)},${c(y)}`).join(';')}`;
}

/** The shape encodeShape wrote, or null for anything else. */
export function parseShape(v: string | null | undefined): Shape | null {
  if (!v) return null;
  const [kind, body = ''] = v.split(':');
  const nums = body.split(/[,;]/).map(Number);
  if (nums.some((n) => !Number.isFinite(n))) return null;
  if (kind === 'r' && nums.length === 4) {
    const [w, s, e, n] = nums as [number, number, number, number];
    return w < e && s < n ? { kind: 'rectangle', bbox: [w, s, e, n] } : null;
  }
  if (kind === 'c' && nums.length === 3 && (nums[2] as number) > 0) {
    return { kind: 'circle', centre: [nums[0] as number, nums[1] as number], radiusM: nums[2] as number };
  }
  if (kind === 'p' && nums.length >= 6 && nums.length % 2 === 0) {
    const ring: [number, number][] = [];
    for (let i = 0; i < nums.length; i += 2) ring.push([nums[i] as number, nums[i + 1] as number]);
    return { kind: 'polygon', ring };
  }
  return null;
}

/** Closed ring (first vertex repeated last), counter-clockwise. */
export function shapeRing(shape: Shape): Ring {
  if (shape.kind === 'rectangle') {
    const [w, s, e, n] = shape.bbox;
    return [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ];
  }
  if (shape.kind === 'circle') {
    const [lon, lat] = shape.centre;
    const ring: Ring = [];
    for (let k = 0; k < CIRCLE_VERTICES; k++) {
      // Azimuths run clockwise from north; walking them backwards keeps the ring counter-clockwise.
      const p = WGS84.Direct(lat, lon, 360 - (k * 360) / CIRCLE_VERTICES, shape.radiusM);
      ring.push([p.lon2 as number, p.lat2 as number]);
    }
    ring.push(ring[0] as [number, number]);
    return ring;
  }
  const ring = shape.ring.map(([x, y]) => [x, y] as [number, number]);
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push([first[0], first[1]]);
  return ring;
}
