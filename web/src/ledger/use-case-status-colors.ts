/**
 * Colours of the enterprise points by ledger case status (GET /api/cases/map, then the pure
 * colorsByCaseStatus), for any MapView: the ledger's map tab uses it, and the planner's map can
 * offer it as a toggle for logged-in users. Null colours mean "keep the usual ones".
 */
import { useMemo } from 'react';
import type { PointColumns } from '../../../server/domain/point-payload.ts';
import { useQuery } from '../api/use-query.ts';
import { colorsByCaseStatus } from '../map/layers/case-status-colors.ts';
import { type CaseQuery, ledgerApi } from './ledger-api.ts';

export interface CaseStatusColorOptions {
  enabled: boolean;
  query?: CaseQuery;
  /** Bump to reload after cases changed. */
  revision?: number;
  /** Only the cases of enterprises inside this box (west,south,east,north): a national map's window. */
  box?: string | null;
}

export function useCaseStatusColors(points: PointColumns | null, { enabled, query, revision = 0, box }: CaseStatusColorOptions) {
  // The colours shown stay until the next are here; revision is how callers ask for a reload after a change.
  const [state] = useQuery(
    enabled ? (signal) => ledgerApi.map(query ?? {}, signal, box ?? undefined) : null,
    [enabled, query, revision, box],
    {
      keepPrevious: true,
    },
  );
  const cases = state.status === 'ready' ? state.value : null;
  const error = state.status === 'error' ? state.error.message : null;
  const colors = useMemo(() => (enabled && points && cases ? colorsByCaseStatus(points, cases) : null), [enabled, points, cases]);
  return { colors, error };
}
