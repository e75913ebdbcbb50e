/**
 * What lies in a drawn shape among the enterprises drawn on the map: counts by action and sector
 * group, and capacity by sector group (units differ between groups, so capacities are never
 * added across them). Containment is the shared prepared point-in-polygon of the server, so the
 * browser and any server-side check agree on every boundary case.
 */
import { PreparedPolygon } from '../../../server/domain/geometry/prepared-polygon.ts';
import type { MapData } from '../data/map-data.ts';
import type { Shape } from '../state/app-state.ts';
import { geodesicArea, shapePolygon, shapeRing } from './shape-geometry.ts';

export interface SelectionStats {
  count: number;
  areaM2: number;
  /** By action byte. */
  action: Uint32Array;
  /** By sector group byte. */
  group: Uint32Array;
  /** Sum of known capacities by sector group byte; NaN until the profile columns are loaded. */
  capacity: Float64Array;
  /** Point indices inside, in key order. */
  indices: Uint32Array;
}

export function selectionStats(data: MapData, visible: Float32Array | null, shape: Shape): SelectionStats {
  const polygon = new PreparedPolygon(shapePolygon(shape));
  const { points, profile } = data;
  const { position, action, group } = points;
  const capacity = profile?.columns.capacity ?? null;
  const stats: SelectionStats = {
    count: 0,
    areaM2: geodesicArea(shapeRing(shape)),
    action: new Uint32Array(256),
    group: new Uint32Array(256),
    capacity: new Float64Array(256).fill(capacity ? 0 : Number.NaN),
    indices: new Uint32Array(0),
  };
  const inside: number[] = [];
  const { minX, minY, maxX, maxY } = polygon;
  for (let i = 0; i < points.count; i++) {
    if (visible && visible[i] === 0) continue;
    const x = position[2 * i] as number;
    const y = position[2 * i + 1] as number;
    if (x < minX || x > maxX || y < minY || y > maxY || !polygon.contains(x, y)) continue;
    inside.push(i);
    const a = action[i] as number;
    const g = group[i] as number;
    stats.action[a] = (stats.action[a] as number) + 1;
    stats.group[g] = (stats.group[g] as number) + 1;
    if (capacity) {
      const c = capacity[i] as number;
      if (Number.isFinite(c)) stats.capacity[g] = (stats.capacity[g] as number) + c;
    }
  }
  stats.count = inside.length;
  stats.indices = Uint32Array.from(inside);
  return stats;
}
