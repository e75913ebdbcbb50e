/** The current filter run over the loaded columns; recomputed only when either changes. */
import { useMemo } from 'react';
import { type CompiledFilter, compileFilter, type FilterState } from '../../../server/domain/map-filter.ts';
import type { Catalogue } from '../api/client.ts';
import type { MapData } from '../data/map-data.ts';
import { type FilterResult, runFilter } from './filter-pass.ts';

export function useFilter(
  filter: FilterState,
  data: MapData | null,
  catalogue: Catalogue | null,
): { compiled: CompiledFilter | null; result: FilterResult | null } {
  const ruleIds = useMemo(() => data?.rules?.rules.map((r) => r.rule_id) ?? [], [data?.rules]);
  const compiled = useMemo(
    () => (catalogue ? compileFilter(filter, { prefectureOrder: catalogue.prefectureOrder, ruleIds }) : null),
    [filter, catalogue, ruleIds],
  );
  const result = useMemo(() => (data && compiled ? runFilter(data, compiled) : null), [data, compiled]);
  return { compiled, result };
}
