/**
 * Owns the imperative map: one MapLibre map with deck.gl overlaid. React talks to it through the
 * few methods below and hears back through callbacks; nothing else touches the map instance.
 */
import { MapboxOverlay } from '@deck.gl/mapbox';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { PointColumns } from '../../../server/domain/point-payload.ts';
import { ZONE_KINDS, type ZoneKind } from '../../../server/domain/zone.ts';
import { basemapStyle, type OnlineBasemap, PREFECTURE_LAYER_IDS, zoneLayerIds } from './basemap-style.ts';
import { enterpriseLayers, positions3d } from './layers/enterprise-layer.ts';
import { labelLayer, type PlaceLabel } from './layers/label-layer.ts';

export type ToggleableLayer = ZoneKind | 'enterprises' | 'prefectures' | 'labels';

export interface MapCallbacks {
  onClick: (index: number | null) => void;
  onHover: (hover: { index: number; x: number; y: number } | null) => void;
}

export interface MapOptions {
  chinaUrl: string;
  online?: OnlineBasemap;
  center?: [number, number];
  zoom?: number;
}

// MapLibre 6 looks for its worker beside its own module, which a bundle does not keep; point it at
// the copy Vite emits.
maplibregl.setWorkerUrl(workerUrl);

/** Inner Mongolia and Hebei together. */
export const DEMO_BOUNDS: [number, number, number, number] = [97.1, 36.0, 126.1, 53.4];

export class MapController {
  readonly map: maplibregl.Map;
  private readonly overlay: MapboxOverlay;
  private points: PointColumns | null = null;
  private positions: Float32Array | null = null;
  private colors: Uint8Array | null = null;
  private selected: number | null = null;
  private labels: PlaceLabel[] = [];
  private readonly visible = new Map<ToggleableLayer, boolean>();
  private loaded = false;
  /** Resolves once the style and its sources have loaded. */
  readonly ready: Promise<void>;

  constructor(container: HTMLElement, callbacks: MapCallbacks, options: MapOptions) {
    this.map = new maplibregl.Map({
      container,
      style: basemapStyle(options.chinaUrl, options.online),
      bounds: options.center ? undefined : DEMO_BOUNDS,
      center: options.center,
      zoom: options.zoom,
      attributionControl: { compact: true },
      // Needed so the canvas can be exported as an image.
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
    this.overlay = new MapboxOverlay({
      interleaved: false,
      layers: [],
      onClick: (info) => callbacks.onClick(info.layer?.id === 'enterprises' && info.index >= 0 ? info.index : null),
      onHover: (info) =>
        callbacks.onHover(info.layer?.id === 'enterprises' && info.index >= 0 ? { index: info.index, x: info.x, y: info.y } : null),
      getCursor: ({ isHovering }) => (isHovering ? 'pointer' : 'grab'),
    });
    this.map.addControl(this.overlay);
    this.ready = new Promise((resolve) => {
      this.map.once('load', () => {
        this.loaded = true;
        for (const [layer, visible] of this.visible) this.applyVisibility(layer, visible);
        resolve();
      });
    });
  }

  setPoints(points: PointColumns, colors: Uint8Array): void {
    if (points !== this.points) this.positions = positions3d(points);
    this.points = points;
    this.colors = colors;
    this.render();
  }

  setSelected(index: number | null): void {
    this.selected = index;
    this.render();
  }

  setLabels(labels: PlaceLabel[]): void {
    this.labels = labels;
    this.render();
  }

  setLayerVisible(layer: ToggleableLayer, visible: boolean): void {
    this.visible.set(layer, visible);
    if (this.loaded) this.applyVisibility(layer, visible);
    this.render();
  }

  /** Screen position of an enterprise, for tooltips and tests. */
  project(index: number): { x: number; y: number } | null {
    if (!this.points || index < 0 || index >= this.points.count) return null;
    const p = this.map.project([this.points.position[2 * index] as number, this.points.position[2 * index + 1] as number]);
    return { x: p.x, y: p.y };
  }

  flyTo(lon: number, lat: number, zoom = 11): void {
    this.map.flyTo({ center: [lon, lat], zoom, essential: true });
  }

  destroy(): void {
    this.map.remove();
  }

  private isVisible(layer: ToggleableLayer): boolean {
    return this.visible.get(layer) ?? true;
  }

  private applyVisibility(layer: ToggleableLayer, visible: boolean): void {
    const ids =
      layer === 'prefectures'
        ? PREFECTURE_LAYER_IDS
        : (ZONE_KINDS as readonly string[]).includes(layer)
          ? zoneLayerIds(layer as ZoneKind)
          : [];
    for (const id of ids) if (this.map.getLayer(id)) this.map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
  }

  private render(): void {
    const layers = [];
    if (this.points && this.positions && this.colors) {
      layers.push(
        ...enterpriseLayers(this.points, {
          positions: this.positions,
          colors: this.colors,
          visible: this.isVisible('enterprises'),
          selectedIndex: this.selected,
        }),
      );
    }
    layers.push(labelLayer(this.labels, this.isVisible('labels')));
    this.overlay.setProps({ layers });
  }
}
