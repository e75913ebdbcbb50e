/**
 * Turns a record's coordinates into a WGS84 point and checks it: numbers present, in range, not
 * with latitude and longitude swapped, and inside the jurisdiction.
 */
import type { BBox } from '../domain/zone.ts';
import { projectedHint } from './crs-hint.ts';
import { type Problem, problem } from './problems.ts';
import type { RawRecord } from './readers/record.ts';
import { isBlank, parseNumber } from './values.ts';

/** Source coordinates → WGS84 [lon, lat]. */
export type ToWgs84 = (x: number, y: number) => [number, number];

export interface LocationContext {
  toWgs84: ToWgs84;
  /** True when source coordinates are degrees (so range and swap checks apply before transform). */
  geographic: boolean;
  /** Where enterprises may be: the loaded regions' extent, or China's. */
  extent: BBox;
  regionAt?: (lon: number, lat: number) => string | null;
}

/** Mainland China and its coastal waters, used when no regions are loaded. */
export const CHINA_EXTENT: BBox = [73.4, 18.1, 135.1, 53.6];

const inside = ([w, s, e, n]: BBox, lon: number, lat: number) => lon >= w && lon <= e && lat >= s && lat <= n;

export interface LocationResult {
  lonLat?: [number, number];
  errors: readonly Problem[];
  warnings: readonly Problem[];
}

const NONE: readonly Problem[] = Object.freeze([]);

const fail = (p: Problem): LocationResult => ({ errors: [p], warnings: NONE });

export function checkLocation(
  raw: RawRecord,
  lonValue: unknown,
  latValue: unknown,
  lonField: string,
  latField: string,
  ctx: LocationContext,
): LocationResult {
  const { row } = raw;
  let x: number | undefined;
  let y: number | undefined;
  let fromGeometry = false;

  if (raw.geometry !== undefined && isBlank(lonValue) && isBlank(latValue)) {
    fromGeometry = true;
    const g = raw.geometry;
    if (!g) return fail(problem(row, 'geometry', null, 'feature has no geometry'));
    if (g.type !== 'Point') return fail(problem(row, 'geometry', g.type, 'enterprises must be Point features'));
    [x, y] = g.coordinates as [number, number];
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
      return fail(problem(row, 'geometry', JSON.stringify(g.coordinates), 'point coordinates must be two numbers'));
    }
  } else {
    x = isBlank(lonValue) ? undefined : parseNumber(lonValue);
    y = isBlank(latValue) ? undefined : parseNumber(latValue);
    if (x === undefined || y === undefined) {
      const errors: Problem[] = [];
      if (x === undefined)
        errors.push(problem(row, lonField, lonValue ?? null, isBlank(lonValue) ? 'missing longitude' : 'longitude is not a number'));
      if (y === undefined)
        errors.push(problem(row, latField, latValue ?? null, isBlank(latValue) ? 'missing latitude' : 'latitude is not a number'));
      return { errors, warnings: NONE };
    }
  }

  // The field and value shown with a problem; built only when there is one.
  const field = () => (fromGeometry ? 'geometry' : `${lonField}/${latField}`);
  const shown = () => `${x}, ${y}`;
  if (ctx.geographic) {
    const outOfRange = Math.abs(x) > 180 || Math.abs(y) > 90;
    if (outOfRange || !inside(ctx.extent, x, y)) {
      const swappedFits = inside(ctx.extent, y, x);
      if (outOfRange) {
        const projected = projectedHint(x, y);
        const hint = swappedFits ? ' (looks like lat/lon swapped)' : projected ? ` (${projected})` : '';
        return fail(
          problem(row, field(), shown(), `coordinates out of range: longitude must be within ±180 and latitude within ±90${hint}`),
        );
      }
      if (swappedFits) return fail(problem(row, field(), shown(), 'point lies outside the jurisdiction; looks like lat/lon swapped'));
    }
  }
  let lonLat: [number, number];
  try {
    lonLat = ctx.toWgs84(x, y);
  } catch (error) {
    return fail(problem(row, field(), shown(), `cannot convert to WGS84: ${(error as Error).message}`));
  }
  if (!Number.isFinite(lonLat[0]) || !Number.isFinite(lonLat[1])) {
    return fail(problem(row, field(), shown(), 'conversion to WGS84 gave no finite point; check the CRS'));
  }
  if (!inside(ctx.extent, lonLat[0], lonLat[1])) {
    const [w, s, e, n] = ctx.extent.map((v) => Math.round(v * 10) / 10);
    return fail(
      problem(
        row,
        field(),
        shown(),
        `point ${lonLat[0].toFixed(5)}, ${lonLat[1].toFixed(5)} lies far outside the jurisdiction (${w}–${e}°E, ${s}–${n}°N); check the CRS`,
      ),
    );
  }
  return { lonLat, errors: NONE, warnings: NONE };
}
