import { describe, expect, it } from 'vitest';
import { actionCode } from '../../../server/domain/actions.ts';
import { allocateColumns, PROFILE_SCHEMA } from '../../../server/domain/column-payload.ts';
import { allocatePoints } from '../../../server/domain/point-payload.ts';
import type { MapData } from '../data/map-data.ts';
import { selectionStats } from './selection-stats.ts';
import { geodesicLength, shapeRing } from './shape-geometry.ts';

function grid(): MapData {
  // Points at 110, 110.125 … 111.125 along latitude 40: steps float32 holds exactly, so edge cases stay edge cases.
  const { columns } = allocatePoints(10);
  const profile = allocateColumns(PROFILE_SCHEMA, 10, 1, 0).set;
  for (let i = 0; i < 10; i++) {
    columns.position[2 * i] = 110 + i / 8;
    columns.position[2 * i + 1] = 40;
    columns.action[i] = i % 2 ? actionCode('close') : 0;
    columns.group[i] = i < 5 ? 0 : 1;
    profile.columns.capacity[i] = i < 5 ? 100 : Number.NaN;
  }
  return { points: columns, profile, indicators: null, rules: null };
}

describe('selection statistics', () => {
  it('rectangle: counts by action and group, capacity within each group', () => {
    const s = selectionStats(grid(), null, { kind: 'rectangle', bbox: [109.95, 39.9, 110.8, 40.1] });
    expect(s.count).toBe(7);
    expect(s.action[actionCode('close')]).toBe(3);
    expect(s.group[0]).toBe(5);
    expect(s.capacity[0]).toBe(500);
    expect(s.capacity[1]).toBe(0);
    expect([...s.indices]).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('a point on the edge of the shape is inside', () => {
    const s = selectionStats(grid(), null, { kind: 'rectangle', bbox: [110.25, 39.9, 110.5, 40] });
    expect([...s.indices]).toEqual([2, 3, 4]);
  });

  it('only enterprises the filter draws', () => {
    const visible = new Float32Array(10).fill(1);
    visible[1] = 0;
    const s = selectionStats(grid(), visible, { kind: 'rectangle', bbox: [109, 39, 112, 41] });
    expect(s.count).toBe(9);
  });

  it('circle of a given radius: 12 km around 110.5 reaches the neighbours 10.7 km away, not 21 km', () => {
    const s = selectionStats(grid(), null, { kind: 'circle', centre: [110.5, 40], radiusM: 12000 });
    expect([...s.indices]).toEqual([3, 4, 5]);
    expect(s.areaM2 / 1e6 / (Math.PI * 144)).toBeCloseTo(1, 3);
  });

  it('zero enterprises', () => {
    const { columns } = allocatePoints(0);
    const s = selectionStats({ points: columns, profile: null, indicators: null, rules: null }, null, {
      kind: 'polygon',
      ring: [
        [0, 0],
        [1, 0],
        [0, 1],
      ],
    });
    expect(s.count).toBe(0);
    expect(Number.isNaN(s.capacity[0])).toBe(true);
  });
});

describe('geodesic measures', () => {
  it('one degree of longitude at latitude 40 is 85.4 km on WGS84', () => {
    expect(
      geodesicLength([
        [110, 40],
        [111, 40],
      ]) / 1000,
    ).toBeCloseTo(85.39, 1);
  });

  it('a circle ring is closed and every vertex lies at the radius', () => {
    const ring = shapeRing({ kind: 'circle', centre: [111, 40.9], radiusM: 1000 });
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    for (const v of ring) expect(geodesicLength([[111, 40.9], v])).toBeCloseTo(1000, 3);
  });
});
