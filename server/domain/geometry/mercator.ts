/**
 * Web Mercator in world units: x runs 0 → 1 eastward from the antimeridian, y runs 0 → 1 southward
 * from 85.0511° N, and one unit is 512 · 2^zoom pixels as MapLibre draws it. Grid cells and view
 * boxes are squares here, as they are on screen.
 */

/**
 * Counting grids (the planner map's cells, in the browser and on the server): a cell is this many
 * pixels wide at the whole zoom it belongs to, and twice that just before the next.
 */
export const CELL_PIXELS = 16;

/**
 * The side of a cell at a zoom, in world units. A power of two, so dividing by it is exact (a point
 * on an edge falls in exactly one cell) and each cell splits into four at the next whole zoom.
 */
export function cellSize(zoom: number): number {
  return CELL_PIXELS / (512 * 2 ** Math.floor(zoom));
}

export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** The latitude at which Web Mercator's square world ends. */
const MAX_LAT = 85.0511287798066;

export const lonToX = (lon: number) => (lon + 180) / 360;

export function latToY(lat: number): number {
  const s = Math.sin((Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180);
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
}

export const xToLon = (x: number) => x * 360 - 180;

export const yToLat = (y: number) => (360 / Math.PI) * Math.atan(Math.exp((1 - 2 * y) * Math.PI)) - 90;

/** Metres on the ground per world unit at a latitude (the equator's circumference, shrunk by cos φ). */
export const metresPerUnit = (lat: number) => 40_075_016.686 * Math.cos((lat * Math.PI) / 180);

export function boxOfLonLat(west: number, south: number, east: number, north: number): Box {
  return { minX: lonToX(west), minY: latToY(north), maxX: lonToX(east), maxY: latToY(south) };
}

/** The box grown on every side by a fraction of its own width and height. */
export function expandBox(box: Box, fraction: number): Box {
  const dx = (box.maxX - box.minX) * fraction;
  const dy = (box.maxY - box.minY) * fraction;
  return { minX: box.minX - dx, minY: box.minY - dy, maxX: box.maxX + dx, maxY: box.maxY + dy };
}

export function intersectBoxes(a: Box, b: Box): Box | null {
  const box = {
    minX: Math.max(a.minX, b.minX),
    minY: Math.max(a.minY, b.minY),
    maxX: Math.min(a.maxX, b.maxX),
    maxY: Math.min(a.maxY, b.maxY),
  };
  return box.minX <= box.maxX && box.minY <= box.maxY ? box : null;
}

export const containsBox = (outer: Box, inner: Box) =>
  inner.minX >= outer.minX && inner.maxX <= outer.maxX && inner.minY >= outer.minY && inner.maxY <= outer.maxY;

export interface MercatorPoints {
  count: number;
  /** x, y per point, interleaved. */
  xy: Float32Array;
  /** The smallest box holding every point; null when there are none. */
  extent: Box | null;
}

/**
 * Every point projected once per payload, so binning and culling compare plain numbers. Float32
 * keeps world units to about 2.4 m, finer than the float32 degrees they come from.
 */
export function mercatorPoints(position: Float32Array, count: number): MercatorPoints {
  const xy = new Float32Array(count * 2);
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < count; i++) {
    // Rounded as stored, so the extent holds the stored values exactly.
    const x = Math.fround(lonToX(position[2 * i] as number));
    const y = Math.fround(latToY(position[2 * i + 1] as number));
    xy[2 * i] = x;
    xy[2 * i + 1] = y;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return { count, xy, extent: count > 0 ? { minX, minY, maxX, maxY } : null };
}
