/**
 * Values behind the region choropleth: intensity changes and growth come from the server's region
 * statistics for the indicator year; the share of flagged enterprises is counted over the
 * enterprises the filter lets through, so it follows the filter: here over the columns, or, on the
 * server-side map (which holds only a window of them), from the server's region counts of the
 * filter and of its flagged part.
 */
import { useMemo } from 'react';
import { ACTIONS, isPositiveAction } from '../../../server/domain/actions.ts';
import { EMPTY_FILTER, type FilterState } from '../../../server/domain/map-filter.ts';
import type { Catalogue } from '../api/client.ts';
import { requestJson } from '../api/request.ts';
import { useQuery } from '../api/use-query.ts';
import type { MapData } from '../data/map-data.ts';
import type { FacetPairs } from '../data/server-map.ts';
import { mapFilterQuery } from '../export/export-url.ts';
import type { FilterResult } from '../filter/filter-pass.ts';
import type { ChoroplethIndicator } from '../state/app-state.ts';
import { choroplethExpression } from './choropleth.ts';

interface RegionRow {
  code: string;
  energy_change: number | null;
  water_change: number | null;
  added_value_growth: number | null;
}

export interface ChoroplethState {
  expression: unknown[] | null;
  legend: { indicator: ChoroplethIndicator; year: number | null } | null;
}

/** Actions that flag a plant for something to put right (action codes 1–10; not green, not none). */
const FLAGGED: string[] = ACTIONS.filter((a) => !isPositiveAction(a));

/** By region slot: plants the filter lets through, and those of them flagged, on the server-side map. */
function useServerShares(on: boolean, filter: FilterState, year: number | null) {
  const flagged = { ...filter, actions: filter.actions.length ? filter.actions.filter((a) => FLAGGED.includes(a)) : FLAGGED };
  const all = mapFilterQuery(filter, year, null);
  // No flagged action chosen: none of the plants shown is flagged.
  const some = flagged.actions.length ? mapFilterQuery(flagged, year, null) : null;
  const [counts] = useQuery(
    on
      ? async (signal) => {
          const get = (q: string) => requestJson<FacetPairs>(`/api/map/facets?${q}`, { signal });
          const [a, f] = await Promise.all([get(all), some === null ? null : get(some)]);
          return { all: a.region, flagged: f?.region ?? [] };
        }
      : null,
    [on, all, some],
    { keepPrevious: true },
  );
  return counts.status === 'ready' ? counts.value : null;
}

export function useChoropleth(
  indicator: ChoroplethIndicator,
  shown: boolean,
  data: MapData | null,
  filtered: FilterResult | null,
  catalogue: Catalogue | null,
  year: number | null,
  /** The server-side map's filter: its shares come from the server's counts. */
  serverFilter: FilterState | null = null,
): ChoroplethState {
  const fromServer = indicator !== 'flagged_share';
  const shares = useServerShares(shown && !fromServer && serverFilter !== null, serverFilter ?? EMPTY_FILTER, year);
  const [loaded] = useQuery(
    shown && fromServer && year !== null ? (signal) => requestJson<RegionRow[]>(`/api/stats/regions?year=${year}`, { signal }) : null,
    [shown, fromServer, year],
    { keepPrevious: true },
  );
  // Statistics that failed to load colour no region, as none arrived.
  const rows = loaded.status === 'ready' ? loaded.value : null;

  const values = useMemo(() => {
    const out = new Map<string, number>();
    if (!shown) return out;
    if (fromServer) {
      for (const r of rows ?? []) {
        const v = r[indicator as Exclude<ChoroplethIndicator, 'flagged_share'>];
        if (v !== null) out.set(r.code, v);
      }
      return out;
    }
    if (serverFilter && catalogue) {
      // Region slot r is prefectureOrder[r − 1]; a region filter counts every region passing the rest, the chosen among them.
      const flagged = new Map(shares?.flagged ?? []);
      for (const [r, n] of shares?.all ?? []) {
        const code = catalogue.prefectureOrder[r - 1];
        if (code && n > 0) out.set(code, ((flagged.get(r) ?? 0) / n) * 100);
      }
      return out;
    }
    if (!data || !filtered || !catalogue) return out;
    // By region value: 1 + index into prefectureOrder, 0 outside every prefecture.
    const total = new Uint32Array(catalogue.prefectureOrder.length + 1);
    const flagged = new Uint32Array(catalogue.prefectureOrder.length + 1);
    const { region, action } = data.points;
    const { visible } = filtered;
    for (let i = 0; i < data.points.count; i++) {
      if (visible[i] === 0) continue;
      const r = region[i] as number;
      total[r] = (total[r] as number) + 1;
      if ((action[i] as number) > 0 && (action[i] as number) < 11) flagged[r] = (flagged[r] as number) + 1;
    }
    catalogue.prefectureOrder.forEach((code, i) => {
      const n = total[i + 1] as number;
      if (n > 0) out.set(code, ((flagged[i + 1] as number) / n) * 100);
    });
    return out;
  }, [shown, fromServer, rows, indicator, data, filtered, catalogue, serverFilter, shares]);

  return useMemo(
    () => ({
      expression: shown ? choroplethExpression(indicator, values) : null,
      legend: shown ? { indicator, year: fromServer ? year : null } : null,
    }),
    [shown, indicator, values, fromServer, year],
  );
}
