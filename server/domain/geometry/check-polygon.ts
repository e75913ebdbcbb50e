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
import { type Crossing, findCrossings } from './find-crossings.ts';
import { repairPolygon } from './repair-polygon.ts';
import { rewindRings } from './rewind.ts';

export interface GeometryIssue {
  severity: 'error' | 'warning';
  message: string;
}

export interface CheckedPolygon {
  geometry?: Polygon | MultiPolygon;
  issues: GeometryIssue[];
}

const round = (v: number) => (Math.abs(v) >= 1000 ? v.toFixed(2) : String(Math.round(v * 1e7) / 1e7));

function describeCrossing(c: Crossing, multi: boolean): string {
  const where = (r: Crossing['a']) => `${multi ? `polygon ${r.part + 1} ` : ''}ring ${r.ring + 1} edge ${r.edge + 1}`;
  const verb = c.kind === 'cross' ? 'crosses' : 'runs along';
  return `${where(c.a)} ${verb} ${where(c.b)} at ${round(c.at[0])}, ${round(c.at[1])}`;
}

export function checkPolygon(geometry: unknown): CheckedPolygon {
  const g = geometry as { type?: string; coordinates?: unknown } | null;
  if (!g) return { issues: [{ severity: 'error', message: 'feature has no geometry' }] };
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
    return { issues: [{ severity: 'error', message: `zones must be Polygon or MultiPolygon, found ${String(g.type)}` }] };
  }
  if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) {
    return { issues: [{ severity: 'error', message: `empty ${g.type}` }] };
  }
  const multi = g.type === 'MultiPolygon';
  const issues: GeometryIssue[] = [];
  const parts = (multi ? g.coordinates : [g.coordinates]) as unknown[][];
  const cleaned: Position[][][] = [];
  parts.forEach((part, p) => {
    if (!Array.isArray(part) || part.length === 0) {
      issues.push({ severity: 'error', message: `polygon ${p + 1} has no rings` });
      return;
    }
    const rings: Position[][] = [];
    part.forEach((ring, r) => {
      const where = `${multi ? `polygon ${p + 1}, ` : ''}ring ${r + 1}`;
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
    const first = describeCrossing(crossings[0] as Crossing, multi);
    const more = crossings.length > 1 ? ` (and ${crossings.length >= 10 ? 'at least 9' : crossings.length - 1} more place(s))` : '';
    const repaired = repairPolygon(out);
    if (!repaired) {
      return {
        issues: [...issues, { severity: 'error', message: `self-intersecting polygon: ${first}${more}; it could not be repaired` }],
      };
    }
    const pieces = repaired.type === 'MultiPolygon' ? repaired.coordinates.length : 1;
    issues.push({
      severity: 'warning',
      message: `self-intersecting polygon: ${first}${more}; repaired into ${pieces} polygon${pieces === 1 ? '' : 's'}`,
    });
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

function checkRing(ring: unknown, where: string, issues: GeometryIssue[]): Position[] | undefined {
  if (!Array.isArray(ring)) {
    issues.push({ severity: 'error', message: `${where} is not an array of positions` });
    return undefined;
  }
  const points: Position[] = [];
  for (const [i, pos] of ring.entries()) {
    const x = Array.isArray(pos) ? pos[0] : undefined;
    const y = Array.isArray(pos) ? pos[1] : undefined;
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
      issues.push({ severity: 'error', message: `${where}, point ${i + 1} is not a pair of finite numbers: ${JSON.stringify(pos)}` });
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
    issues.push({ severity: 'warning', message: `${where} was not closed; closed it at ${first[0]}, ${first[1]}` });
  }
  if (points.length < 4) {
    issues.push({
      severity: 'error',
      message: `${where} has ${ring.length} point(s) but only ${Math.max(points.length - 1, 0)} distinct; a ring needs at least 3`,
    });
    return undefined;
  }
  return points;
}
