/**
 * Turns a record's coordinates into a WGS84 point and checks it: numbers present, in range, not
 * with latitude and longitude swapped, and inside the jurisdiction (its real outline, not a box).
 */
import { reason } from '../domain/reasons.ts';
import type { BBox } from '../domain/zone.ts';
import { projectedHint } from './crs-hint.ts';
import type { Jurisdiction } from './jurisdiction.ts';
import { type Problem, problem } from './problems.ts';
import type { RawRecord } from './readers/record.ts';
import { isBlank, parseNumber } from './values.ts';

/** Source coordinates → WGS84 [lon, lat]. */
export type ToWgs84 = (x: number, y: number) => [number, number];

export interface LocationContext {
  toWgs84: ToWgs84;
  /** True when source coordinates are degrees (so range and swap checks apply before transform). */
  geographic: boolean;
  /** Where enterprises may be: the loaded regions, or China's outline when none are loaded. */
  jurisdiction: Jurisdiction;
  /** A box around the jurisdiction, for zones, which only have to overlap it. */
  extent: BBox;
  regionAt?: (lon: number, lat: number) => string | null;
}

/**
 * China's outline with its tolerance, boxed and rounded out: from Xinjiang's west to Heilongjiang's
 * east, from Zengmu Ansha (3.8°N, governed by Sansha) to Mohe. Zones must overlap it when no
 * regions are loaded.
 */
export const CHINA_EXTENT: BBox = [73.3, 3.7, 135.3, 53.7];

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
    if (!g) return fail(problem(row, 'geometry', null, reason('import_no_geometry')));
    if (g.type !== 'Point') return fail(problem(row, 'geometry', g.type, reason('import_not_point', { type: g.type, expected: 'Point' })));
    [x, y] = g.coordinates as [number, number];
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
      return fail(problem(row, 'geometry', JSON.stringify(g.coordinates), reason('import_point_not_numbers')));
    }
  } else {
    x = isBlank(lonValue) ? undefined : parseNumber(lonValue);
    y = isBlank(latValue) ? undefined : parseNumber(latValue);
    if (x === undefined || y === undefined) {
      const errors: Problem[] = [];
      if (x === undefined)
        errors.push(problem(row, lonField, lonValue ?? null, reason(isBlank(lonValue) ? 'import_missing_lon' : 'import_lon_not_number')));
      if (y === undefined)
        errors.push(problem(row, latField, latValue ?? null, reason(isBlank(latValue) ? 'import_missing_lat' : 'import_lat_not_number')));
      return { errors, warnings: NONE };
    }
  }

  // The field and value shown with a problem; built only when there is one.
  const field = () => (fromGeometry ? 'geometry' : `${lonField}/${latField}`);
  const shown = () => `${x}, ${y}`;
  // Whether the source point is in the jurisdiction, when the CRS is degrees: a point outside it
  // may have latitude and longitude swapped, which the swapped point fitting shows.
  let sourceInside: boolean | undefined;
  if (ctx.geographic) {
    if (Math.abs(x) > 180 || Math.abs(y) > 90) {
      const hint = ctx.jurisdiction.covers(y, x) ? { hint: 'swapped' } : projectedHint(x, y);
      return fail(problem(row, field(), shown(), reason('import_out_of_range', hint)));
    }
    sourceInside = ctx.jurisdiction.covers(x, y);
    if (!sourceInside && ctx.jurisdiction.covers(y, x)) {
      return fail(problem(row, field(), shown(), reason('import_point_swapped')));
    }
  }
  let lonLat: [number, number];
  try {
    lonLat = ctx.toWgs84(x, y);
  } catch (error) {
    return fail(problem(row, field(), shown(), reason('import_wgs84_failed', { detail: (error as Error).message })));
  }
  const [lon, lat] = lonLat;
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) {
    return fail(problem(row, field(), shown(), reason('import_wgs84_not_finite')));
  }
  // WGS84 and CGCS2000 come back unchanged: the test above already answered for this point.
  const inside = sourceInside !== undefined && lon === x && lat === y ? sourceInside : ctx.jurisdiction.covers(lon, lat);
  if (!inside) {
    return fail(problem(row, field(), shown(), ctx.jurisdiction.outsideReason(lon, lat)));
  }
  return { lonLat, errors: NONE, warnings: NONE };
}
