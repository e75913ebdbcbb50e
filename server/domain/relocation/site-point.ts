/**
 * The point a park is judged at: the enterprise, moved there, is screened at one point, so the
 * point must lie inside the park's polygon or the park's own zone hit (and anything the polygon
 * keeps out) would be judged from outside it.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { PreparedPolygon } from '../geometry/prepared-polygon.ts';

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** The mean of the outer rings' vertices (the closing vertex once), as turf's centroid computes it. */
function vertexCentroid(parts: Position[][][]): [number, number] {
  let x = 0;
  let y = 0;
  let n = 0;
  for (const rings of parts) {
    const outer = rings[0] ?? [];
    for (let i = 0; i + 1 < outer.length; i++) {
      x += outer[i]?.[0] as number;
      y += outer[i]?.[1] as number;
      n++;
    }
  }
  return [x / n, y / n];
}

/**
 * A point on the surface, found as PostGIS's ST_PointOnSurface finds it: a horizontal line
 * through the middle of the largest part meets its rings (holes included) at crossings that pair
 * up into stretches inside it; the middle of the widest stretch is inside.
 */
function scanlinePoint(parts: Position[][][]): [number, number] | null {
  const spans = parts.map((rings) => {
    const ys = (rings[0] ?? []).map((p) => p[1] as number);
    return { rings, minY: Math.min(...ys), maxY: Math.max(...ys) };
  });
  spans.sort((a, b) => b.maxY - b.minY - (a.maxY - a.minY));
  for (const { rings, minY, maxY } of spans) {
    for (const share of [0.5, 0.37, 0.63, 0.21, 0.79]) {
      const y = minY + (maxY - minY) * share;
      const xs: number[] = [];
      for (const ring of rings) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const [x1, y1] = ring[i] as [number, number];
          const [x2, y2] = ring[i + 1] as [number, number];
          // Half-open on y, so a line through a vertex counts the vertex once.
          if (y1 <= y !== y2 <= y) xs.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
        }
      }
      xs.sort((a, b) => a - b);
      let best: [number, number] | null = null;
      for (let i = 0; i + 1 < xs.length; i += 2) {
        const [a, b] = [xs[i] as number, xs[i + 1] as number];
        if (b > a && (!best || b - a > best[1] - best[0])) best = [a, b];
      }
      if (best) return [(best[0] + best[1]) / 2, y];
    }
  }
  return null;
}

/**
 * The centroid where it falls inside: it is the middle of the park, where a map label sits, and
 * stable under small edits of the outline. A crescent, an L-shaped or a multi-part park can have
 * its centroid outside (in a bay, between parts); then a point on the surface. (Not turf's
 * pointOnFeature: loading @turf/turf costs about 650 ms of module loading on every server start
 * and CLI run, for two small functions.) Points are rounded to 6 decimals (~0.1 m) as stored
 * coordinates are, and checked again: rounding can step over an edge drawn through the point.
 */
export function sitePoint(geometry: Polygon | MultiPolygon): { lon: number; lat: number } {
  const prepared = new PreparedPolygon(geometry);
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const [cx, cy] = vertexCentroid(parts);
  if (prepared.contains(round6(cx), round6(cy))) return { lon: round6(cx), lat: round6(cy) };
  const surface = scanlinePoint(parts);
  if (!surface)
    throw new Error(
      `no point inside the polygon whose bounding box is ${[prepared.minX, prepared.minY, prepared.maxX, prepared.maxY].join(',')}`,
    );
  const [px, py] = surface;
  return prepared.contains(round6(px), round6(py)) ? { lon: round6(px), lat: round6(py) } : { lon: px, lat: py };
}
