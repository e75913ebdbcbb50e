import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { findCrossings } from './find-crossings.ts';

const polygon = (...rings: Position[][]) => [rings];

describe('findCrossings', () => {
  it('finds nothing in a square', () => {
    expect(
      findCrossings(
        polygon([
          [0, 0],
          [4, 0],
          [4, 4],
          [0, 4],
          [0, 0],
        ]),
      ),
    ).toEqual([]);
  });

  it('finds where a bow-tie crosses itself', () => {
    const found = findCrossings(
      polygon([
        [0, 0],
        [2, 2],
        [2, 0],
        [0, 2],
        [0, 0],
      ]),
    );
    expect(found).toEqual([{ kind: 'cross', at: [1, 1], a: { part: 0, ring: 0, edge: 0 }, b: { part: 0, ring: 0, edge: 2 } }]);
  });

  it('accepts a self-touching ring: a vertex visited twice', () => {
    expect(
      findCrossings(
        polygon([
          [0, 0],
          [4, 0],
          [4, 4],
          [2, 4],
          [3, 2],
          [1, 2],
          [2, 4],
          [0, 4],
          [0, 0],
        ]),
      ),
    ).toEqual([]);
  });

  it('accepts a vertex lying on another edge (a T-touch)', () => {
    expect(
      findCrossings(
        polygon([
          [0, 0],
          [4, 0],
          [4, 4],
          [2, 4],
          [2, 0.0],
          [1, 3],
          [0, 4],
          [0, 0],
        ]),
      ),
    ).toEqual([]);
  });

  it('accepts a hole touching its shell at one point, and finds one that crosses it', () => {
    const shell = [
      [0, 0],
      [4, 0],
      [4, 4],
      [0, 4],
      [0, 0],
    ];
    expect(
      findCrossings(
        polygon(shell, [
          [0, 2],
          [1, 1],
          [1, 3],
          [0, 2],
        ]),
      ),
    ).toEqual([]);
    expect(
      findCrossings(
        polygon(shell, [
          [1, 1],
          [5, 1],
          [5, 2],
          [1, 2],
          [1, 1],
        ]),
      ).map((c) => c.at),
    ).toEqual([
      [4, 1],
      [4, 2],
    ]);
  });

  it('finds a spike: an edge that folds back along the one before', () => {
    const found = findCrossings(
      polygon([
        [0, 0],
        [4, 0],
        [4, 4],
        [4, 2],
        [0, 4],
        [0, 0],
      ]),
    );
    expect(found[0]).toMatchObject({ kind: 'overlap', a: { edge: 1 }, b: { edge: 2 } });
  });

  it('accepts collinear points on a straight edge', () => {
    expect(
      findCrossings(
        polygon([
          [0, 0],
          [1, 0],
          [2, 0],
          [2, 2],
          [0, 2],
          [0, 0],
        ]),
      ),
    ).toEqual([]);
  });

  it('finds two parts of a multipolygon crossing, and accepts two touching at a corner', () => {
    const a = [
      [
        [0, 0],
        [2, 0],
        [2, 2],
        [0, 2],
        [0, 0],
      ],
    ];
    expect(
      findCrossings([
        a,
        [
          [
            [1, 1],
            [3, 1],
            [3, 3],
            [1, 3],
            [1, 1],
          ],
        ],
      ]),
    ).toHaveLength(2);
    expect(
      findCrossings([
        a,
        [
          [
            [2, 2],
            [3, 2],
            [3, 3],
            [2, 3],
            [2, 2],
          ],
        ],
      ]),
    ).toEqual([]);
  });

  it('decides a point a hair from an edge exactly', () => {
    // The apex sits 1e-15 above the base line: the ring is thin but does not cross itself.
    expect(
      findCrossings(
        polygon([
          [0, 0],
          [1, 0],
          [2, 0],
          [1, 1e-15],
          [0, 0],
        ]),
      ),
    ).toEqual([]);
  });

  it('checks a 20,000-vertex boundary quickly', () => {
    const ring: Position[] = [];
    for (let i = 0; i < 20_000; i++) {
      const t = (2 * Math.PI * i) / 20_000;
      ring.push([110 + Math.cos(t) * (1 + 0.01 * Math.sin(50 * t)), 40 + Math.sin(t)]);
    }
    ring.push(ring[0] as Position);
    const started = performance.now();
    expect(findCrossings(polygon(ring))).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('stops at the limit asked for', () => {
    const zigzag: Position[] = [[0, 0]];
    for (let i = 1; i <= 40; i++) zigzag.push([i, i % 2 === 0 ? 0 : 3]);
    zigzag.push([40, -1], [0, 2], [0, 0]);
    expect(findCrossings(polygon(zigzag), 3)).toHaveLength(3);
  });
});
