/** Mounts the MapController and keeps it in step with the app state and the filtered columns. */
import { useEffect, useRef } from 'react';
import chinaUrl from '../../../data/boundaries/china-provinces.geojson?url';
import type { PointColumns } from '../../../server/domain/point-payload.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { LayerId, Shape, View } from '../state/app-state.ts';
import { store } from '../state/store.ts';
import { type BasemapPart, offlineBasemap } from './basemap-style.ts';
import type { DrawMode } from './draw-tools.ts';
import type { PlaceLabel } from './layers/label-layer.ts';
import type { GridCounts } from './level-of-detail/grid-counts.ts';
import { type EnterpriseStyle, type MapCallbacks, MapController } from './map-controller.ts';
import { relabelControls } from './maplibre-locale.ts';
import { OFFLINE_DETAIL_ZOOMS, offlineDetailTiles } from './offline-detail.ts';
import './map-view.css';

export interface MapViewProps extends MapCallbacks {
  points: PointColumns | null;
  /** Cells the server counted (the server-side map), drawn instead of the points while set. */
  serverCells?: GridCounts | null;
  serverCellsReason?: 'zoom' | 'budget';
  style: EnterpriseStyle | null;
  selectedIndex: number | null;
  listHover: number | null;
  labels: PlaceLabel[];
  aggregate: boolean;
  hidden: LayerId[];
  opacity: Partial<Record<LayerId, number>>;
  selection: Shape | null;
  measure: [number, number][] | null;
  choropleth: unknown[] | null;
  drawMode: DrawMode;
  basemap: BasemapPart | null;
  /** Bumped to move the map: a fly-to or a fit. */
  move: { seq: number; view?: View; bbox?: [number, number, number, number] } | null;
}

declare global {
  interface Window {
    /** Read-only handle for end-to-end tests and the benchmark, to find where a plant is drawn. */
    __greenline?: { controller: MapController; store: typeof store };
  }
}

export const offline = offlineBasemap(chinaUrl, {
  tiles: offlineDetailTiles(),
  minzoom: OFFLINE_DETAIL_ZOOMS.min,
  maxzoom: OFFLINE_DETAIL_ZOOMS.max,
});

/** The map container's id, where the "skip to map" link moves focus. */
export const MAP_ID = 'map';

export function MapView(props: MapViewProps) {
  const { t, lang } = useI18n();
  // The map is made once, in the language of the moment; later switches relabel its controls.
  const firstLang = useRef(lang);
  const container = useRef<HTMLElement>(null);
  const controller = useRef<MapController | null>(null);
  const callbacks = useRef<MapCallbacks>(props);
  callbacks.current = props;

  useEffect(() => {
    if (!container.current) return;
    const c = new MapController(
      container.current,
      {
        onClick: (i) => callbacks.current.onClick(i),
        onHover: (h) => callbacks.current.onHover(h),
        onViewChange: (v) => callbacks.current.onViewChange(v),
        onBounds: (b, z) => callbacks.current.onBounds?.(b, z),
        onCircleCentre: (p) => callbacks.current.onCircleCentre(p),
        onPolygon: (r) => callbacks.current.onPolygon(r),
        onMeasure: (l, f) => callbacks.current.onMeasure(l, f),
        onFrame: () => callbacks.current.onFrame?.(),
        onDrawn: (d) => callbacks.current.onDrawn?.(d),
      },
      offline,
      store.get().view,
      firstLang.current,
    );
    controller.current = c;
    window.__greenline = { controller: c, store };
    return () => {
      c.destroy();
      controller.current = null;
      window.__greenline = undefined;
    };
  }, []);

  useEffect(() => {
    if (container.current) relabelControls(container.current, lang);
  }, [lang]);
  useEffect(() => controller.current?.setPoints(props.points), [props.points]);
  useEffect(
    () => controller.current?.setServerCells(props.serverCells ?? null, props.serverCellsReason),
    [props.serverCells, props.serverCellsReason],
  );
  useEffect(() => {
    if (props.style) controller.current?.setEnterpriseStyle(props.style);
  }, [props.style]);
  useEffect(
    () => controller.current?.setOptions({ aggregate: props.aggregate, hidden: props.hidden, opacity: props.opacity }),
    [props.aggregate, props.hidden, props.opacity],
  );
  useEffect(() => controller.current?.setSelected(props.selectedIndex), [props.selectedIndex]);
  useEffect(() => controller.current?.setListHover(props.listHover), [props.listHover]);
  useEffect(() => controller.current?.setLabels(props.labels, lang), [props.labels, lang]);
  useEffect(() => controller.current?.setSelection(props.selection), [props.selection]);
  useEffect(() => controller.current?.setMeasure(props.measure), [props.measure]);
  useEffect(() => controller.current?.setChoropleth(props.choropleth), [props.choropleth]);
  useEffect(() => controller.current?.setDrawMode(props.drawMode), [props.drawMode]);
  useEffect(() => {
    if (props.basemap) controller.current?.setBasemap(props.basemap);
  }, [props.basemap]);
  useEffect(() => {
    const m = props.move;
    if (!m || !controller.current) return;
    if (m.bbox) controller.current.fitBounds(m.bbox);
    else if (m.view) controller.current.flyTo(m.view.lon, m.view.lat, m.view.zoom);
  }, [props.move]);

  return (
    // The "skip to map" link lands on MapLibre's canvas inside, which takes the keys.
    <section ref={container} id={MAP_ID} className="map" aria-label={t.mapLabel} data-testid="map" />
  );
}
