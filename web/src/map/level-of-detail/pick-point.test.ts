import KDBush from 'kdbush';
import { describe, expect, it } from 'vitest';
import { pickPoint } from './pick-point.ts';
import type { PointSubset } from './point-subset.ts';

/** Enterprises at world positions; the subset draws those listed in `drawn` (ascending), with radii. */
function scene(at: [number, number][], drawn: number[], radii: number[] | null) {
  const xy = new Float32Array(at.flat());
  const tree = new KDBush(at.length, 64, Float32Array);
  for (const [x, y] of at) tree.add(x, y);
  tree.finish();
  const subset: PointSubset = {
    count: drawn.length,
    index: Uint32Array.from(drawn),
    positions: new Float32Array(drawn.length * 3),
    colors: new Uint8Array(drawn.length * 4),
    radii: radii ? new Float32Array(radii) : null,
  };
  return { xy, tree, subset };
}

/** One world unit is 100 CSS pixels. */
const UNITS = 0.01;

describe('pickPoint', () => {
  it('returns the global index of the plant under the pointer', () => {
    const { xy, tree, subset } = scene(
      [
        [0, 0],
        [1, 1],
        [2, 2],
      ],
      [1, 2],
      [3, 3],
    );
    expect(pickPoint(tree, xy, subset, 3, { x: 1.01, y: 1 }, UNITS)).toBe(1);
    expect(pickPoint(tree, xy, subset, 3, { x: 2, y: 2.02 }, UNITS)).toBe(2);
  });

  it('ignores enterprises not drawn (filtered out or beyond the region)', () => {
    const { xy, tree, subset } = scene(
      [
        [0, 0],
        [1, 1],
      ],
      [1],
      [3],
    );
    expect(pickPoint(tree, xy, subset, 3, { x: 0, y: 0 }, UNITS)).toBeNull();
  });

  it('respects each plant’s drawn radius and half a pixel of rim', () => {
    const { xy, tree, subset } = scene(
      [
        [0, 0],
        [1, 0],
      ],
      [0, 1],
      [2, 10],
    );
    expect(pickPoint(tree, xy, subset, 3, { x: 0.024, y: 0 }, UNITS)).toBe(0);
    expect(pickPoint(tree, xy, subset, 3, { x: 0.026, y: 0 }, UNITS)).toBeNull();
    expect(pickPoint(tree, xy, subset, 3, { x: 1.1, y: 0 }, UNITS)).toBe(1);
  });

  it('uses the fixed radius, and never less than the minimum, when plants are not sized', () => {
    const { xy, tree, subset } = scene([[0, 0]], [0], null);
    expect(pickPoint(tree, xy, subset, 3, { x: 0.034, y: 0 }, UNITS)).toBe(0);
    expect(pickPoint(tree, xy, subset, 0, { x: 0.019, y: 0 }, UNITS)).toBe(0);
    expect(pickPoint(tree, xy, subset, 0, { x: 0.021, y: 0 }, UNITS)).toBeNull();
  });

  it('prefers the nearest of overlapping plants, and the one on top when equally near', () => {
    const { xy, tree, subset } = scene(
      [
        [0, 0],
        [0.04, 0],
        [0.04, 0],
      ],
      [0, 1, 2],
      [5, 5, 5],
    );
    expect(pickPoint(tree, xy, subset, 3, { x: 0.01, y: 0 }, UNITS)).toBe(0);
    expect(pickPoint(tree, xy, subset, 3, { x: 0.03, y: 0 }, UNITS)).toBe(2);
  });

  it('finds nothing among zero plants drawn', () => {
    const { xy, tree, subset } = scene([[0, 0]], [], null);
    expect(pickPoint(tree, xy, subset, 3, { x: 0, y: 0 }, UNITS)).toBeNull();
  });
});
