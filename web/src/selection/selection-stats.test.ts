import { describe, expect, it } from 'vitest';
import { allocateColumns, PROFILE_SCHEMA } from '../../../server/domain/column-payload.ts';
import type { Shape } from '../../../server/domain/geometry/shape.ts';
import { allocatePoints } from '../../../server/domain/point-payload.ts';
import { QUANTITIES, unitByte } from '../../../server/domain/units.ts';
import type { MapData } from '../data/map-data.ts';
import { selectionStats } from './selection-stats.ts';

/** Plants of one sector group with capacities in several units, all inside the selection. */
function sample(rows: { capacity: number; unit: string | null }[]): MapData {
  const { columns: points } = allocatePoints(rows.length);
  const profile = allocateColumns(PROFILE_SCHEMA, rows.length, 1, 0).set;
  rows.forEach((r, i) => {
    points.key[i] = i + 1;
    points.position[2 * i] = 110 + i * 0.01;
    points.position[2 * i + 1] = 40;
    points.group[i] = 0;
    profile.columns.capacity[i] = r.capacity;
    profile.columns.unit[i] = unitByte(r.unit);
  });
  return { points, profile, indicators: null, rules: null } as unknown as MapData;
}

const everywhere: Shape = { kind: 'rectangle', bbox: [100, 30, 120, 50] };

describe('selectionStats capacity', () => {
  it('adds tonnes to tonnes after converting, never to yuan, and counts plants in unknown units apart', () => {
    const stats = selectionStats(
      sample([
        { capacity: 300, unit: '万吨/年' },
        { capacity: 50_000, unit: '吨/年' },
        { capacity: 1_000, unit: '万元/年' },
        { capacity: 7, unit: '桶/日' },
        { capacity: 9, unit: null },
      ]),
      null,
      everywhere,
    );
    const at = (quantity: (typeof QUANTITIES)[number]) => stats.capacity[0 * QUANTITIES.length + QUANTITIES.indexOf(quantity)];
    expect(stats.count).toBe(5);
    expect(at('mass')).toBe(305);
    expect(at('value')).toBe(1_000);
    expect(at('length')).toBe(0);
    expect(stats.unitless[0]).toBe(2);
  });
});
