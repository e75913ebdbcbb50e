/**
 * The region dashboard's two requests, each with its own loading, error and retry: the progress
 * against targets (quick) and the enterprises by action at each year end (slow the first time, as
 * the server screens each year again).
 */
import type { RegionProgress } from '../../../server/domain/targets/region-progress.ts';
import type { ActionsOverTime } from '../../../server/http/schemas/stats.ts';
import { getJson } from '../api/client.ts';
import { type AsyncState, useAsync } from '../use-async.ts';

export type Progress = RegionProgress & { name: string; name_en: string | null };
export type ActionYears = ActionsOverTime['years'];

/** The years the actions chart covers. */
export const ACTION_YEARS = { from: 2016, to: 2024 } as const;

type Loaded<T> = [AsyncState<T>, () => void];

/** Loads once per mount: the dashboard mounts afresh for each region code. */
export function useRegionDashboard(code: string): { progress: Loaded<Progress>; actions: Loaded<ActionYears> } {
  const region = encodeURIComponent(code);
  const progress = useAsync(() => getJson<Progress>(`/api/stats/region/${region}`));
  const actions = useAsync(async () => {
    const { from, to } = ACTION_YEARS;
    return (await getJson<ActionsOverTime>(`/api/stats/actions-over-time?region=${region}&from=${from}&to=${to}`)).years;
  });
  return { progress, actions };
}
