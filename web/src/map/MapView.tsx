/** Mounts the MapController and keeps it in step with React state. */
import { useEffect, useRef } from 'react';
import chinaUrl from '../../../data/boundaries/china-provinces.geojson?url';
import type { PointColumns } from '../../../server/domain/point-payload.ts';
import type { PlaceLabel } from './layers/label-layer.ts';
import { type MapCallbacks, MapController, type ToggleableLayer } from './map-controller.ts';

export interface MapViewProps extends MapCallbacks {
  points: PointColumns | null;
  colors: Uint8Array | null;
  selectedIndex: number | null;
  labels: PlaceLabel[];
  visibility: Record<ToggleableLayer, boolean>;
  /** zoom defaults to the controller's street-level 11. */
  flyTo: { lon: number; lat: number; seq: number; zoom?: number } | null;
}

declare global {
  interface Window {
    /** Read-only handle for end-to-end tests, to find where a plant is drawn. */
    __greenline?: { controller: MapController };
  }
}

export function MapView(props: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const controller = useRef<MapController | null>(null);
  const callbacks = useRef<MapCallbacks>(props);
  callbacks.current = props;

  useEffect(() => {
    if (!container.current) return;
    const c = new MapController(
      container.current,
      { onClick: (i) => callbacks.current.onClick(i), onHover: (h) => callbacks.current.onHover(h) },
      { chinaUrl },
    );
    controller.current = c;
    window.__greenline = { controller: c };
    return () => {
      c.destroy();
      controller.current = null;
      window.__greenline = undefined;
    };
  }, []);

  useEffect(() => {
    if (props.points && props.colors) controller.current?.setPoints(props.points, props.colors);
  }, [props.points, props.colors]);
  useEffect(() => controller.current?.setSelected(props.selectedIndex), [props.selectedIndex]);
  useEffect(() => controller.current?.setLabels(props.labels), [props.labels]);
  useEffect(() => {
    for (const [layer, visible] of Object.entries(props.visibility)) controller.current?.setLayerVisible(layer as ToggleableLayer, visible);
  }, [props.visibility]);
  useEffect(() => {
    if (props.flyTo) controller.current?.flyTo(props.flyTo.lon, props.flyTo.lat, props.flyTo.zoom);
  }, [props.flyTo]);

  return <div ref={container} className="map" data-testid="map" />;
}
