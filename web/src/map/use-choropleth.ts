/**
 * Values behind the region choropleth: intensity changes and growth come from the server's region
 * statistics for the indicator year; the share of flagged enterprises is counted here over the
 * enterprises the filter lets through, so it follows the filter.
 */
import { useMemo } from 'react';
import type { Catalogue } from '../api/client.ts';
import { requestJson } from '../api/request.ts';
import { useQuery } from '../api/use-query.ts';
import type { MapData } from '../data/map-data.ts';
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

export function useChoropleth(
  indicator: ChoroplethIndicator,
  shown: boolean,
  data: MapData | null,
  filtered: FilterResult | null,
  catalogue: Catalogue | null,
  year: number | null,
): ChoroplethState {
  const fromServer = indicator !== 'flagged_share';
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
  }, [shown, fromServer, rows, indicator, data, filtered, catalogue]);

  return useMemo(
    () => ({
      expression: shown ? choroplethExpression(indicator, values) : null,
      legend: shown ? { indicator, year: fromServer ? year : null } : null,
    }),
    [shown, indicator, values, fromServer, year],
  );
}
