/**
 * Candidate points inside an area an official drew: the centres of a regular grid over its
 * bounding box that fall inside it, spaced so that about `max` of them do. Deterministic for the
 * polygon, so the same area gives the same candidates.
 */
import type { Polygon } from 'geojson';
import { PreparedPolygon } from '../geometry/prepared-polygon.ts';

/** Shoelace area in square degrees, holes subtracted; enough to size the grid. */
function planarArea(polygon: Polygon): number {
  return polygon.coordinates.reduce((sum, ring, i) => {
    let a = 0;
    for (let k = 0; k + 1 < ring.length; k++) {
      const [x1, y1] = ring[k] as [number, number];
      const [x2, y2] = ring[k + 1] as [number, number];
      a += x1 * y2 - x2 * y1;
    }
    return sum + (i === 0 ? Math.abs(a) / 2 : -Math.abs(a) / 2);
  }, 0);
}

export function areaGrid(polygon: Polygon, max = 200): { lon: number; lat: number }[] {
  if (!Number.isInteger(max) || max < 1) throw new Error(`Unexpected max value: ${max}.`);
  const prepared = new PreparedPolygon(polygon);
  const width = prepared.maxX - prepared.minX;
  const height = prepared.maxY - prepared.minY;
  if (!(width > 0) || !(height > 0)) return [];
  const fill = Math.min(1, Math.max(planarArea(polygon) / (width * height), 1e-6));
  // Cells of equal size in degrees, as many as `max` would fill the polygon's share of the box.
  let step = Math.sqrt((width * height * fill) / max);
  let points: { lon: number; lat: number }[] = [];
  for (let attempt = 0; attempt < 8; attempt++) {
    points = [];
    const nx = Math.max(1, Math.round(width / step));
    const ny = Math.max(1, Math.round(height / step));
    for (let j = 0; j < ny; j++) {
      const lat = prepared.minY + ((j + 0.5) * height) / ny;
      for (let i = 0; i < nx; i++) {
        const lon = prepared.minX + ((i + 0.5) * width) / nx;
        if (prepared.contains(lon, lat)) points.push({ lon: Math.round(lon * 1e6) / 1e6, lat: Math.round(lat * 1e6) / 1e6 });
      }
    }
    if (points.length > 0 && points.length <= max) return points;
    // Too many (a fuller shape than its area said) or none (a sliver between cell centres).
    step = points.length > max ? step * Math.sqrt(points.length / max) * 1.01 : step / 2;
  }
  // Still too many after refining: every k-th, which keeps the spread.
  const k = points.length / max;
  return points.length <= max ? points : Array.from({ length: max }, (_, i) => points[Math.floor(i * k)] as { lon: number; lat: number });
}
