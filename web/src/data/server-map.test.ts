import { describe, expect, it } from 'vitest';
import { countsFromPairs, gridFromCells } from './server-map.ts';

describe('the server-side map in the page’s shapes', () => {
  it('spreads facet pairs into the filter pass’s arrays, zero where the server sent nothing', () => {
    const counts = countsFromPairs(
      {
        visible: 5,
        total: 9,
        action: [
          [0, 4],
          [3, 1],
        ],
        group: [[2, 5]],
        sector: [],
        region: [[300, 5]],
        status: [[1, 5]],
        zone: [[4, 2]],
        rule: [[1, 3]],
      },
      4,
    );
    expect([counts.visible, counts.total]).toEqual([5, 9]);
    expect([counts.action[0], counts.action[3], counts.action[1]]).toEqual([4, 1, 0]);
    expect(counts.action.length).toBe(256);
    expect(counts.region[300]).toBe(5);
    expect([...counts.zone]).toEqual([0, 0, 0, 0, 2]);
    expect([...counts.rule]).toEqual([0, 3, 0, 0]);
    expect(counts.sector.every((n) => n === 0)).toBe(true);
  });

  it('lays cell pairs out row by row', () => {
    const grid = gridFromCells({
      cell: 2,
      x0: 10,
      y0: 20,
      cols: 3,
      rows: 2,
      cells: [
        [1, 7],
        [5, 2],
      ],
      max: 7,
      total: 9,
    });
    expect([...grid.counts]).toEqual([0, 7, 0, 0, 0, 2]);
    expect([grid.cell, grid.x0, grid.y0, grid.cols, grid.rows, grid.max, grid.total]).toEqual([2, 10, 20, 3, 2, 7, 9]);
  });
});
