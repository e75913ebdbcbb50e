/**
 * Drawing on the map with terra-draw: polygons and rectangles become the selection. A finished shape is handed back and cleared from terra-draw at once: the selection
 * lives in the app state (and the URL) and is drawn from there by deck.gl, so a reload shows it
 * the same way. Circles of a typed radius need only a centre, which the controller takes from a
 * map click.
 */
import type * as maplibregl from 'maplibre-gl';
import { TerraDraw, TerraDrawPolygonMode, TerraDrawRectangleMode } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';

export type DrawMode = 'none' | 'polygon' | 'rectangle' | 'circle' | 'measure';

export interface DrawCallbacks {
  onPolygon: (ring: [number, number][]) => void;
}

const TERRA_MODE: Record<DrawMode, string> = {
  none: 'static',
  polygon: 'polygon',
  rectangle: 'rectangle',
  circle: 'static',
  measure: 'static',
};

export class DrawTools {
  private draw: TerraDraw | null = null;
  private mode: DrawMode = 'none';
  /** Cancels a pending re-enable of double-click zoom (see holdDoubleClickZoom). */
  private releaseZoom: (() => void) | null = null;

  constructor(
    private readonly map: maplibregl.Map,
    private readonly callbacks: DrawCallbacks,
  ) {}

  /** (Re)attaches to the map; call after every style load, which drops terra-draw's layers. */
  attach(): void {
    this.draw?.stop();
    const draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map: this.map }),
      modes: [
        new TerraDrawPolygonMode({ styles: { fillColor: '#0078d7', fillOpacity: 0.15, outlineColor: '#005ab4', outlineWidth: 2 } }),
        new TerraDrawRectangleMode({ styles: { fillColor: '#0078d7', fillOpacity: 0.15, outlineColor: '#005ab4', outlineWidth: 2 } }),
      ],
    });
    draw.start();
    draw.on('finish', (id) => {
      const feature = draw.getSnapshotFeature(id);
      draw.clear();
      if (!feature) return;
      if (feature.geometry.type === 'Polygon') this.callbacks.onPolygon((feature.geometry.coordinates[0] ?? []) as [number, number][]);
    });
    this.draw = draw;
    draw.setMode(TERRA_MODE[this.mode]);
  }

  setMode(mode: DrawMode): void {
    const wasDrawing = this.mode !== 'none';
    this.mode = mode;
    this.holdDoubleClickZoom(mode !== 'none', wasDrawing);
    if (!this.draw) return;
    this.draw.clear();
    this.draw.setMode(TERRA_MODE[mode]);
  }

  /**
   * A double click ends a measured line or a polygon; it must not zoom the map as well. The app
   * leaves the mode on the second click, before the browser sends the dblclick, so MapLibre's
   * double-click zoom comes back only with the next press of a pointer on the map.
   */
  private holdDoubleClickZoom(drawing: boolean, wasDrawing: boolean): void {
    this.releaseZoom?.();
    this.releaseZoom = null;
    if (drawing) {
      this.map.doubleClickZoom.disable();
      return;
    }
    if (!wasDrawing) return;
    const container = this.map.getCanvasContainer();
    const restore = () => {
      container.removeEventListener('pointerdown', restore, true);
      this.releaseZoom = null;
      this.map.doubleClickZoom.enable();
    };
    container.addEventListener('pointerdown', restore, true);
    this.releaseZoom = () => container.removeEventListener('pointerdown', restore, true);
  }

  stop(): void {
    this.draw?.stop();
    this.draw = null;
  }
}
