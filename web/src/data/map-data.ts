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
import type { PointColumns } from '../../../server/domain/point-payload.ts';
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

async function binary(path: string): Promise<ArrayBuffer> {
  return (await request(path)).arrayBuffer();
}

export const loadColumnIndex = () => requestJson<ColumnIndex>('/api/enterprises/columns');

export async function loadProfile(expectCount: number): Promise<ProfileColumns> {
  return checked(decodeColumns(await binary('/api/enterprises/profile.bin'), PROFILE_SCHEMA), expectCount, 'profile');
}

export async function loadIndicators(year: number, expectCount: number): Promise<IndicatorColumns> {
  return checked(decodeColumns(await binary(`/api/enterprises/indicators.bin?year=${year}`), INDICATOR_SCHEMA), expectCount, 'indicators');
}

export async function loadRuleMasks(index: ColumnIndex, expectCount: number): Promise<RuleMasks> {
  const words = ruleMaskWords(index.rules.length);
  const set = checked(decodeColumns(await binary('/api/enterprises/rules.bin'), ruleMaskSchema(words)), expectCount, 'rules');
  if (set.tag !== index.screening_run) {
    throw new Error(`rule masks are of screening run ${set.tag} but the rule list of run ${index.screening_run}; reload the page`);
  }
  return { rules: index.rules, words, mask: set.columns.mask };
}

/** The data changed between two downloads when the counts disagree; mixing them would misplace values. */
function checked<T extends { count: number }>(set: T, expectCount: number, what: string): T {
  if (set.count !== expectCount) {
    throw new Error(`${what} columns hold ${set.count} enterprises but the points ${expectCount}; the data changed, reload the page`);
  }
  return set;
}
