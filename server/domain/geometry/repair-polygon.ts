/**
 * Repairs a polygon whose rings cross themselves or each other by running it through a polygon
 * union (polyclip-ts, Martinez–Rueda sweep): a figure-eight comes out as two polygons, a hole
 * poking through its shell as a notch. Returns undefined when nothing with area is left.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { union } from 'polyclip-ts';

type Ring = [number, number][];

export function repairPolygon(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon | undefined {
  const parts = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates).map((part) =>
    part.map((ring) => ring.map(([x = 0, y = 0]) => [x, y]) as Ring),
  );
  let result: Ring[][];
  try {
    const [first, ...rest] = parts;
    if (!first) return undefined;
    result = union(first, ...rest) as Ring[][];
  } catch {
    return undefined;
  }
  if (result.length === 0) return undefined;
  const coordinates = result.map((part) => part.map((ring) => ring.map((p) => [p[0], p[1]] as Position)));
  return coordinates.length === 1
    ? { type: 'Polygon', coordinates: coordinates[0] as Position[][] }
    : { type: 'MultiPolygon', coordinates };
}
