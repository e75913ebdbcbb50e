import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { PreparedPolygon } from '../geometry/prepared-polygon.ts';
import { areaGrid } from './area-grid.ts';
import { sitePoint } from './site-point.ts';

const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [110, 40],
      [110.1, 40],
      [110.1, 40.1],
      [110, 40.1],
      [110, 40],
    ],
  ],
};

/** A C shape open to the east: its centroid lies in the bay, outside the polygon. */
const crescent: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [110, 40],
      [110.1, 40],
      [110.1, 40.02],
      [110.02, 40.02],
      [110.02, 40.08],
      [110.1, 40.08],
      [110.1, 40.1],
      [110, 40.1],
      [110, 40],
    ],
  ],
};

const inside = (g: Polygon | MultiPolygon, p: { lon: number; lat: number }) => new PreparedPolygon(g).contains(p.lon, p.lat);

describe('sitePoint', () => {
  it('a convex park: its centroid', () => {
    expect(sitePoint(square)).toEqual({ lon: 110.05, lat: 40.05 });
  });
  it('a crescent whose centroid falls in the bay: a point on the surface instead', () => {
    const p = sitePoint(crescent);
    expect(inside(crescent, p)).toBe(true);
  });
  it('a multi-part park whose centroid falls between its parts', () => {
    const far = square.coordinates[0]?.map(([x, y]) => [(x as number) + 1, y as number]) ?? [];
    const two: MultiPolygon = { type: 'MultiPolygon', coordinates: [square.coordinates, [far]] };
    expect(inside(two, sitePoint(two))).toBe(true);
  });
  it('a park with a hole in the middle', () => {
    const hole = [
      [110.03, 40.03],
      [110.03, 40.07],
      [110.07, 40.07],
      [110.07, 40.03],
      [110.03, 40.03],
    ];
    const ring: Polygon = { type: 'Polygon', coordinates: [square.coordinates[0] ?? [], hole] };
    expect(inside(ring, sitePoint(ring))).toBe(true);
  });
});

describe('areaGrid', () => {
  it('at most 200 points, all inside, spread over the area', () => {
    const points = areaGrid(square);
    expect(points.length).toBeGreaterThan(100);
    expect(points.length).toBeLessThanOrEqual(200);
    expect(points.every((p) => inside(square, p))).toBe(true);
  });
  it('a crescent: no point in the bay', () => {
    const points = areaGrid(crescent, 50);
    expect(points.length).toBeGreaterThan(10);
    expect(points.length).toBeLessThanOrEqual(50);
    expect(points.every((p) => inside(crescent, p))).toBe(true);
  });
  it('the same polygon gives the same points', () => {
    expect(areaGrid(crescent, 30)).toEqual(areaGrid(crescent, 30));
  });
  it('a degenerate area (zero width) gives none', () => {
    const line: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [110, 40],
          [110, 40.1],
          [110, 40],
          [110, 40],
        ],
      ],
    };
    expect(areaGrid(line)).toEqual([]);
  });
  it('refuses a max that is not a positive integer, naming it', () => {
    expect(() => areaGrid(square, 0)).toThrow('Unexpected max value: 0.');
  });
});
