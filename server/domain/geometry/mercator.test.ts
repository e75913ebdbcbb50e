import { describe, expect, it } from 'vitest';
import { containsBox, expandBox, intersectBoxes, latToY, lonToX, mercatorPoints, xToLon, yToLat } from './mercator.ts';

describe('mercator', () => {
  it('round-trips longitude and latitude', () => {
    for (const [lon, lat] of [
      [118.18, 39.63],
      [-180, 0],
      [0, -60],
    ] as const) {
      expect(xToLon(lonToX(lon))).toBeCloseTo(lon, 9);
      expect(yToLat(latToY(lat))).toBeCloseTo(lat, 9);
    }
  });

  it('puts the equator mid-world and clamps the poles to its square edges', () => {
    expect(latToY(0)).toBe(0.5);
    expect(latToY(90)).toBeCloseTo(0, 12);
    expect(latToY(-90)).toBeCloseTo(1, 12);
  });

  it('gives the extent of the points as stored, and none for zero points', () => {
    const m = mercatorPoints(new Float32Array([110, 40, 120, 35]), 2);
    expect(m.extent).toEqual({ minX: m.xy[0], minY: m.xy[1], maxX: m.xy[2], maxY: m.xy[3] });
    expect(mercatorPoints(new Float32Array(0), 0).extent).toBeNull();
  });

  it('intersects, contains and expands boxes, touching edges included', () => {
    const a = { minX: 0, minY: 0, maxX: 2, maxY: 2 };
    expect(intersectBoxes(a, { minX: 2, minY: 1, maxX: 3, maxY: 3 })).toEqual({ minX: 2, minY: 1, maxX: 2, maxY: 2 });
    expect(intersectBoxes(a, { minX: 2.1, minY: 0, maxX: 3, maxY: 1 })).toBeNull();
    expect(containsBox(a, a)).toBe(true);
    expect(expandBox(a, 0.25)).toEqual({ minX: -0.5, minY: -0.5, maxX: 2.5, maxY: 2.5 });
  });
});
