/**
 * The server-side map's answers (GET /api/map/facets and /api/map/cells) in the shapes the page
 * already draws: the filter panel's counts and the grid the cell layer paints, so panels and layers
 * do not know which side counted.
 */
import { REGION_SLOTS } from '../../../server/domain/point-payload.ts';
import type { FilterCounts } from '../filter/filter-pass.ts';
import type { GridCounts } from '../map/level-of-detail/grid-counts.ts';

type Pairs = [number, number][];

export interface FacetPairs {
  visible: number;
  total: number;
  action: Pairs;
  group: Pairs;
  sector: Pairs;
  region: Pairs;
  status: Pairs;
  zone: Pairs;
  rule: Pairs;
}

export interface CellPairs {
  cell: number;
  x0: number;
  y0: number;
  cols: number;
  rows: number;
  cells: Pairs;
  max: number;
  total: number;
}

function spread(pairs: Pairs, length: number): Uint32Array {
  const out = new Uint32Array(Math.max(length, ...pairs.map(([v]) => v + 1)));
  for (const [v, n] of pairs) out[v] = n;
  return out;
}

/** Facet counts as the browser's filter pass makes them (filter-pass.ts), for `ruleCount` rules. */
export function countsFromPairs(f: FacetPairs, ruleCount: number): FilterCounts {
  return {
    visible: f.visible,
    total: f.total,
    action: spread(f.action, 256),
    group: spread(f.group, 256),
    sector: spread(f.sector, 256),
    region: spread(f.region, REGION_SLOTS),
    status: spread(f.status, 8),
    zone: spread(f.zone, 5),
    rule: spread(f.rule, ruleCount),
  };
}

/** Cell counts as the browser's grid holds them (grid-counts.ts): plants per cell, row by row. */
export function gridFromCells(c: CellPairs): GridCounts {
  const counts = new Uint32Array(c.cols * c.rows);
  for (const [i, n] of c.cells) counts[i] = n;
  return { cell: c.cell, x0: c.x0, y0: c.y0, cols: c.cols, rows: c.rows, counts, max: c.max, total: c.total };
}
