/**
 * The region dashboard's two requests, each with its own loading, error and retry: the progress
 * against targets (quick) and the enterprises by action at each year end (slow the first time, as
 * the server screens each year again). Each also waits for the chart library (its own chunk,
 * fetched alongside the first request), so a section is ready only when it can be drawn.
 */
import type { RegionProgress } from '../../../server/domain/targets/region-progress.ts';
import type { ActionsOverTime } from '../../../server/http/schemas/wire.ts';
import { requestJson } from '../api/request.ts';
import { type QueryState, type Retry, useQuery } from '../api/use-query.ts';
import { type EchartsSvg, loadEcharts } from '../charts/load-echarts.ts';

/** GET /api/stats/region/{code}; the route declares no schema for it beyond RegionProgress (server/domain/targets). */
export type Progress = RegionProgress & { name: string; name_en: string | null };
export type ActionYears = ActionsOverTime['years'];

/** The years the actions chart covers. */
export const ACTION_YEARS = { from: 2016, to: 2024 } as const;

/** A section's data, with the library that draws it. */
export interface Drawable<T> {
  data: T;
  charts: EchartsSvg;
}

type Loaded<T> = [QueryState<Drawable<T>>, Retry];

/** Loads once per region code (and again on retry). */
export function useRegionDashboard(code: string): { progress: Loaded<Progress>; actions: Loaded<ActionYears> } {
  const region = encodeURIComponent(code);
  const progress = useQuery((signal) => drawable(requestJson<Progress>(`/api/stats/region/${region}`, { signal })), [region]);
  const actions = useQuery(
    (signal) => {
      const { from, to } = ACTION_YEARS;
      const url = `/api/stats/actions-over-time?region=${region}&from=${from}&to=${to}`;
      return drawable(requestJson<ActionsOverTime>(url, { signal }).then((answer) => answer.years));
    },
    [region],
  );
  return { progress, actions };
}

async function drawable<T>(data: Promise<T>): Promise<Drawable<T>> {
  const [value, charts] = await Promise.all([data, loadEcharts()]);
  return { data: value, charts };
}
