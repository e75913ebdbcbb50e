import { describe, expect, it } from 'vitest';
import { DENSITY_RAMP } from '../palette.ts';
import { CELL_ALPHA, cellClasses, cellClassLabel, gridImage } from './cell-classes.ts';
import type { GridCounts } from './grid-counts.ts';

const ranges = (max: number) => cellClasses(max).map((c) => [c.from, c.to]);

describe('cellClasses', () => {
  it('has none when no cell holds a plant', () => {
    expect(cellClasses(0)).toEqual([]);
  });

  it('has one class, the darkest colour, when the fullest cell holds one plant', () => {
    expect(cellClasses(1)).toEqual([{ from: 1, to: 1, color: DENSITY_RAMP[DENSITY_RAMP.length - 1] }]);
  });

  it('breaks on a log scale at 1-2-5 numbers, the last class ending at the fullest cell', () => {
    expect(ranges(9876)).toEqual([
      [1, 5],
      [6, 20],
      [21, 100],
      [101, 500],
      [501, 2000],
      [2001, 9876],
    ]);
  });

  it('gives fewer classes for few plants, never an empty one', () => {
    expect(ranges(3)).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(ranges(50)).toEqual([
      [1, 2],
      [3, 5],
      [6, 10],
      [11, 20],
      [21, 50],
    ]);
  });

  it('covers 1 to the fullest cell without gaps for any maximum', () => {
    for (const max of [2, 7, 10, 99, 100, 101, 999, 12_345, 1_000_000]) {
      const classes = cellClasses(max);
      expect(classes[0]?.from).toBe(1);
      expect(classes[classes.length - 1]?.to).toBe(max);
      for (let j = 1; j < classes.length; j++) expect(classes[j]?.from).toBe((classes[j - 1]?.to ?? 0) + 1);
      for (const c of classes) expect(c.to).toBeGreaterThanOrEqual(c.from);
    }
  });
});

describe('gridImage', () => {
  it('leaves empty cells transparent and colours each by its class', () => {
    const grid: GridCounts = { cell: 1, x0: 0, y0: 0, cols: 3, rows: 1, counts: new Uint32Array([0, 1, 50]), max: 50, total: 51 };
    const classes = cellClasses(50);
    const image = gridImage(grid, classes);
    expect([...image.subarray(0, 4)]).toEqual([0, 0, 0, 0]);
    expect([...image.subarray(4, 8)]).toEqual([...(classes[0]?.color ?? []), CELL_ALPHA]);
    expect([...image.subarray(8, 12)]).toEqual([...(classes[classes.length - 1]?.color ?? []), CELL_ALPHA]);
  });
});

describe('cellClassLabel', () => {
  it('names a range with both ends, and a class of one number by that number', () => {
    expect(cellClassLabel({ from: 2001, to: 9876, color: [0, 0, 0] }, 'en')).toBe('2,001–9,876');
    expect(cellClassLabel({ from: 3, to: 3, color: [0, 0, 0] }, 'en')).toBe('3');
  });
});
