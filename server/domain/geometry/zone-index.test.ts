import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { PreparedPolygon } from './prepared-polygon.ts';
import { geodesicDistance } from './wgs84.ts';
import { ZoneIndex } from './zone-index.ts';

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

const within = (index: ZoneIndex, lon: number, lat: number, m: number) => {
  const out: [number, number][] = [];
  index.forEachWithin(lon, lat, m, (z, d) => out.push([z, d]));
  return out.sort((a, b) => a[0] - b[0]);
};

const containing = (index: ZoneIndex, lon: number, lat: number) => {
  const out: number[] = [];
  index.forEachContaining(lon, lat, (z) => out.push(z));
  return out.sort();
};

describe('ZoneIndex', () => {
  it('zero zones', () => {
    const index = new ZoneIndex([]);
    expect(containing(index, 110, 40)).toEqual([]);
    expect(within(index, 110, 40, 1000)).toEqual([]);
  });

  it('an enterprise in two overlapping zones hits both', () => {
    const index = new ZoneIndex([new PreparedPolygon(box(110, 40, 111, 41)), new PreparedPolygon(box(110.5, 40.5, 111.5, 41.5))]);
    expect(containing(index, 110.7, 40.7)).toEqual([0, 1]);
    expect(containing(index, 110.2, 40.2)).toEqual([0]);
  });

  it('firstContaining stops at a zone holding the point, and gives -1 where none does', () => {
    const index = new ZoneIndex([new PreparedPolygon(box(110, 40, 111, 41)), new PreparedPolygon(box(110.5, 40.5, 111.5, 41.5))]);
    expect([0, 1]).toContain(index.firstContaining(110.7, 40.7));
    expect(index.firstContaining(111.2, 41.2)).toBe(1);
    expect(index.firstContaining(111.2, 40.2)).toBe(-1);
    expect(index.firstContaining(100, 30)).toBe(-1);
    expect(new ZoneIndex([]).firstContaining(110, 40)).toBe(-1);
  });

  it('a point outside the grid finds nothing', () => {
    const index = new ZoneIndex([new PreparedPolygon(box(110, 40, 111, 41))]);
    expect(containing(index, 100, 30)).toEqual([]);
    expect(containing(index, 120, 50)).toEqual([]);
  });

  it('exactly at the distance limit is within; a metre more is not', () => {
    const index = new ZoneIndex([new PreparedPolygon(box(110, 40, 110.1, 40.1))]);
    const exact = geodesicDistance(110.05, 40.11, 110.05, 40.1);
    expect(within(index, 110.05, 40.11, exact)).toEqual([[0, exact]]);
    expect(within(index, 110.05, 40.11, exact - 1)).toEqual([]);
  });

  it('a band query near a large zone with a small one nearby', () => {
    const index = new ZoneIndex([new PreparedPolygon(box(100, 30, 120, 45)), new PreparedPolygon(box(121, 40, 121.01, 40.01))]);
    const hits = within(index, 121.02, 40.005, 1000);
    expect(hits.map(([z]) => z)).toEqual([1]);
    expect(hits[0]?.[1]).toBeGreaterThan(800);
  });

  it('agrees with testing every zone', () => {
    let seed = 3;
    const rand = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const polygons: PreparedPolygon[] = [];
    for (let i = 0; i < 300; i++) {
      const x = 105 + rand() * 15;
      const y = 37 + rand() * 10;
      const s = 0.02 + rand() * 0.3;
      polygons.push(new PreparedPolygon(box(x, y, x + s, y + s * 0.8)));
    }
    const index = new ZoneIndex(polygons);
    for (let k = 0; k < 5000; k++) {
      const lon = 104 + rand() * 17;
      const lat = 36 + rand() * 12;
      const expected = polygons.map((p, i) => (p.contains(lon, lat) ? i : -1)).filter((i) => i >= 0);
      expect(containing(index, lon, lat)).toEqual(expected);
    }
  });
});
