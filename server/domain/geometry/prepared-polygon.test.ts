import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { PreparedPolygon } from './prepared-polygon.ts';

const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ],
  ],
};
const withHole: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ],
    [
      [3, 3],
      [3, 7],
      [7, 7],
      [7, 3],
      [3, 3],
    ],
  ],
};

/** Plain crossing-number test without slabs or robust arithmetic, for cross-checking. */
function bruteForce(rings: number[][][], x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

describe('PreparedPolygon.contains', () => {
  it('point well inside', () => expect(new PreparedPolygon(square).contains(5, 5)).toBe(true));
  it('point outside the bounding box', () => expect(new PreparedPolygon(square).contains(11, 5)).toBe(false));
  it('point on a vertex counts as inside', () => {
    const p = new PreparedPolygon(square);
    for (const [x, y] of [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
    ] as const)
      expect(p.contains(x, y)).toBe(true);
  });
  it('point on an edge counts as inside', () => {
    const p = new PreparedPolygon(square);
    expect(p.contains(5, 0)).toBe(true);
    expect(p.contains(10, 5)).toBe(true);
    expect(p.contains(0, 7.25)).toBe(true);
  });
  it('point on a sloped edge, exactly', () => {
    const tri = new PreparedPolygon({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [3, 1],
          [0, 2],
          [0, 0],
        ],
      ],
    });
    expect(tri.contains(1.5, 0.5)).toBe(true);
    expect(tri.contains(1.5, 0.5 - 1e-15)).toBe(false);
  });
  it('point in a hole is outside', () => expect(new PreparedPolygon(withHole).contains(5, 5)).toBe(false));
  it('point on the boundary of a hole is inside', () => {
    const p = new PreparedPolygon(withHole);
    expect(p.contains(3, 5)).toBe(true);
    expect(p.contains(7, 7)).toBe(true);
  });
  it('point between shell and hole is inside', () => expect(new PreparedPolygon(withHole).contains(1, 5)).toBe(true));
  it('ray through a vertex is counted once', () => {
    const diamond = new PreparedPolygon({
      type: 'Polygon',
      coordinates: [
        [
          [5, 0],
          [10, 5],
          [5, 10],
          [0, 5],
          [5, 0],
        ],
      ],
    });
    expect(diamond.contains(2, 5)).toBe(true);
    expect(diamond.contains(-1, 5)).toBe(false);
    expect(diamond.contains(11, 5)).toBe(false);
  });
  it('ray along a horizontal edge', () => {
    const step = new PreparedPolygon({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [4, 0],
          [4, 2],
          [8, 2],
          [8, 4],
          [0, 4],
          [0, 0],
        ],
      ],
    });
    expect(step.contains(2, 2)).toBe(true);
    expect(step.contains(6, 2)).toBe(true);
    expect(step.contains(6, 1)).toBe(false);
    expect(step.contains(9, 2)).toBe(false);
  });
  it('self-touching ring (two lobes meeting at one vertex)', () => {
    const bowtieTouch = new PreparedPolygon({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [4, 0],
          [4, 4],
          [2, 2],
          [0, 4],
          [0, 0],
        ],
      ],
    });
    const figureEight = new PreparedPolygon({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [2, 2],
          [4, 0],
          [4, 4],
          [2, 2],
          [0, 4],
          [0, 0],
        ],
      ],
    });
    expect(bowtieTouch.contains(1, 1)).toBe(true);
    expect(bowtieTouch.contains(2, 3)).toBe(false);
    expect(figureEight.contains(2, 2)).toBe(true);
    expect(figureEight.contains(0.5, 2)).toBe(true);
    expect(figureEight.contains(3.5, 2)).toBe(true);
    expect(figureEight.contains(2, 1)).toBe(false);
  });
  it('point in the second part of a multipolygon', () => {
    const multi = new PreparedPolygon({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
            [0, 0],
          ],
        ],
        [
          [
            [5, 5],
            [6, 5],
            [6, 6],
            [5, 6],
            [5, 5],
          ],
        ],
      ],
    });
    expect(multi.contains(5.5, 5.5)).toBe(true);
    expect(multi.contains(3, 3)).toBe(false);
  });
  it('overlapping parts of a multipolygon do not cancel', () => {
    const multi = new PreparedPolygon({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [0, 0],
            [4, 0],
            [4, 4],
            [0, 4],
            [0, 0],
          ],
        ],
        [
          [
            [2, 2],
            [6, 2],
            [6, 6],
            [2, 6],
            [2, 2],
          ],
        ],
      ],
    });
    expect(multi.contains(3, 3)).toBe(true);
  });
  it('unclosed ring is closed', () => {
    expect(
      new PreparedPolygon({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [10, 0],
            [10, 10],
            [0, 10],
          ],
        ],
      }).contains(5, 5),
    ).toBe(true);
  });
  it('ring orientation does not matter', () => {
    const clockwise = new PreparedPolygon({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [0, 10],
          [10, 10],
          [10, 0],
          [0, 0],
        ],
      ],
    });
    expect(clockwise.contains(5, 5)).toBe(true);
  });
  it('agrees with a plain crossing test on a large random polygon away from its edges', () => {
    // A star-shaped ring of 5,000 vertices exercises the slab index.
    let seed = 1;
    const rand = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const ring: number[][] = [];
    for (let i = 0; i < 5000; i++) {
      const a = (2 * Math.PI * i) / 5000;
      const r = 5 + 4 * rand();
      ring.push([110 + r * Math.cos(a), 40 + r * Math.sin(a)]);
    }
    ring.push(ring[0] as number[]);
    const p = new PreparedPolygon({ type: 'Polygon', coordinates: [ring] });
    for (let k = 0; k < 20000; k++) {
      const x = 100 + 20 * rand();
      const y = 30 + 20 * rand();
      expect(p.contains(x, y)).toBe(bruteForce([ring], x, y));
    }
  });
});
