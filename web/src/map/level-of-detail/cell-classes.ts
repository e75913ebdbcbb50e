/**
 * How a grid of counts is coloured: up to six classes from one plant to the fullest cell, their
 * breaks spaced on a log scale (a cell in a city holds a thousand times more than one in the
 * steppe) and rounded to 1-2-5 numbers a reader can say aloud. The legend lists these same classes.
 */
import { DENSITY_RAMP, type RGB, rampColor } from '../palette.ts';
import type { GridCounts } from './grid-counts.ts';

export interface CellClass {
  /** Plants per cell, both ends included. */
  from: number;
  to: number;
  color: RGB;
}

/** Opacity of a cell that holds plants; empty cells are not drawn. */
export const CELL_ALPHA = 210;

/** The 1-2-5 number nearest to v on a log scale. */
function nice(v: number): number {
  const e = 10 ** Math.floor(Math.log10(v));
  const candidates = [e, 2 * e, 5 * e, 10 * e];
  let best = e;
  for (const c of candidates) if (Math.abs(Math.log(c / v)) < Math.abs(Math.log(best / v))) best = c;
  return best;
}

export function cellClasses(max: number): CellClass[] {
  if (!(max >= 1)) return [];
  const n = DENSITY_RAMP.length;
  const uppers: number[] = [];
  for (let k = 1; k < n; k++) {
    const b = nice(max ** (k / n));
    if (b > (uppers[uppers.length - 1] ?? 0) && b < max) uppers.push(b);
  }
  uppers.push(max);
  return uppers.map((to, j) => ({
    from: j === 0 ? 1 : (uppers[j - 1] as number) + 1,
    to,
    color: rampColor(DENSITY_RAMP, uppers.length === 1 ? 1 : j / (uppers.length - 1)),
  }));
}

/** Plants per cell as the legend and the saved image name a class: "6–20", or "1" when it holds one number. */
export const cellClassLabel = (c: CellClass, locale: string) =>
  c.from === c.to ? c.to.toLocaleString(locale) : `${c.from.toLocaleString(locale)}–${c.to.toLocaleString(locale)}`;

/** RGBA per cell, rows from the top, for a bitmap laid over the grid's box; empty cells transparent. */
export function gridImage(grid: GridCounts, classes: CellClass[]): Uint8ClampedArray {
  const out = new Uint8ClampedArray(grid.counts.length * 4);
  for (let k = 0; k < grid.counts.length; k++) {
    const c = grid.counts[k] as number;
    if (c === 0) continue;
    let j = 0;
    while (j < classes.length - 1 && c > (classes[j] as CellClass).to) j++;
    const color = (classes[j] as CellClass).color;
    out[4 * k] = color[0];
    out[4 * k + 1] = color[1];
    out[4 * k + 2] = color[2];
    out[4 * k + 3] = CELL_ALPHA;
  }
  return out;
}
