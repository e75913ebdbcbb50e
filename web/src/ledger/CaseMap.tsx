/**
 * The map coloured by case status: the planner's MapView with colours from
 * map/layers/case-status-colors.ts; clicking a plant opens its case.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { CASE_STATUSES } from '../../../server/domain/case-lifecycle.ts';
import { api } from '../api/client.ts';
import { CASE_STATUS_COLORS, colorsByCaseStatus, NO_CASE_COLOR, OVERDUE_COLOR } from '../map/layers/case-status-colors.ts';
import { MapView } from '../map/MapView.tsx';
import type { ToggleableLayer } from '../map/map-controller.ts';
import { hex } from '../map/palette.ts';
import { useAsync } from '../use-async.ts';
import { type CaseMap as CaseMapData, type CaseQuery, ledgerApi } from './ledger-api.ts';
import { useLedgerText } from './ledger-messages.ts';

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
  const [cases, setCases] = useState<CaseMapData | null>(null);
  const [error, setError] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: revision is how the page asks for a reload after a change.
  useEffect(() => {
    let live = true;
    ledgerApi.map(query).then(
      (m) => live && setCases(m),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [query, revision]);
  const pointData = points.status === 'ready' ? points.value : null;
  const flyTo = useMemo(() => (focus ? { lon: focus[0], lat: focus[1], seq: 1, zoom: 8 } : null), [focus]);
  const colors = useMemo(() => (pointData && cases ? colorsByCaseStatus(pointData, cases) : null), [pointData, cases]);
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
        {(error || points.status === 'error') && (
          <div className="map-status error" role="alert">
            {error ?? (points.status === 'error' ? points.error.message : '')}
          </div>
        )}
      </div>
      <ul className="legend case-legend" aria-label={text.mapLegend}>
        <li>
          <strong>{text.mapLegend}</strong>
        </li>
        <li>
          <span className="dot" style={{ background: hex(OVERDUE_COLOR) }} />
          {text.overdue}
        </li>
        {CASE_STATUSES.map((s) => (
          <li key={s}>
            <span className="dot" style={{ background: hex(CASE_STATUS_COLORS[s]) }} />
            {text.statuses[s]}
          </li>
        ))}
        <li>
          <span className="dot" style={{ background: hex(NO_CASE_COLOR), opacity: 0.4 }} />
          {text.mapNoCase}
        </li>
      </ul>
    </div>
  );
}
