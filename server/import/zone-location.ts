/**
 * Converts a zone's polygon to WGS84 and checks where it lands: source degrees within range, no
 * point lost in conversion, and the result near the jurisdiction — with a hint when the numbers
 * look like another CRS or swapped axes.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { bboxOf } from '../db/zone-store.ts';
import { type Reason, reason } from '../domain/reasons.ts';
import type { BBox } from '../domain/zone.ts';
import type { ResolvedCrs } from './crs.ts';
import { projectedHint } from './crs-hint.ts';

/** The polygon in WGS84, or why it cannot be placed with the value to show: the first point as read. */
export type PlacedZone =
  | { geometry: Polygon | MultiPolygon; error?: undefined; value?: undefined }
  | { geometry?: undefined; error: Reason; value: string };

/** A point the CRS gives no position for; its own error so the problem can name the point. */
class NoPosition extends Error {
  constructor(
    readonly x: number,
    readonly y: number,
  ) {
    super(`point ${x}, ${y} has no WGS84 position`);
  }
}

const overlaps = (a: BBox, b: BBox) => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];

function mapRings(g: Polygon | MultiPolygon, f: (p: Position) => Position): Polygon | MultiPolygon {
  const ring = (r: Position[]) => r.map(f);
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(ring)) };
}

export function placeZone(source: Polygon | MultiPolygon, crs: ResolvedCrs, extent: BBox): PlacedZone {
  const [x = 0, y = 0] = (source.type === 'Polygon' ? source.coordinates[0]?.[0] : source.coordinates[0]?.[0]?.[0]) ?? [];
  const value = `${x}, ${y}`;
  const box = bboxOf(source).bbox;
  if (crs.geographic && (box[0] < -180 || box[2] > 180 || box[1] < -90 || box[3] > 90)) {
    return { value, error: reason('import_zone_out_of_range', { crs: crs.name, ...projectedHint(x, y) }) };
  }
  let converted: Polygon | MultiPolygon;
  try {
    converted = mapRings(source, ([px = 0, py = 0]) => {
      const out = crs.toWgs84(px, py);
      if (!Number.isFinite(out[0]) || !Number.isFinite(out[1])) throw new NoPosition(px, py);
      return out;
    });
  } catch (error) {
    const why =
      error instanceof NoPosition
        ? reason('import_zone_point_no_wgs84', { crs: crs.name, x: error.x, y: error.y })
        : reason('import_zone_wgs84_failed', { crs: crs.name, detail: (error as Error).message });
    return { value, error: why };
  }
  const wgs = bboxOf(converted).bbox;
  if (!overlaps(wgs, extent)) {
    const swapped: BBox = [box[1], box[0], box[3], box[2]];
    const at = { west: wgs[0].toFixed(4), east: wgs[2].toFixed(4), south: wgs[1].toFixed(4), north: wgs[3].toFixed(4) };
    const swappedAxes = crs.geographic && overlaps(swapped, extent) ? 1 : 0;
    return { value, error: reason('import_zone_outside', { ...at, swapped: swappedAxes, crs: crs.name }) };
  }
  return { geometry: converted };
}
