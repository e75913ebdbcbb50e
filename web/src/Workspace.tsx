/**
 * Puts the planner's map together: loads the columns the state asks for, runs the filter, derives
 * colours and sizes, and wires the panels and the map to the URL-backed store.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiRequestError } from './api/request.ts';
import { RegionDashboard } from './dashboard/RegionDashboard.tsx';
import { indexOfKey } from './data/key-index.ts';
import { WINDOW_FROM_ZOOM } from './data/map-window.ts';
import { useEnterpriseDetail } from './data/use-enterprise-detail.ts';
import { useMapData } from './data/use-map-data.ts';
import { useMapWindow } from './data/use-map-window.ts';
import { useServerMap } from './data/use-server-map.ts';
import type { FilterResult } from './filter/filter-pass.ts';
import { useFilter } from './filter/use-filter.ts';
import { useI18n } from './i18n/i18n.tsx';
import type { DrawMode } from './map/draw-tools.ts';
import { capacityRadii, enterpriseColors, legendFor, producibleActions } from './map/enterprise-style.ts';
import { type Hover, HoverTooltip } from './map/HoverTooltip.tsx';
import { Legend } from './map/Legend.tsx';
import { usePlaceLabels } from './map/labels/use-place-labels.ts';
import type { DrawnEnterprises } from './map/legend-report.ts';
import { MapToolbar } from './map/MapToolbar.tsx';
import { MapView, type MapViewProps } from './map/MapView.tsx';
import { OFFLINE_BASEMAP_ID, OfflineDetailNote } from './map/OfflineDetailNote.tsx';
import { useBasemap } from './map/use-basemap.ts';
import { useChoropleth } from './map/use-choropleth.ts';
import { DetailPanel } from './panels/DetailPanel.tsx';
import { ErrorBoundary } from './panels/ErrorBoundary.tsx';
import { Header } from './panels/Header.tsx';
import { Sidebar } from './panels/Sidebar.tsx';
import { SkipLinks } from './panels/SkipLinks.tsx';
import { shapeFromRing } from './selection/shape-from-ring.ts';
import { ringBox, shapeRing } from './selection/shape-geometry.ts';
import type { AppState } from './state/app-state.ts';
import { shallowEqual, update, useAppState } from './state/store.ts';

/**
 * What the workspace itself reads of the state: not the view, so a map move re-renders nothing
 * here; the panels read their own slices.
 */
const workspaceSlice = (s: AppState) => ({
  filter: s.filter,
  year: s.year,
  colorBy: s.colorBy,
  sizeBy: s.sizeBy,
  aggregate: s.aggregate,
  hidden: s.hidden,
  opacity: s.opacity,
  choropleth: s.choropleth,
  basemap: s.basemap,
  selection: s.selection,
  enterprise: s.enterprise,
  tab: s.tab,
  sortNeedsIndicators: s.tab === 'list' && /intensity|change/.test(s.sort.key),
  dashboard: s.dashboard,
});

