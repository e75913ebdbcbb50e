import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { checkPolygon } from './check-polygon.ts';
import { signedArea2 } from './rewind.ts';

const poly = (...rings: number[][][]): Polygon => ({ type: 'Polygon', coordinates: rings });

describe('checkPolygon', () => {
  it('passes a valid square, wound counter-clockwise as RFC 7946 asks', () => {
    const clockwise = poly([
      [0, 0],
      [0, 1],
      [1, 1],
      [1, 0],
      [0, 0],
    ]);
    const checked = checkPolygon(clockwise);
    expect(checked.issues).toEqual([]);
    expect(signedArea2((checked.geometry as Polygon).coordinates[0] ?? [])).toBeGreaterThan(0);
    // The input is not touched.
    expect(clockwise.coordinates[0]?.[1]).toEqual([0, 1]);
  });

  it('winds holes clockwise', () => {
    const checked = checkPolygon(
      poly(
        [
          [0, 0],
          [4, 0],
          [4, 4],
          [0, 4],
          [0, 0],
        ],
        [
          [1, 1],
          [2, 1],
          [2, 2],
          [1, 2],
          [1, 1],
        ],
      ),
    );
    expect(signedArea2((checked.geometry as Polygon).coordinates[1] ?? [])).toBeLessThan(0);
  });

  it('closes an unclosed ring with a warning saying where', () => {
    const checked = checkPolygon(
      poly([
        [110, 41],
        [110.1, 41],
        [110.1, 41.1],
      ]),
    );
    expect(checked.issues).toEqual([
      {
        severity: 'warning',
        reason: { key: 'geometry_ring_unclosed', params: { polygon: 0, ring: 1, x: 110, y: 41 } },
        message: 'ring 1 was not closed; closed it at 110, 41',
      },
    ]);
    expect((checked.geometry as Polygon).coordinates[0]).toHaveLength(4);
  });

  it('drops a point repeated straight after itself, silently', () => {
    const checked = checkPolygon(
      poly([
        [0, 0],
        [1, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ]),
    );
    expect(checked.issues).toEqual([]);
    expect((checked.geometry as Polygon).coordinates[0]).toHaveLength(4);
  });

  it('accepts a self-touching ring unchanged', () => {
    const ring = [
      [0, 0],
      [4, 0],
      [4, 4],
      [2, 4],
      [3, 2],
      [1, 2],
      [2, 4],
      [0, 4],
      [0, 0],
    ];
    const checked = checkPolygon(poly(ring));
    expect(checked.issues).toEqual([]);
    expect((checked.geometry as Polygon).coordinates[0]).toEqual(ring);
  });

  it('repairs a bow-tie into two polygons and says where it crossed', () => {
    const checked = checkPolygon(
      poly([
        [0, 0],
        [2, 2],
        [2, 0],
        [0, 2],
        [0, 0],
      ]),
    );
    expect(checked.issues).toEqual([
      {
        severity: 'warning',
        reason: expect.objectContaining({ key: 'geometry_self_intersecting_repaired' }),
        message: 'self-intersecting polygon: ring 1 edge 1 crosses ring 1 edge 3 at 1, 1; repaired into 2 polygons',
      },
    ]);
    expect(checked.geometry?.type).toBe('MultiPolygon');
  });

  it('rejects, with the place, a polygon whose repair leaves no area', () => {
    const checked = checkPolygon(
      poly([
        [0, 0],
        [2, 2],
        [1, 1],
        [0, 0],
      ]),
    );
    expect(checked.geometry).toBeUndefined();
    expect(checked.issues.at(-1)).toEqual({
      severity: 'error',
      reason: expect.objectContaining({ key: 'geometry_self_intersecting' }),
      message: expect.stringMatching(
        /^self-intersecting polygon: ring 1 edge \d runs along ring 1 edge \d at .*; it could not be repaired$/,
      ),
    });
  });

  it('rejects empty, degenerate and non-polygon geometries with the reason', () => {
    expect(checkPolygon(null).issues[0]?.message).toBe('feature has no geometry');
    expect(checkPolygon({ type: 'Polygon', coordinates: [] }).issues[0]?.message).toBe('empty Polygon');
    expect(
      checkPolygon(
        poly([
          [0, 0],
          [1, 1],
          [0, 0],
        ]),
      ).issues[0]?.message,
    ).toBe('ring 1 has 3 point(s) but only 2 distinct; a ring needs at least 3');
    expect(
      checkPolygon(
        poly([
          [0, 0],
          [1, Number.NaN],
          [1, 1],
          [0, 0],
        ]),
      ).issues[0]?.message,
    ).toBe('ring 1, point 2 is not a pair of finite numbers: [1,null]');
    expect(
      checkPolygon({
        type: 'LineString',
        coordinates: [
          [0, 0],
          [1, 1],
        ],
      }).issues[0]?.message,
    ).toBe('zones must be Polygon or MultiPolygon, found LineString');
    expect(checkPolygon({ type: 'MultiPolygon', coordinates: [[]] }).issues[0]?.message).toBe('polygon 1 has no rings');
  });
});
