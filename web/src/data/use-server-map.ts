/**
 * What the server-side map asks the server for the whole map (README, "The map at national scale"):
 * the filter's counts, and the cells drawn where the page holds no plants one by one (zoomed out, a
 * window too dense, or the first window still loading). Both keep their last answer while the next
 * loads, so a filter change or a pan swaps counts and cells without a blank frame.
 */
import { useMemo } from 'react';
import type { FilterState } from '../../../server/domain/map-filter.ts';
import { requestJson } from '../api/request.ts';
import { useQuery } from '../api/use-query.ts';
import { mapFilterQuery } from '../export/export-url.ts';
import type { FilterCounts } from '../filter/filter-pass.ts';
import { VIEW_MARGIN } from '../map/level-of-detail/enterprise-detail.ts';
import type { GridCounts } from '../map/level-of-detail/grid-counts.ts';
import { growBox, type LonLatBox } from './map-window.ts';
import { type CellPairs, countsFromPairs, type FacetPairs, gridFromCells } from './server-map.ts';

export interface ServerMap {
  counts: FilterCounts | null;
  cells: GridCounts | null;
  /** Why cells are drawn: zoomed out, or too many plants around the view. */
  cellsReason: 'zoom' | 'budget';
}

export interface ServerMapAsk {
  on: boolean;
  /** Whether the filter's counts are wanted too (the planner's panels); cells alone otherwise. */
  counts?: boolean;
  filter: FilterState;
  year: number | null;
  ruleCount: number;
  /** The view at rest; null before the map reported it. */
  bounds: { box: LonLatBox; zoom: number } | null;
  /** Whether cells are wanted now, and why. */
  cells: 'zoom' | 'budget' | null;
}

/** The view grown as the map grows its own region of plants. */
const cellsBox = (view: LonLatBox) =>
  growBox(view, VIEW_MARGIN)
    .map((v) => v.toFixed(4))
    .join(',');

export function useServerMap(ask: ServerMapAsk): ServerMap {
  const query = mapFilterQuery(ask.filter, ask.year, null);
  const wantCounts = ask.on && ask.counts !== false;
  const [facets] = useQuery(
    wantCounts ? (signal) => requestJson<FacetPairs>(`/api/map/facets?${query}`, { signal }) : null,
    [wantCounts, query],
    {
      keepPrevious: true,
    },
  );
  const zoom = ask.bounds ? Math.max(0, Math.floor(ask.bounds.zoom)) : null;
  const box = ask.bounds ? cellsBox(ask.bounds.box) : null;
  // The grid for a whole zoom: cells 16 pixels wide at it, as the browser's own grid.
  const cellsPath =
    ask.on && ask.cells && box && zoom !== null ? `/api/map/cells?box=${box}&zoom=${zoom}${query ? `&${query}` : ''}` : null;
  const [cells] = useQuery(cellsPath ? (signal) => requestJson<CellPairs>(cellsPath, { signal }) : null, [cellsPath], {
    keepPrevious: true,
  });
  const facetPairs = facets.status === 'ready' ? facets.value : null;
  const counts = useMemo(() => (facetPairs ? countsFromPairs(facetPairs, ask.ruleCount) : null), [facetPairs, ask.ruleCount]);
  const cellPairs = cellsPath && cells.status === 'ready' ? cells.value : null;
  const grid = useMemo(() => (cellPairs ? gridFromCells(cellPairs) : null), [cellPairs]);
  return { counts, cells: grid, cellsReason: ask.cells ?? 'zoom' };
}
