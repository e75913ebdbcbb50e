import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { EdgeIndex } from './edge-index.ts';
import { distanceToPolygon } from './polygon-distance.ts';
import { PreparedPolygon } from './prepared-polygon.ts';
import { geodesicDistance } from './wgs84.ts';

const prepare = (g: Polygon) => new EdgeIndex(new PreparedPolygon(g));
const box = (w: number, s: number, e: number, n: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});

/**
 * The exact answer by brute force: along every edge (straight in lon/lat), minimise the true
 * geodesic distance by golden-section search on a fine bracket.
 */
function bruteForce(rings: Position[][], lon: number, lat: number): number {
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [ax, ay] = ring[i] as [number, number];
      const [bx, by] = ring[i + 1] as [number, number];
      const f = (t: number) => geodesicDistance(lon, lat, ax + t * (bx - ax), ay + t * (by - ay));
      // Coarse scan, then golden section around the best sample.
      let bestT = 0;
      let bestD = Infinity;
      for (let k = 0; k <= 64; k++) {
        const d = f(k / 64);
        if (d < bestD) {
          bestD = d;
          bestT = k / 64;
        }
      }
      let lo = Math.max(0, bestT - 1 / 64);
      let hi = Math.min(1, bestT + 1 / 64);
      const g = (Math.sqrt(5) - 1) / 2;
      for (let k = 0; k < 60; k++) {
        const m1 = hi - g * (hi - lo);
        const m2 = lo + g * (hi - lo);
        if (f(m1) < f(m2)) hi = m2;
        else lo = m1;
      }
      best = Math.min(best, bestD, f((lo + hi) / 2));
    }
  }
  return best;
}

describe('distanceToPolygon', () => {
  const square = box(110, 40, 110.1, 40.1);

  it('is 0 inside', () => expect(distanceToPolygon(prepare(square), 110.05, 40.05)).toBe(0));
  it('is 0 on a vertex', () => expect(distanceToPolygon(prepare(square), 110, 40)).toBe(0));
  it('is 0 on an edge', () => expect(distanceToPolygon(prepare(square), 110.05, 40.1)).toBe(0));

  it('due north of an edge equals the geodesic along the meridian', () => {
    const d = distanceToPolygon(prepare(square), 110.05, 40.11);
    expect(d).toBeCloseTo(geodesicDistance(110.05, 40.11, 110.05, 40.1), 6);
    expect(d).toBeGreaterThan(1100);
    expect(d).toBeLessThan(1120);
  });

  it('beyond a corner is the distance to the corner', () => {
    const d = distanceToPolygon(prepare(square), 110.11, 40.11);
    expect(d).toBeCloseTo(geodesicDistance(110.11, 40.11, 110.1, 40.1), 3);
  });

  it('in a hole is the distance to the hole boundary', () => {
    const withHole: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [110, 40],
          [111, 40],
          [111, 41],
          [110, 41],
          [110, 40],
        ],
        [
          [110.4, 40.4],
          [110.6, 40.4],
          [110.6, 40.6],
          [110.4, 40.6],
          [110.4, 40.4],
        ],
      ],
    };
    const d = distanceToPolygon(prepare(withHole), 110.5, 40.55);
    expect(d).toBeCloseTo(geodesicDistance(110.5, 40.55, 110.5, 40.6), 3);
  });

  it('answers Infinity beyond the search limit', () => {
    expect(distanceToPolygon(prepare(square), 110.05, 40.2, 1000)).toBe(Infinity);
  });

  it('follows a long edge that is straight in lon/lat, not a great circle', () => {
    // A 10° east-west edge at 45°N: the lon/lat-straight edge stays on the parallel, while the
    // great circle between its ends bulges ~110 km north at the middle.
    const strip = box(100, 44, 110, 45);
    const d = distanceToPolygon(prepare(strip), 105, 45.001);
    expect(d).toBeCloseTo(geodesicDistance(105, 45.001, 105, 45), 3);
  });

  it('agrees with brute-force geodesic minimisation within 0.5 % or 1 m', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    // An irregular 60-vertex ring around Baotou, and points from 10 m to 50 km away.
    const ring: Position[] = [];
    for (let i = 0; i < 60; i++) {
      const a = (2 * Math.PI * i) / 60;
      const r = 0.15 + 0.1 * rand();
      ring.push([109.8 + r * Math.cos(a) * 1.3, 40.6 + r * Math.sin(a)]);
    }
    ring.push(ring[0] as Position);
    const index = prepare({ type: 'Polygon', coordinates: [ring] });
    let checked = 0;
    for (let k = 0; k < 400; k++) {
      const lon = 109.8 + (rand() - 0.5) * 1.4;
      const lat = 40.6 + (rand() - 0.5) * 1.0;
      const d = distanceToPolygon(index, lon, lat);
      if (d === 0) continue;
      const exact = bruteForce([ring], lon, lat);
      expect(Math.abs(d - exact), `at ${lon},${lat}: ${d} vs ${exact}`).toBeLessThanOrEqual(Math.max(1, exact * 0.005));
      checked++;
    }
    expect(checked).toBeGreaterThan(150);
  });
});
