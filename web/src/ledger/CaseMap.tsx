/**
 * The map coloured by case status: the planner's MapView with colours from
 * useCaseStatusColors; clicking a plant opens its case. Over it, each case's relocation as an arc
 * and the parks' free land (relocation-layers.ts); clicking an arc opens its case too. While the
 * drawer asks for a relocation site, a click chooses a point or the pointer draws an area.
 */
import type { PickingInfo } from '@deck.gl/core';
import { useCallback, useMemo, useRef, useState } from 'react';
import { EMPTY_FILTER } from '../../../server/domain/map-filter.ts';
import { api } from '../api/client.ts';
import { ApiRequestError } from '../api/request.ts';
import { useQuery } from '../api/use-query.ts';
import { loadPoints, windowSource } from '../data/map-data.ts';
import { boxParam, WINDOW_FROM_ZOOM, WINDOW_LIMIT } from '../data/map-window.ts';
import { useMapWindow } from '../data/use-map-window.ts';
import { useServerMap } from '../data/use-server-map.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { DrawMode } from '../map/draw-tools.ts';
import { MapView } from '../map/MapView.tsx';
import type { EnterpriseStyle } from '../map/map-controller.ts';
import type { LayerId } from '../state/app-state.ts';
import type { PickMode } from './CaseRelocation.tsx';
import { CaseStatusLegend } from './CaseStatusLegend.tsx';
import { flowText } from './flow-text.ts';
import { type CaseQuery, ledgerApi, type ParkRoom, type RelocationFlow, type SitePlace } from './ledger-api.ts';
import { useLedgerText } from './ledger-messages.ts';
import { RelocationLegend } from './RelocationLegend.tsx';
import { ARC_LAYER_ID, PARK_LAYER_ID, type RelocationLayerOptions, relocationLayers } from './relocation-layers.ts';
import { useCaseStatusColors } from './use-case-status-colors.ts';
import { useMapOverlay } from './use-map-overlay.ts';

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
  /** Set while the drawer asks for a relocation site on the map. */
  pickMode: PickMode | null;
  onPicked: (place: SitePlace) => void;
  onCancelPick: () => void;
}

const DRAW_MODE: Record<PickMode, DrawMode> = { point: 'circle', area: 'polygon' };
const NO_FLOWS: RelocationFlow[] = [];
const NO_PARKS: ParkRoom[] = [];

export function CaseMap({ query, revision, focus, onOpen, pickMode, onPicked, onCancelPick }: Props) {
  const text = useLedgerText();
  const { lang, pick } = useI18n();
  // On a national database (catalogue map.mode 'server') the map holds the plants of a window
  // around the view, coloured by the cases of that window, and draws the server's cells of every
  // plant zoomed out or where a window would hold too many (data/map-window.ts).
  const [catalogue] = useQuery(api.catalogue, []);
  const serverMode = catalogue.status === 'ready' && catalogue.value.map.mode === 'server';
  const mapWindow = useMapWindow(serverMode, null);
  const windowBox = serverMode && mapWindow.window ? boxParam(mapWindow.window.box) : null;
  const [points] = useQuery(
    catalogue.status !== 'ready'
      ? null
      : serverMode
        ? windowBox
          ? (signal) => loadPoints(windowSource(windowBox, WINDOW_LIMIT), signal)
          : null
        : api.points,
    [catalogue.status, serverMode, windowBox],
    { keepPrevious: serverMode },
  );
  const dense = points.status === 'error' && points.error instanceof ApiRequestError && points.error.status === 422;
  mapWindow.setDense(dense);
  const pointData = points.status === 'ready' ? points.value : null;
  const zoomedOut = mapWindow.bounds !== null && mapWindow.bounds.zoom < WINDOW_FROM_ZOOM;
  const server = useServerMap({
    on: serverMode,
    counts: false,
    filter: EMPTY_FILTER,
    year: null,
    ruleCount: 0,
    bounds: mapWindow.bounds,
    cells: !serverMode ? null : zoomedOut ? 'zoom' : dense ? 'budget' : pointData ? null : 'zoom',
  });
  const { colors, error: colorError } = useCaseStatusColors(pointData, { enabled: true, query, revision, box: windowBox });
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

  const [flows] = useQuery((signal) => ledgerApi.flows(query, signal), [query, revision], { keepPrevious: true });
  const [parks] = useQuery(ledgerApi.parkRoom, [revision], { keepPrevious: true });
  const [show, setShow] = useState<RelocationLayerOptions>({ flows: true, parks: true });
  const flowData = flows.status === 'ready' ? flows.value : NO_FLOWS;
  const parkData = parks.status === 'ready' ? parks.value : NO_PARKS;
  const layers = useMemo(() => relocationLayers(flowData, parkData, show), [flowData, parkData, show]);
  const picking = useRef(pickMode);
  picking.current = pickMode;
  useMapOverlay(layers, {
    onClick: (info: PickingInfo) => {
      if (picking.current === null && info.layer?.id === ARC_LAYER_ID && info.object) onOpen((info.object as RelocationFlow).case_id);
    },
    tooltip: (info: PickingInfo) => {
      if (info.layer?.id === PARK_LAYER_ID) {
        const p = info.object as ParkRoom;
        const free = p.land_free_ha === null ? text.relocation.unknown : text.relocation.ha(p.land_free_ha);
        return text.relocationMap.parkTip(p.name ? pick(p.name, p.name_en) : (p.name_en ?? p.park_id), free, p.proposed, p.approved);
      }
      if (info.layer?.id === ARC_LAYER_ID) {
        return flowText(info.object as RelocationFlow, text, lang);
      }
      return null;
    },
  });
  const relocationError = flows.status === 'error' ? flows.error.message : parks.status === 'error' ? parks.error.message : null;
  const shown = error ?? colorError ?? (points.status === 'error' && !dense ? points.error.message : null) ?? relocationError;
  return (
    <div className="case-map" data-testid="case-map" data-arcs={show.flows ? flowData.length : 0}>
      <div className="map-wrap">
        <MapView
          points={pointData}
          serverCells={server.cells}
          serverCellsReason={server.cellsReason}
          onBounds={mapWindow.onBounds}
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
          drawMode={pickMode ? DRAW_MODE[pickMode] : 'none'}
          basemap={null}
          move={move}
          onClick={open}
          onHover={noop}
          onViewChange={noop}
          onCircleCentre={(point) => {
            if (pickMode === 'point') onPicked({ point });
          }}
          onPolygon={(ring) => {
            if (pickMode === 'area' && ring.length >= 4) onPicked({ area: { type: 'Polygon', coordinates: [ring] } });
          }}
          onMeasure={noop}
        />
        {pickMode && (
          <div className="map-status pick-status" role="status" data-testid="pick-status">
            {pickMode === 'point' ? text.relocationMap.pickPoint : text.relocationMap.pickArea}{' '}
            <button type="button" onClick={onCancelPick}>
              {text.relocationMap.stopPick}
            </button>
          </div>
        )}
        {shown && (
          <div className="map-status error" role="alert">
            {shown}
          </div>
        )}
      </div>
      <div className="case-legend">
        <strong>{text.mapLegend}</strong>
        <CaseStatusLegend />
        <RelocationLegend flows={flowData} show={show} onShow={setShow} onOpen={onOpen} />
      </div>
    </div>
  );
}
