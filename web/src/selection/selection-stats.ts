/**
 * What lies in a drawn shape among the enterprises drawn on the map: counts by action and sector
 * group, and capacity by sector group and quantity (units.ts): tonnes are added to tonnes after
 * converting 吨/年 to 万吨/年, never to metres or yuan; capacities in a unit outside the table are
 * counted, not added. Containment is the shared prepared point-in-polygon of the server, so the
 * browser and any server-side check agree on every boundary case.
 */
import { PreparedPolygon } from '../../../server/domain/geometry/prepared-polygon.ts';
import { QUANTITIES, TOTAL_UNIT, UNITS, type Unit, unitByCode } from '../../../server/domain/units.ts';
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
  /**
   * Sum of known capacities at [group byte × QUANTITIES.length + quantity index], in the quantity's
   * TOTAL_UNIT; NaN until the profile columns are loaded.
   */
  capacity: Float64Array;
  /** By sector group byte: plants whose capacity is in a unit outside the table, so not in a sum. */
  unitless: Uint32Array;
  /** Point indices inside, in key order. */
  indices: Uint32Array;
}

/** By unit byte: index into QUANTITIES (−1 for none) and the factor to that quantity's TOTAL_UNIT. */
const QUANTITY_OF_BYTE = new Int8Array(256).fill(-1);
const TO_TOTAL_OF_BYTE = new Float64Array(256);
UNITS.forEach((u, i) => {
  QUANTITY_OF_BYTE[i + 1] = QUANTITIES.indexOf(u.quantity);
  TO_TOTAL_OF_BYTE[i + 1] = u.factor / (unitByCode(TOTAL_UNIT[u.quantity]) as Unit).factor;
});

export function selectionStats(data: MapData, visible: Float32Array | null, shape: Shape): SelectionStats {
  const polygon = new PreparedPolygon(shapePolygon(shape));
  const { points, profile } = data;
  const { position, action, group } = points;
  const capacity = profile?.columns.capacity ?? null;
  const unit = profile?.columns.unit ?? null;
  const stats: SelectionStats = {
    count: 0,
    areaM2: geodesicArea(shapeRing(shape)),
    action: new Uint32Array(256),
    group: new Uint32Array(256),
    capacity: new Float64Array(256 * QUANTITIES.length).fill(capacity ? 0 : Number.NaN),
    unitless: new Uint32Array(256),
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
    if (capacity && unit) {
      const c = capacity[i] as number;
      if (!Number.isFinite(c)) continue;
      const u = unit[i] as number;
      const q = QUANTITY_OF_BYTE[u] as number;
      if (q < 0) stats.unitless[g] = (stats.unitless[g] as number) + 1;
      else {
        const slot = g * QUANTITIES.length + q;
        stats.capacity[slot] = (stats.capacity[slot] as number) + c * (TO_TOTAL_OF_BYTE[u] as number);
      }
    }
  }
  stats.count = inside.length;
  stats.indices = Uint32Array.from(inside);
  return stats;
}
