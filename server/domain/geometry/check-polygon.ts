/**
 * Checks an imported polygon and returns a clean copy (never mutating its input):
 * - rings with too few points or non-finite coordinates are errors;
 * - unclosed rings are closed, repeated consecutive points dropped, with a warning for the first;
 * - rings that touch themselves at a point are valid and pass unchanged;
 * - rings that cross themselves or each other are repaired (a warning says where) or, when the
 *   repair leaves nothing, rejected with the place they cross;
 * - rings are wound as RFC 7946 asks (shells counter-clockwise).
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { inEnglish, type Params, type ReasonKey, reason } from '../reasons.ts';
import { type Crossing, findCrossings } from './find-crossings.ts';
import { repairPolygon } from './repair-polygon.ts';
import { rewindRings } from './rewind.ts';

export interface GeometryIssue {
  severity: 'error' | 'warning';
  /** What is wrong, as a reason an import reports; `message` is its English wording. */
  reason: { key: ReasonKey; params: Params };
  message: string;
}

const issue = (severity: GeometryIssue['severity'], key: ReasonKey, params: Params = {}): GeometryIssue => {
  const r = reason(key, params);
  return { severity, reason: r, message: inEnglish(r) };
};

export interface CheckedPolygon {
  geometry?: Polygon | MultiPolygon;
  issues: GeometryIssue[];
}

const round = (v: number) => (Math.abs(v) >= 1000 ? v.toFixed(2) : String(Math.round(v * 1e7) / 1e7));

/** The first crossing and how many more, as parameters: a_polygon (0 for a Polygon), a_ring, a_edge, b_…, along, x, y, more. */
function crossingParams(c: Crossing, multi: boolean, count: number): Params {
  const side = (s: 'a' | 'b', r: Crossing['a']) => ({
    [`${s}_polygon`]: multi ? r.part + 1 : 0,
    [`${s}_ring`]: r.ring + 1,
    [`${s}_edge`]: r.edge + 1,
  });
  return {
    ...side('a', c.a),
    ...side('b', c.b),
    along: c.kind === 'cross' ? 0 : 1,
    x: round(c.at[0]),
    y: round(c.at[1]),
    more: count > 1 ? (count >= 10 ? 9 : count - 1) : 0,
    more_at_least: count >= 10 ? 1 : 0,
  };
}

/** Where a ring is, as parameters: polygon (0 for a Polygon) and ring, both from 1. */
type RingAt = { polygon: number; ring: number };

export function checkPolygon(geometry: unknown): CheckedPolygon {
  const g = geometry as { type?: string; coordinates?: unknown } | null;
  if (!g) return { issues: [issue('error', 'import_no_geometry')] };
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
    return { issues: [issue('error', 'geometry_not_polygon', { type: String(g.type), allowed: 'Polygon, MultiPolygon' })] };
  }
  if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) {
    return { issues: [issue('error', 'geometry_empty', { type: g.type })] };
  }
  const multi = g.type === 'MultiPolygon';
  const issues: GeometryIssue[] = [];
  const parts = (multi ? g.coordinates : [g.coordinates]) as unknown[][];
  const cleaned: Position[][][] = [];
  parts.forEach((part, p) => {
    if (!Array.isArray(part) || part.length === 0) {
      issues.push(issue('error', 'geometry_no_rings', { polygon: p + 1 }));
      return;
    }
    const rings: Position[][] = [];
    part.forEach((ring, r) => {
      const where = { polygon: multi ? p + 1 : 0, ring: r + 1 };
      const checked = checkRing(ring, where, issues);
      if (checked) rings.push(checked);
    });
    cleaned.push(rings);
  });
  if (issues.some((i) => i.severity === 'error')) return { issues };

  let out: Polygon | MultiPolygon = multi
    ? { type: 'MultiPolygon', coordinates: cleaned }
    : { type: 'Polygon', coordinates: cleaned[0] ?? [] };
  const crossings = findCrossings(cleaned);
  if (crossings.length > 0) {
    const first = crossingParams(crossings[0] as Crossing, multi, crossings.length);
    const repaired = repairPolygon(out);
    if (!repaired) return { issues: [...issues, issue('error', 'geometry_self_intersecting', first)] };
    const pieces = repaired.type === 'MultiPolygon' ? repaired.coordinates.length : 1;
    issues.push(issue('warning', 'geometry_self_intersecting_repaired', { ...first, pieces }));
    out = repaired;
  }
  return {
    geometry:
      out.type === 'Polygon'
        ? { type: 'Polygon', coordinates: rewindRings(out.coordinates) }
        : { type: 'MultiPolygon', coordinates: out.coordinates.map(rewindRings) },
    issues,
  };
}

function checkRing(ring: unknown, where: RingAt, issues: GeometryIssue[]): Position[] | undefined {
  if (!Array.isArray(ring)) {
    issues.push(issue('error', 'geometry_ring_not_array', where));
    return undefined;
  }
  const points: Position[] = [];
  for (const [i, pos] of ring.entries()) {
    const x = Array.isArray(pos) ? pos[0] : undefined;
    const y = Array.isArray(pos) ? pos[1] : undefined;
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
      issues.push(issue('error', 'geometry_point_not_finite', { ...where, point: i + 1, value: String(JSON.stringify(pos)) }));
      return undefined;
    }
    const last = points[points.length - 1];
    // A point repeated straight after itself adds a zero-length edge and nothing else.
    if (last && last[0] === x && last[1] === y) continue;
    points.push([x, y]);
  }
  const first = points[0];
  const last = points[points.length - 1];
  if (points.length > 1 && first && last && (first[0] !== last[0] || first[1] !== last[1])) {
    points.push([first[0] as number, first[1] as number]);
    issues.push(issue('warning', 'geometry_ring_unclosed', { ...where, x: first[0] as number, y: first[1] as number }));
  }
  if (points.length < 4) {
    issues.push(issue('error', 'geometry_ring_too_few', { ...where, points: ring.length, distinct: Math.max(points.length - 1, 0) }));
    return undefined;
  }
  return points;
}
