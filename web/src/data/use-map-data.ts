/**
 * Loads what the map draws from, outside the components that render it: the catalogue and the
 * 17-byte points first (the first frame needs nothing else), then the column sets the current
 * state asks for — profile (sector tree, sizes, capacities), indicators of the chosen year, rule
 * masks — each once, with loading and error states.
 */
import { useEffect, useMemo, useState } from 'react';
import type { PointColumns } from '../../../server/domain/point-payload.ts';
import { ApiRequestError, api, type Catalogue } from '../api/client.ts';
import {
  type ColumnIndex,
  type IndicatorColumns,
  loadColumnIndex,
  loadIndicators,
  loadProfile,
  loadRuleMasks,
  type MapData,
  type ProfileColumns,
  type RuleMasks,
} from './map-data.ts';

export interface Needs {
  indicators: boolean;
  rules: boolean;
  year: number | null;
}

/** An error keeps the HTTP status it came with, so the map can tell "log in" from "failed". */
export type Loadable<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; error: string; httpStatus: number | null }
  | { status: 'ready'; value: T };

export interface MapDataState {
  catalogue: Loadable<Catalogue>;
  points: Loadable<PointColumns>;
  index: Loadable<ColumnIndex>;
  profile: Loadable<ProfileColumns>;
  indicators: Loadable<IndicatorColumns>;
  rules: Loadable<RuleMasks>;
  /** The year the indicators describe: the one asked for, else the latest with data. */
  year: number | null;
  data: MapData | null;
  retry: () => void;
}

const value = <T>(l: Loadable<T>): T | null => (l.status === 'ready' ? l.value : null);

function useLoad<T>(load: (() => Promise<T>) | null, deps: unknown[]): Loadable<T> {
  const [state, setState] = useState<Loadable<T>>({ status: 'idle' });
  useEffect(() => {
    if (!load) {
      setState({ status: 'idle' });
      return;
    }
    let live = true;
    setState({ status: 'loading' });
    load().then(
      (v) => live && setState({ status: 'ready', value: v }),
      (e: unknown) =>
        live &&
        setState({
          status: 'error',
          error: e instanceof Error ? e.message : String(e),
          httpStatus: e instanceof ApiRequestError ? e.status : null,
        }),
    );
    return () => {
      live = false;
    };
    // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists what the loader depends on.
  }, deps);
  return state;
}

export function useMapData(needs: Needs): MapDataState {
  const [attempt, setAttempt] = useState(0);
  const catalogue = useLoad(() => api.catalogue(), [attempt]);
  const points = useLoad(() => api.points(), [attempt]);
  const count = value(points)?.count ?? null;
  const index = useLoad(count === null ? null : loadColumnIndex, [count, attempt]);
  const profile = useLoad(count === null ? null : () => loadProfile(count), [count, attempt]);
  const years = value(index)?.years ?? null;
  const year = needs.year ?? (years?.length ? (years[years.length - 1] as number) : null);
  const indicators = useLoad(count !== null && needs.indicators && year !== null ? () => loadIndicators(year, count) : null, [
    count,
    needs.indicators,
    year,
    attempt,
  ]);
  const idx = value(index);
  const rules = useLoad(count !== null && needs.rules && idx ? () => loadRuleMasks(idx, count) : null, [count, needs.rules, idx, attempt]);

  const p = value(points);
  const pr = value(profile);
  const ind = value(indicators);
  const ru = value(rules);
  const data = useMemo<MapData | null>(() => (p ? { points: p, profile: pr, indicators: ind, rules: ru } : null), [p, pr, ind, ru]);
  return { catalogue, points, index, profile, indicators, rules, year, data, retry: () => setAttempt((a) => a + 1) };
}
