import { describe, expect, it } from 'vitest';
import { CELL_PIXELS, cellSize } from '../../../../server/domain/geometry/mercator.ts';
import { gridBox, gridCounts } from './grid-counts.ts';

const CELL = 1 / 64;
const xyOf = (points: [number, number][]) => new Float32Array(points.flat());
const all = (n: number) => new Float32Array(n).fill(1);
/** A box of whole cells: columns c0..c1, rows r0..r1. */
const cells = (c0: number, r0: number, c1: number, r1: number) => ({
  minX: c0 * CELL,
  minY: r0 * CELL,
  maxX: (c1 + 1) * CELL - 1e-9,
  maxY: (r1 + 1) * CELL - 1e-9,
});

describe('gridCounts', () => {
  it('counts each visible point in its cell, rows from the north', () => {
    const grid = gridCounts(
      xyOf([
        [0.5 * CELL, 0.5 * CELL],
        [1.5 * CELL, 0.5 * CELL],
        [1.6 * CELL, 1.5 * CELL],
      ]),
      all(3),
      cells(0, 0, 1, 1),
      CELL,
    );
    expect([grid.x0, grid.y0, grid.cols, grid.rows]).toEqual([0, 0, 2, 2]);
    expect([...grid.counts]).toEqual([1, 1, 0, 1]);
    expect(grid.total).toBe(3);
    expect(grid.max).toBe(1);
  });

  it('counts a point on the edge between two columns in the one east of it', () => {
    const grid = gridCounts(xyOf([[CELL, 0.5 * CELL]]), all(1), cells(0, 0, 1, 0), CELL);
    expect([...grid.counts]).toEqual([0, 1]);
  });

  it('counts a point on the edge between two rows in the one south of it', () => {
    const grid = gridCounts(xyOf([[0.5 * CELL, CELL]]), all(1), cells(0, 0, 0, 1), CELL);
    expect([...grid.counts]).toEqual([0, 1]);
  });

  it('counts a point on the corner of four cells in the south-east one', () => {
    const grid = gridCounts(xyOf([[CELL, CELL]]), all(1), cells(0, 0, 1, 1), CELL);
    expect([...grid.counts]).toEqual([0, 0, 0, 1]);
  });

  it('counts only the enterprises the filter lets through', () => {
    const grid = gridCounts(
      xyOf([
        [0.5 * CELL, 0.5 * CELL],
        [0.6 * CELL, 0.5 * CELL],
      ]),
      new Float32Array([0, 1]),
      cells(0, 0, 0, 0),
      CELL,
    );
    expect(grid.total).toBe(1);
  });

  it('counts nothing when the filter lets no enterprise through', () => {
    const grid = gridCounts(xyOf([[0.5 * CELL, 0.5 * CELL]]), new Float32Array(1), cells(0, 0, 0, 0), CELL);
    expect([grid.total, grid.max, ...grid.counts]).toEqual([0, 0, 0]);
  });

  it('counts nothing for zero enterprises', () => {
    const grid = gridCounts(new Float32Array(0), new Float32Array(0), cells(3, 4, 5, 6), CELL);
    expect([grid.cols, grid.rows, grid.total]).toEqual([3, 3, 0]);
  });

  it('counts a partly covered cell whole, and nothing beyond the cells', () => {
    const box = { minX: 0.5 * CELL, minY: 0.5 * CELL, maxX: 0.6 * CELL, maxY: 0.6 * CELL };
    const grid = gridCounts(
      xyOf([
        [0.1 * CELL, 0.1 * CELL],
        [1.1 * CELL, 0.1 * CELL],
        [0.1 * CELL, -0.1 * CELL],
      ]),
      all(3),
      box,
      CELL,
    );
    expect([grid.cols, grid.rows, ...grid.counts]).toEqual([1, 1, 1]);
    expect(gridBox(grid)).toEqual({ minX: 0, minY: 0, maxX: CELL, maxY: CELL });
  });

  it('rejects a box far larger than any screen, naming it', () => {
    expect(() => gridCounts(new Float32Array(0), new Float32Array(0), { minX: 0, minY: 0, maxX: 1, maxY: 1 }, 1 / 2 ** 20)).toThrow(
      /1048577 × 1048577 cells .*"maxX":1/,
    );
  });

  it('rejects a zero cell size', () => {
    expect(() => gridCounts(new Float32Array(0), new Float32Array(0), cells(0, 0, 0, 0), 0)).toThrow('Unexpected cell size: 0.');
  });
});

describe('cellSize', () => {
  it('is CELL_PIXELS wide at each whole zoom and halves at the next', () => {
    expect(cellSize(4) * 512 * 2 ** 4).toBe(CELL_PIXELS);
    expect(cellSize(4.99)).toBe(cellSize(4));
    expect(cellSize(5)).toBe(cellSize(4) / 2);
  });
});
