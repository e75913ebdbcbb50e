/**
 * Converts a zone's polygon to WGS84 and checks where it lands: source degrees within range, no
 * point lost in conversion, and the result near the jurisdiction — with a hint when the numbers
 * look like another CRS or swapped axes.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { bboxOf } from '../db/zone-store.ts';
import type { BBox } from '../domain/zone.ts';
import type { ResolvedCrs } from './crs.ts';
import { projectedHint } from './crs-hint.ts';

export interface PlacedZone {
  geometry?: Polygon | MultiPolygon;
  error?: string;
  /** The value to show with the error: the first point as read. */
  value?: string;
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
    const hint = projectedHint(x, y);
    return { value, error: `coordinates out of range for ${crs.name} degrees${hint ? ` (${hint})` : ''}` };
  }
  let converted: Polygon | MultiPolygon;
  try {
    converted = mapRings(source, ([px = 0, py = 0]) => {
      const out = crs.toWgs84(px, py);
      if (!Number.isFinite(out[0]) || !Number.isFinite(out[1])) throw new Error(`point ${px}, ${py} has no WGS84 position`);
      return out;
    });
  } catch (error) {
    return { value, error: `cannot convert to WGS84 from ${crs.name}: ${(error as Error).message}` };
  }
  const wgs = bboxOf(converted).bbox;
  if (!overlaps(wgs, extent)) {
    const swapped: BBox = [box[1], box[0], box[3], box[2]];
    const hint = crs.geographic && overlaps(swapped, extent) ? '; looks like lat/lon swapped' : '; check the CRS';
    const at = `${wgs[0].toFixed(4)}–${wgs[2].toFixed(4)}°E, ${wgs[1].toFixed(4)}–${wgs[3].toFixed(4)}°N`;
    return { value, error: `the polygon lies at ${at}, far outside the jurisdiction${hint} (read as ${crs.name})` };
  }
  return { geometry: converted };
}
