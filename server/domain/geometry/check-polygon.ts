/**
 * Structural checks on an imported polygon: rings with too few points, non-finite coordinates,
 * and unclosed rings (closed, with a warning). Returns a cleaned copy; never mutates its input.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

export interface GeometryIssue {
  severity: 'error' | 'warning';
  message: string;
}

export interface CheckedPolygon {
  geometry?: Polygon | MultiPolygon;
  issues: GeometryIssue[];
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
  const issues: GeometryIssue[] = [];
  const parts = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown[][];
  const cleaned: Position[][][] = [];
  parts.forEach((part, p) => {
    if (!Array.isArray(part) || part.length === 0) {
      issues.push({ severity: 'error', message: `polygon ${p + 1} has no rings` });
      return;
    }
    const rings: Position[][] = [];
    part.forEach((ring, r) => {
      const where = `${g.type === 'MultiPolygon' ? `polygon ${p + 1}, ` : ''}ring ${r + 1}`;
      const checked = checkRing(ring, where, issues);
      if (checked) rings.push(checked);
    });
    cleaned.push(rings);
  });
  if (issues.some((i) => i.severity === 'error')) return { issues };
  const out: Polygon | MultiPolygon =
    g.type === 'Polygon' ? { type: 'Polygon', coordinates: cleaned[0] ?? [] } : { type: 'MultiPolygon', coordinates: cleaned };
  return { geometry: out, issues };
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
    points.push([x, y]);
  }
  const first = points[0];
  const last = points[points.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) {
    points.push([first[0] as number, first[1] as number]);
    issues.push({ severity: 'warning', message: `${where} was not closed; closed it at ${first[0]}, ${first[1]}` });
  }
  if (points.length < 4) {
    issues.push({ severity: 'error', message: `${where} has ${ring.length} point(s); a ring needs at least 3 distinct points` });
    return undefined;
  }
  return points;
}
