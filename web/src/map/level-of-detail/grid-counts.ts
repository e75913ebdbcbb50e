/**
 * Counts the plants the filter lets through per square Web Mercator cell: one pass over the
 * projected points, no object per point. Cells are a fixed number of pixels wide at each whole zoom,
 * so their number on screen stays in the thousands however far the map is zoomed out.
 */
import type { Box } from '../../../../server/domain/geometry/mercator.ts';

/** Grids past this many cells are a mistake (a box far larger than any screen), not a view. */
export const MAX_GRID_CELLS = 1 << 22;

export interface GridCounts {
  /** Side of a cell in world units. */
  cell: number;
  /** Column and row of the top left cell in the world grid of this cell size. */
  x0: number;
  y0: number;
  cols: number;
  rows: number;
  /** Plants per cell, row by row from the top (north) left. */
  counts: Uint32Array;
  max: number;
  total: number;
}

/**
 * Bins the visible points of `xy` into the cells covering `box`. A cell spans [k·cell, (k+1)·cell)
 * on each axis: a point on the edge between two cells counts in the one east (or south) of it.
 * Cells that `box` only partly covers are counted whole, points beyond the box included.
 */
export function gridCounts(xy: Float32Array, visible: Float32Array, box: Box, cell: number): GridCounts {
  if (!(cell > 0)) throw new Error(`Unexpected cell size: ${cell}.`);
  const inv = 1 / cell;
  const x0 = Math.floor(box.minX * inv);
  const y0 = Math.floor(box.minY * inv);
  const cols = Math.floor(box.maxX * inv) - x0 + 1;
  const rows = Math.floor(box.maxY * inv) - y0 + 1;
  if (!(cols > 0 && rows > 0 && cols * rows <= MAX_GRID_CELLS))
    throw new Error(`A grid of ${cols} × ${rows} cells of ${cell} for box ${JSON.stringify(box)} is not a view.`);
  const counts = new Uint32Array(cols * rows);
  const n = visible.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (visible[i] !== 1) continue;
    const cx = Math.floor((xy[2 * i] as number) * inv) - x0;
    const cy = Math.floor((xy[2 * i + 1] as number) * inv) - y0;
    if (cx < 0 || cx >= cols || cy < 0 || cy >= rows) continue;
    const k = cy * cols + cx;
    counts[k] = (counts[k] as number) + 1;
    total++;
  }
  let max = 0;
  for (let k = 0; k < counts.length; k++) if ((counts[k] as number) > max) max = counts[k] as number;
  return { cell, x0, y0, cols, rows, counts, max, total };
}

/** The box the grid's cells cover, in world units. */
export function gridBox(grid: GridCounts): Box {
  return {
    minX: grid.x0 * grid.cell,
    minY: grid.y0 * grid.cell,
    maxX: (grid.x0 + grid.cols) * grid.cell,
    maxY: (grid.y0 + grid.rows) * grid.cell,
  };
}
