/**
 * Loads what the map draws from, outside the components that render it: the catalogue and the
 * 17-byte points first (the first frame needs nothing else), then the column sets the current
 * state asks for — profile (sector tree, sizes, capacities), indicators of the chosen year, rule
 * masks — each once, with loading and error states.
 */
import { useMemo, useState } from 'react';
import type { PointColumns } from '../../../server/domain/point-payload.ts';
import { api, type Catalogue } from '../api/client.ts';
import { type QueryState, useQuery } from '../api/use-query.ts';
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

/** Each part idle while the state does not need it; an ApiRequestError keeps its HTTP status, so the map can tell "log in" from "failed". */
export interface MapDataState {
  catalogue: QueryState<Catalogue>;
  points: QueryState<PointColumns>;
  index: QueryState<ColumnIndex>;
  profile: QueryState<ProfileColumns>;
  indicators: QueryState<IndicatorColumns>;
  rules: QueryState<RuleMasks>;
  /** The year the indicators describe: the one asked for, else the latest with data. */
  year: number | null;
  data: MapData | null;
  retry: () => void;
}

const value = <T>(l: QueryState<T>): T | null => (l.status === 'ready' ? l.value : null);

export function useMapData(needs: Needs): MapDataState {
  const [attempt, setAttempt] = useState(0);
  const [catalogue] = useQuery(api.catalogue, [attempt]);
  const [points] = useQuery(api.points, [attempt]);
  const count = value(points)?.count ?? null;
  const [index] = useQuery(count === null ? null : loadColumnIndex, [count, attempt]);
  const [profile] = useQuery(count === null ? null : () => loadProfile(count), [count, attempt]);
  const years = value(index)?.years ?? null;
  const year = needs.year ?? (years?.length ? (years[years.length - 1] as number) : null);
  const [indicators] = useQuery(count !== null && needs.indicators && year !== null ? () => loadIndicators(year, count) : null, [
    count,
    needs.indicators,
    year,
    attempt,
  ]);
  const idx = value(index);
  const [rules] = useQuery(count !== null && needs.rules && idx ? () => loadRuleMasks(idx, count) : null, [
    count,
    needs.rules,
    idx,
    attempt,
  ]);

  const p = value(points);
  const pr = value(profile);
  const ind = value(indicators);
  const ru = value(rules);
  const data = useMemo<MapData | null>(() => (p ? { points: p, profile: pr, indicators: ind, rules: ru } : null), [p, pr, ind, ru]);
  return { catalogue, points, index, profile, indicators, rules, year, data, retry: () => setAttempt((a) => a + 1) };
}
