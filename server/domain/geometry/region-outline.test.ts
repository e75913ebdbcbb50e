import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { type OutlineRegion, RegionOutline } from './region-outline.ts';
import { geodesicDistance } from './wgs84.ts';

const ring = (w: number, s: number, e: number, n: number): Position[] => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
];
const box = (w: number, s: number, e: number, n: number): Polygon => ({ type: 'Polygon', coordinates: [ring(w, s, e, n)] });
const region = (code: string, geometry: Polygon): OutlineRegion => ({ code, name: `region ${code}`, name_en: null, geometry });

describe('RegionOutline', () => {
  it('zero regions: nothing is covered and nothing is nearest', () => {
    const outline = new RegionOutline([], 10_000);
    expect(outline.covers(110, 40)).toBe(false);
    expect(outline.nearest(110, 40)).toBeNull();
  });

  it('a point on a vertex or on an edge is inside, with no tolerance at all', () => {
    const outline = new RegionOutline([region('1', box(110, 40, 111, 41))], 0);
    expect(outline.near(110, 40)?.code).toBe('1');
    expect(outline.covers(110.5, 41)).toBe(true);
    expect(outline.covers(110.5, 41.000001)).toBe(false);
  });

  it('exactly at the tolerance is covered; a metre beyond is not', () => {
    const tolerance = geodesicDistance(110.5, 41.1, 110.5, 41);
    const outline = new RegionOutline([region('1', box(110, 40, 111, 41))], tolerance);
    expect(outline.covers(110.5, 41.1)).toBe(true);
    const shorter = new RegionOutline([region('1', box(110, 40, 111, 41))], tolerance - 1);
    expect(shorter.covers(110.5, 41.1)).toBe(false);
    expect(shorter.nearest(110.5, 41.1)?.metres).toBeCloseTo(tolerance, 3);
  });

  it('in a hole: refused beyond the tolerance of its ring, measured to that ring', () => {
    const holed: Polygon = { type: 'Polygon', coordinates: [ring(110, 40, 112, 42), ring(110.5, 40.5, 111.5, 41.5)] };
    const outline = new RegionOutline([region('1', holed)], 10_000);
    expect(outline.covers(111, 41)).toBe(false);
    // The hole's east and west edges are 0.5° of longitude away (42 km), nearer than its north and south.
    const toEastEdge = geodesicDistance(111, 41, 111.5, 41);
    expect(Math.abs((outline.nearest(111, 41)?.metres ?? 0) - toEastEdge)).toBeLessThan(toEastEdge * 0.005);
    // 5.6 km inside the hole, from its northern edge.
    expect(outline.covers(111, 41.45)).toBe(true);
  });

  it('a self-touching ring covers both its lobes and not the notch between them', () => {
    // Two squares meeting at (111, 41), walked as one ring.
    const bowtie: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [110, 40],
          [111, 40],
          [111, 41],
          [112, 41],
          [112, 42],
          [111, 42],
          [111, 41],
          [110, 41],
          [110, 40],
        ],
      ],
    };
    const outline = new RegionOutline([region('1', bowtie)], 0);
    expect(outline.covers(110.5, 40.5)).toBe(true);
    expect(outline.covers(111.5, 41.5)).toBe(true);
    expect(outline.covers(111.5, 40.5)).toBe(false);
    expect(outline.covers(111, 41)).toBe(true);
  });

  it('a point inside a region is 0 m from it', () => {
    const outline = new RegionOutline([region('1', box(110, 40, 111, 41)), region('2', box(112, 40, 113, 41))], 0);
    expect(outline.nearest(112.5, 40.5)).toEqual({ region: expect.objectContaining({ code: '2' }), metres: 0 });
  });

  it('names the nearer of two regions and the geodesic distance to it', () => {
    const outline = new RegionOutline([region('west', box(110, 40, 111, 41)), region('east', box(112, 40, 113, 41))], 10_000);
    const nearest = outline.nearest(111.6, 40.5);
    expect(nearest?.region.code).toBe('east');
    expect(nearest?.metres).toBeCloseTo(geodesicDistance(111.6, 40.5, 112, 40.5), 3);
  });

  it('on a corner a prefecture shares with its province, names the prefecture', () => {
    const outline = new RegionOutline([region('province', box(110, 40, 112, 42)), region('prefecture', box(110, 40, 111, 41))], 0);
    const nearest = outline.nearest(109.5, 39.5);
    expect(nearest?.region.code).toBe('prefecture');
    expect(nearest?.metres).toBe(geodesicDistance(109.5, 39.5, 110, 40));
  });

  it('nearest in metres, not in degrees: a degree of longitude is half as long at 60°N', () => {
    // North of the point by 1.5° (167 km); east of it by 1.8° (100 km). In degrees the first is nearer.
    const outline = new RegionOutline([region('north', box(-0.1, 61.5, 0.1, 61.6)), region('east', box(1.8, 59.9, 1.9, 60.1))], 0);
    const nearest = outline.nearest(0, 60);
    expect(nearest?.region.code).toBe('east');
    expect(nearest?.metres).toBeCloseTo(geodesicDistance(0, 60, 1.8, 60), -1);
  });

  it('a point far from every region still finds the nearest, across half the globe', () => {
    const outline = new RegionOutline([region('1', box(110, 40, 111, 41))], 10_000);
    const nearest = outline.nearest(-70, -40);
    expect(nearest?.region.code).toBe('1');
    expect(nearest?.metres).toBeGreaterThan(15_000_000);
  });

  it('refuses a negative tolerance, naming it', () => {
    expect(() => new RegionOutline([], -1)).toThrow('Tolerance must be zero or more metres, got -1.');
  });
});
