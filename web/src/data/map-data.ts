/**
 * The binary columns the map works from: the 17-byte points, and the on-demand column sets in the
 * same order (server/domain/column-payload.ts). Index i of each is the same enterprise.
 */

import {
  type ColumnSet,
  decodeColumns,
  INDICATOR_SCHEMA,
  PROFILE_SCHEMA,
  ruleMaskSchema,
  ruleMaskWords,
} from '../../../server/domain/column-payload.ts';
import { decodePoints, type PointColumns } from '../../../server/domain/point-payload.ts';
import type { ColumnIndex, RuleInfo } from '../../../server/http/schemas/wire.ts';
import { request, requestJson } from '../api/request.ts';

export type ProfileColumns = ColumnSet<typeof PROFILE_SCHEMA>;
export type IndicatorColumns = ColumnSet<typeof INDICATOR_SCHEMA>;

export type { ColumnIndex, RuleInfo };

export interface RuleMasks {
  rules: RuleInfo[];
  words: number;
  mask: Uint32Array;
}

export interface MapData {
  points: PointColumns;
  profile: ProfileColumns | null;
  indicators: IndicatorColumns | null;
  rules: RuleMasks | null;
}

async function binary(path: string, signal?: AbortSignal): Promise<ArrayBuffer> {
  return (await request(path, signal ? { signal } : {})).arrayBuffer();
}

/**
 * Where the map's columns come from: the whole map (every enterprise, when the browser works alone)
 * or the plants in a window around the view (the server-side map, data/map-window.ts). Either way
 * index i of every set is the same enterprise as index i of the points.
 */
export interface ColumnSource {
  points: string;
  set: (name: 'profile' | 'indicators' | 'rules', year?: number) => string;
}

export const WHOLE_MAP: ColumnSource = {
  points: '/api/enterprises/points',
  set: (name, year) => (name === 'indicators' ? `/api/enterprises/indicators.bin?year=${year}` : `/api/enterprises/${name}.bin`),
};

export function windowSource(box: string, limit: number): ColumnSource {
  const where = `box=${box}&limit=${limit}`;
  return {
    points: `/api/map/plants?${where}`,
    set: (name, year) => `/api/map/columns.bin?set=${name}${name === 'indicators' ? `&year=${year}` : ''}&${where}`,
  };
}

export const loadColumnIndex = () => requestJson<ColumnIndex>('/api/enterprises/columns');

export async function loadPoints(source: ColumnSource, signal?: AbortSignal): Promise<PointColumns> {
  return decodePoints(await binary(source.points, signal));
}

export async function loadProfile(source: ColumnSource, points: PointColumns, signal?: AbortSignal): Promise<ProfileColumns> {
  return checked(decodeColumns(await binary(source.set('profile'), signal), PROFILE_SCHEMA), points, 'profile');
}

export async function loadIndicators(
  source: ColumnSource,
  year: number,
  points: PointColumns,
  signal?: AbortSignal,
): Promise<IndicatorColumns> {
  return checked(decodeColumns(await binary(source.set('indicators', year), signal), INDICATOR_SCHEMA), points, 'indicators');
}

export async function loadRuleMasks(
  source: ColumnSource,
  index: ColumnIndex,
  points: PointColumns,
  signal?: AbortSignal,
): Promise<RuleMasks> {
  const words = ruleMaskWords(index.rules.length);
  const set = checked(decodeColumns(await binary(source.set('rules'), signal), ruleMaskSchema(words)), points, 'rules');
  if (set.tag !== index.screening_run) {
    throw new Error(`rule masks are of screening run ${set.tag} but the rule list of run ${index.screening_run}; reload the page`);
  }
  return { rules: index.rules, words, mask: set.columns.mask };
}

/** The data changed between two downloads when the counts or versions disagree; mixing them would misplace values. */
function checked<T extends { count: number; dataVersion: number }>(set: T, points: PointColumns, what: string): T {
  if (set.count !== points.count || set.dataVersion !== points.dataVersion) {
    throw new Error(
      `${what} columns hold ${set.count} enterprises of data version ${set.dataVersion} but the points ${points.count} of version ${points.dataVersion}; the data changed, reload the page`,
    );
  }
  return set;
}
