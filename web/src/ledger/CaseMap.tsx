/**
 * The map coloured by case status: the planner's MapView with colours from
 * useCaseStatusColors; clicking a plant opens its case.
 */
import { useCallback, useMemo, useState } from 'react';
import { api } from '../api/client.ts';
import { MapView } from '../map/MapView.tsx';
import type { ToggleableLayer } from '../map/map-controller.ts';
import { useAsync } from '../use-async.ts';
import { CaseStatusLegend } from './CaseStatusLegend.tsx';
import { type CaseQuery, ledgerApi } from './ledger-api.ts';
import { useLedgerText } from './ledger-messages.ts';
import { useCaseStatusColors } from './use-case-status-colors.ts';

const VISIBILITY: Record<ToggleableLayer, boolean> = {
  enterprises: true,
  nature_reserve: true,
  built_up: true,
  river_basin: false,
  key_region: false,
  industrial_park: false,
  prefectures: true,
  labels: false,
};

interface Props {
  query: CaseQuery;
  revision: number;
  /** Where to centre the map: the seat of the account's region, if it has one. */
  focus: [number, number] | null;
  onOpen: (caseId: number) => void;
}

export function CaseMap({ query, revision, focus, onOpen }: Props) {
  const text = useLedgerText();
  const [points] = useAsync(api.points);
  const pointData = points.status === 'ready' ? points.value : null;
  const { colors, error: colorError } = useCaseStatusColors(pointData, { enabled: true, query, revision });
  const [error, setError] = useState<string | null>(null);
  const flyTo = useMemo(() => (focus ? { lon: focus[0], lat: focus[1], seq: 1, zoom: 8 } : null), [focus]);
  const open = useCallback(
    (index: number | null) => {
      if (index === null || !pointData) return;
      api
        .enterpriseByKey(pointData.key[index] as number)
        .then((e) => (e ? ledgerApi.cases({ ...query, q: e.id }, { limit: 1, offset: 0, sort: 'id', order: 'asc' }) : null))
        .then(
          (page) => {
            const first = page?.items[0];
            if (first) onOpen(first.id);
          },
          (e: Error) => setError(e.message),
        );
    },
    [pointData, query, onOpen],
  );
  const shown = error ?? colorError ?? (points.status === 'error' ? points.error.message : null);
  return (
    <div className="case-map" data-testid="case-map">
      <div className="map-wrap">
        <MapView
          points={pointData}
          colors={colors}
          selectedIndex={null}
          labels={[]}
          visibility={VISIBILITY}
          flyTo={flyTo}
          onClick={open}
          onHover={() => undefined}
        />
        {shown && (
          <div className="map-status error" role="alert">
            {shown}
          </div>
        )}
      </div>
      <div className="case-legend">
        <strong>{text.mapLegend}</strong>
        <CaseStatusLegend />
      </div>
    </div>
  );
}