export function Workspace() {
  const { t } = useI18n();
  const state = useAppState(workspaceSlice, shallowEqual);
  const { filter, colorBy } = state;
  const indicatorColumn = colorBy !== 'action' && colorBy !== 'sector';
  // The server-side map (catalogue.map.mode 'server') holds the plants of a window around the view
  // and the selection (data/map-window.ts); the view at rest is what the window follows.
  // Whether to follow is known from the catalogue, which useMapData loads after the window is asked
  // for: it follows one render later.
  const [follow, setFollow] = useState(false);
  const selectionBox = useMemo(() => (state.selection ? ringBox(shapeRing(state.selection)) : null), [state.selection]);
  const { bounds, window: mapWindow, onBounds, setDense } = useMapWindow(follow, selectionBox);
  const mapData = useMapData(
    {
      indicators: Object.keys(filter.ranges).length > 0 || indicatorColumn || state.sortNeedsIndicators || state.tab === 'filters',
      rules: filter.rules.length > 0 || state.tab === 'filters',
      year: state.year,
    },
    mapWindow,
  );
  setDense(mapData.dense);
  const serverMode = mapData.mode === 'server';
  useEffect(() => setFollow(serverMode), [serverMode]);
  const catalogue = mapData.catalogue.status === 'ready' ? mapData.catalogue.value : null;
  const { data } = mapData;
  const { result } = useFilter(filter, data, catalogue);

  // While a column set the filter needs is loading, keep drawing the last result.
  const lastResult = useRef<FilterResult | null>(null);
  if (result && result.visible.length === data?.points.count) lastResult.current = result;
  const local = result ?? (lastResult.current?.visible.length === data?.points.count ? lastResult.current : null);

  const ruleCount = mapData.index.status === 'ready' ? mapData.index.value.rules.length : 0;
  const followsView = bounds !== null && bounds.zoom >= WINDOW_FROM_ZOOM;
  const server = useServerMap({
    on: serverMode,
    filter,
    year: mapData.year,
    ruleCount,
    bounds,
    // Cells where the page holds no plants of the view: zoomed out, too dense, or the first window on its way.
    cells: !serverMode ? null : !followsView ? 'zoom' : mapData.dense ? 'budget' : data && mapWindow?.view ? null : 'zoom',
  });
  // The server-side map counts the whole map on the server and draws the window's plants here.
  const shown = useMemo<FilterResult | null>(() => {
    if (!serverMode) return local;
    if (!server.counts) return null;
    // Until the window's own filter pass is ready, none of its plants is shown (nor listed, nor counted in a selection).
    return { visible: local?.visible ?? new Float32Array(data?.points.count ?? 0), counts: server.counts };
  }, [serverMode, local, server.counts, data]);

  const ruleList = mapData.index.status === 'ready' ? mapData.index.value.rules : null;
  const actions = useMemo(() => producibleActions(ruleList), [ruleList]);
  const legend = useMemo(() => legendFor(colorBy, data, actions), [colorBy, data, actions]);
  // Colours follow the legend, which changes only with the colouring or the columns it reads.
  const colors = useMemo(() => (data && legend ? enterpriseColors(data, legend) : null), [legend, data]);
  const sizeByCapacity = state.sizeBy === 'capacity';
  const radii = useMemo(() => (data && sizeByCapacity ? capacityRadii(data) : null), [data, sizeByCapacity]);
  const visible = shown?.visible ?? null;
  const style = useMemo(() => (colors && visible ? { colors, radii, visible } : null), [colors, radii, visible]);

  const labels = usePlaceLabels(catalogue, state.basemap === OFFLINE_BASEMAP_ID);

  const points = data?.points ?? null;
  const total = serverMode ? mapData.enterprises : (points?.count ?? null);
  const selectedIndex = points && state.enterprise !== null ? indexOfKey(points, state.enterprise) : null;
  const detail = useEnterpriseDetail(state.enterprise);
  const [listHover, setListHover] = useState<number | null>(null);
  const [hover, setHover] = useState<Hover | null>(null);
  const [drawn, setDrawn] = useState<DrawnEnterprises | null>(null);
  const [drawMode, setDrawMode] = useState<DrawMode>('none');
  const [radiusKm, setRadiusKm] = useState(1);
  const [measure, setMeasure] = useState<{ line: [number, number][]; finished: boolean } | null>(null);
  const [move, setMove] = useState<MapViewProps['move']>(null);
  const basemap = useBasemap(state.basemap, catalogue);
  const choropleth = useChoropleth(
    state.choropleth,
    !state.hidden.includes('choropleth'),
    data,
    shown,
    catalogue,
    mapData.year,
    serverMode ? filter : null,
  );

  const flyToIndex = useCallback(
    (index: number) => {
      if (!points) return;
      const lon = points.position[2 * index] as number;
      const lat = points.position[2 * index + 1] as number;
      setMove((m) => ({ seq: (m?.seq ?? 0) + 1, view: { lon, lat, zoom: 12 } }));
    },
    [points],
  );

  const callbacks = {
    onBounds,
    onClick: (index: number | null) => update({ enterprise: index === null || !points ? null : (points.key[index] as number) }),
    onHover: setHover,
    onDrawn: setDrawn,
    onViewChange: (view: { lon: number; lat: number; zoom: number }) => update({ view }),
    onCircleCentre: (centre: [number, number]) => {
      update({ selection: { kind: 'circle', centre, radiusM: radiusKm * 1000 }, tab: 'selection' });
      setDrawMode('none');
    },
    onPolygon: (ring: [number, number][]) => {
      const shape = shapeFromRing(ring);
      if (shape) update({ selection: shape, tab: 'selection' });
      setDrawMode('none');
    },
    onMeasure: (line: [number, number][], finished: boolean) => {
      setMeasure({ line, finished });
      if (finished) setDrawMode('none');
    },
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      if (drawMode !== 'none') setDrawMode('none');
      else if (state.dashboard) update({ dashboard: null });
      else update({ enterprise: null });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [drawMode, state.dashboard]);

  // A window too dense to hold is no failure: the server's cells are drawn there.
  const failed = [mapData.points, mapData.catalogue].find((l) => l.status === 'error' && !mapData.dense);
  const loadError = failed?.status === 'error' ? failed.error : null;
  const loginNeeded = loadError instanceof ApiRequestError && loadError.status === 401;

  return (
    <div className="app">
      <SkipLinks />
      <Header visible={shown?.counts.visible ?? null} total={total} catalogue={catalogue} />
      <main className="workspace">
        <Sidebar
          mapData={mapData}
          result={shown}
          onFlyTo={flyToIndex}
          onFlyToPlace={(lon, lat) => setMove((m) => ({ seq: (m?.seq ?? 0) + 1, view: { lon, lat, zoom: 12 } }))}
          onListHover={setListHover}
          onFitSelection={(bbox) => setMove((m) => ({ seq: (m?.seq ?? 0) + 1, bbox }))}
        />
        <div className="map-wrap">
          <MapView
            points={points}
            serverCells={server.cells}
            serverCellsReason={server.cellsReason}
            style={style}
            selectedIndex={selectedIndex}
            listHover={listHover}
            labels={labels}
            aggregate={state.aggregate}
            hidden={state.hidden}
            opacity={state.opacity}
            selection={state.selection}
            measure={measure?.line ?? null}
            choropleth={choropleth.expression}
            drawMode={drawMode}
            basemap={basemap}
            move={move}
            {...callbacks}
          />
          <MapToolbar
            drawMode={drawMode}
            onDrawMode={(m) => {
              setDrawMode(m);
              if (m === 'measure') setMeasure(null);
            }}
            radiusKm={radiusKm}
            onRadiusKm={setRadiusKm}
            measure={measure}
            onClear={() => {
              setMeasure(null);
              setDrawMode('none');
              update({ selection: null });
            }}
            legend={legend}
            drawn={drawn}
            choroplethLegend={choropleth.legend}
          />
          <Legend legend={legend} drawn={drawn} choropleth={choropleth.legend} />
          {state.basemap === OFFLINE_BASEMAP_ID && <OfflineDetailNote />}
          {(serverMode ? shown === null : mapData.points.status === 'loading') && <div className="map-status">{t.loading}</div>}
          {loadError && loginNeeded && (
            <div className="map-status" role="alert" data-testid="map-login">
              {t.mapNeedsLogin} <a href="/ledger">{t.signIn}</a>
            </div>
          )}
          {loadError && !loginNeeded && (
            <div className="map-status error" role="alert">
              {`${t.loadFailed}: ${loadError.message}`}{' '}
              <button type="button" onClick={mapData.retry}>
                {t.retry}
              </button>
            </div>
          )}
          {hover && points && <HoverTooltip hover={hover} points={points} catalogue={catalogue} />}
        </div>
        {detail.status !== 'idle' && (
          <ErrorBoundary key={state.enterprise} fallback={(e) => <p className="error">{`${t.loadFailed}: ${e.message}`}</p>}>
            <DetailPanel state={detail} catalogue={catalogue} onClose={() => update({ enterprise: null })} />
          </ErrorBoundary>
        )}
        {state.dashboard && catalogue && (
          <ErrorBoundary key={state.dashboard} fallback={(e) => <p className="error">{`${t.loadFailed}: ${e.message}`}</p>}>
            <RegionDashboard code={state.dashboard} catalogue={catalogue} onClose={() => update({ dashboard: null })} />
          </ErrorBoundary>
        )}
      </main>
    </div>
  );
}
