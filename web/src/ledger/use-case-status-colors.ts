/**
 * Colours of the enterprise points by ledger case status (GET /api/cases/map, then the pure
 * colorsByCaseStatus), for any MapView: the ledger's map tab uses it, and the planner's map can
 * offer it as a toggle for logged-in users. Null colours mean "keep the usual ones".
 */
import { useEffect, useMemo, useState } from 'react';
import type { PointColumns } from '../../../server/domain/point-payload.ts';
import { colorsByCaseStatus } from '../map/layers/case-status-colors.ts';
import { type CaseMap, type CaseQuery, ledgerApi } from './ledger-api.ts';

export interface CaseStatusColorOptions {
  enabled: boolean;
  query?: CaseQuery;
  /** Bump to reload after cases changed. */
  revision?: number;
}

export function useCaseStatusColors(points: PointColumns | null, { enabled, query, revision = 0 }: CaseStatusColorOptions) {
  const [cases, setCases] = useState<CaseMap | null>(null);
  const [error, setError] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: revision is how callers ask for a reload after a change.
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    ledgerApi.map(query ?? {}).then(
      (m) => {
        if (!live) return;
        setCases(m);
        setError(null);
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [enabled, query, revision]);
  const colors = useMemo(() => (enabled && points && cases ? colorsByCaseStatus(points, cases) : null), [enabled, points, cases]);
  return { colors, error };
}
