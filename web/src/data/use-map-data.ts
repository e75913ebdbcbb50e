/**
 * Loads what the map draws from, outside the components that render it: the catalogue first (it
 * says whether the browser works over every enterprise or the server-side map over a window of
 * them, data/map-window.ts), then the 17-byte points (the first frame needs nothing else), then the
 * column sets the current state asks for — profile (sector tree, sizes, capacities), indicators of
 * the chosen year, rule masks — each once per points, with loading and error states.
 */
import { useMemo, useState } from 'react';
import type { PointColumns } from '../../../server/domain/point-payload.ts';
import { api, type Catalogue } from '../api/client.ts';
import { ApiRequestError } from '../api/request.ts';
import { type QueryState, useQuery } from '../api/use-query.ts';
import {
  type ColumnIndex,
  type ColumnSource,
  type IndicatorColumns,
  loadColumnIndex,
  loadIndicators,
  loadPoints,
  loadProfile,
  loadRuleMasks,
  type MapData,
  type ProfileColumns,
  type RuleMasks,
  WHOLE_MAP,
  windowSource,
} from './map-data.ts';
import { boxParam, type LonLatBox, type MapWindow, WINDOW_LIMIT } from './map-window.ts';

export interface Needs {
  indicators: boolean;
  rules: boolean;
  year: number | null;
}

export type MapMode = 'browser' | 'server';

/** Each part idle while the state does not need it; an ApiRequestError keeps its HTTP status, so the map can tell "log in" from "failed". */
export interface MapDataState {
  catalogue: QueryState<Catalogue>;
  /** Null until the catalogue says. */
  mode: MapMode | null;
  /** Every enterprise in the database (the points hold them all in the browser's mode, a window's in the server's). */
  enterprises: number | null;
  /** The server-side map's window the points hold; null in the browser's mode or with no window. */
  window: MapWindow | null;
  /** The box whose plants the points hold now (the server-side map; the last window until the next arrives). */
  heldBox: LonLatBox | null;
  /** The window holds more plants than WINDOW_LIMIT: the map draws the server's cells there. */
  dense: boolean;
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

/** Which window's box each loaded set of points holds. */
const heldBoxes = new WeakMap<PointColumns, string>();

const value = <T>(l: QueryState<T>): T | null => (l.status === 'ready' ? l.value : null);

/** `window` is the server-side map's window (ignored in the browser's mode). */
export function useMapData(needs: Needs, window: MapWindow | null = null): MapDataState {
  const [attempt, setAttempt] = useState(0);
  const [catalogue] = useQuery(api.catalogue, [attempt]);
  const cat = value(catalogue);
  const mode: MapMode | null = cat ? cat.map.mode : null;
  const windowKey = mode === 'server' && window ? boxParam(window.box) : null;
  const source = useMemo<ColumnSource | null>(
    () => (mode === 'browser' ? WHOLE_MAP : windowKey ? windowSource(windowKey, WINDOW_LIMIT) : null),
    [mode, windowKey],
  );
  // A new window keeps the last one drawn until it arrives, as a map keeps its tiles.
  const [points] = useQuery(
    source
      ? async (signal) => {
          const loaded = await loadPoints(source, signal);
          if (windowKey) heldBoxes.set(loaded, windowKey);
          return loaded;
        }
      : null,
    [source, attempt],
    { keepPrevious: mode === 'server' },
  );
  const p = value(points);
  const held = p ? heldBoxes.get(p) : undefined;
  const [index] = useQuery(mode ? loadColumnIndex : null, [mode !== null, attempt]);
  const [profile] = useQuery(source && p ? (signal) => loadProfile(source, p, signal) : null, [p, attempt]);
  const years = value(index)?.years ?? null;
  const year = needs.year ?? (years?.length ? (years[years.length - 1] as number) : null);
  const wantIndicators = source && p && needs.indicators && year !== null;
  const [indicators] = useQuery(wantIndicators ? (signal) => loadIndicators(source, year, p, signal) : null, [
    p,
    needs.indicators,
    year,
    attempt,
  ]);
  const idx = value(index);
  const [rules] = useQuery(source && p && needs.rules && idx ? (signal) => loadRuleMasks(source, idx, p, signal) : null, [
    p,
    needs.rules,
    idx,
    attempt,
  ]);

  const pr = value(profile);
  const ind = value(indicators);
  const ru = value(rules);
  const data = useMemo<MapData | null>(() => (p ? { points: p, profile: pr, indicators: ind, rules: ru } : null), [p, pr, ind, ru]);
  const dense = points.status === 'error' && points.error instanceof ApiRequestError && points.error.status === 422;
  return {
    catalogue,
    mode,
    enterprises: cat?.map.enterprises ?? null,
    window: mode === 'server' ? window : null,
    heldBox: held ? (held.split(',').map(Number) as LonLatBox) : null,
    dense,
    points,
    index,
    profile,
    indicators,
    rules,
    year,
    data,
    retry: () => setAttempt((a) => a + 1),
  };
}
