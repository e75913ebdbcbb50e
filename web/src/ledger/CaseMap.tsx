/**
 * The map coloured by case status: the planner's MapView with colours from
 * useCaseStatusColors; clicking a plant opens its case.
 */
import { useCallback, useMemo, useState } from 'react';
import { api } from '../api/client.ts';
import { useQuery } from '../api/use-query.ts';
import { MapView } from '../map/MapView.tsx';
import type { EnterpriseStyle } from '../map/map-controller.ts';
import type { LayerId } from '../state/app-state.ts';
import { CaseStatusLegend } from './CaseStatusLegend.tsx';
import { type CaseQuery, ledgerApi } from './ledger-api.ts';
import { useLedgerText } from './ledger-messages.ts';
import { useCaseStatusColors } from './use-case-status-colors.ts';

/** Reserves and built-up areas are where relocation cases come from; the rest would only clutter. */
const HIDDEN: LayerId[] = ['river_basin', 'key_region', 'industrial_park', 'labels', 'choropleth'];
const NO_OPACITY = {};
const noop = () => undefined;

interface Props {
  query: CaseQuery;
  revision: number;
  /** Where to centre the map: the seat of the account's region, if it has one. */
  focus: [number, number] | null;
  onOpen: (caseId: number) => void;
}

export function CaseMap({ query, revision, focus, onOpen }: Props) {
  const text = useLedgerText();
  const [points] = useQuery(api.points, []);
  const pointData = points.status === 'ready' ? points.value : null;
  const { colors, error: colorError } = useCaseStatusColors(pointData, { enabled: true, query, revision });
  const [error, setError] = useState<string | null>(null);
  const move = useMemo(() => (focus ? { seq: 1, view: { lon: focus[0], lat: focus[1], zoom: 8 } } : null), [focus]);
  const style = useMemo<EnterpriseStyle | null>(
    () => (pointData && colors ? { colors, radii: null, visible: new Float32Array(pointData.count).fill(1) } : null),
    [pointData, colors],
  );
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
          style={style}
          selectedIndex={null}
          listHover={null}
          labels={[]}
          aggregate={false}
          hidden={HIDDEN}
          opacity={NO_OPACITY}
          selection={null}
          measure={null}
          choropleth={null}
          drawMode="none"
          basemap={null}
          move={move}
          onClick={open}
          onHover={noop}
          onViewChange={noop}
          onCircleCentre={noop}
          onPolygon={noop}
          onMeasure={noop}
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
