/**
 * Owns the imperative map: one MapLibre map with deck.gl overlaid. React talks to it through the
 * setters below and hears back through callbacks; nothing else touches the map instance. Setters
 * only store what they are given and schedule one render. The tools it wires live beside it:
 * drawing (draw-tools.ts), measuring (measure-tool.ts), plants painted in software
 * (painted-plants.ts), the legend's report (legend-report.ts) and the benchmark's probes
 * (benchmark-probes.ts).
 */
import type { Layer, PickingInfo } from '@deck.gl/core';
import { MapboxOverlay } from '@deck.gl/mapbox';
import * as maplibregl from 'maplibre-gl';
import type { Lang } from '../i18n/messages.ts';
import { MAPLIBRE_LOCALE } from './maplibre-locale.ts';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { type Box, boxOfLonLat } from '../../../server/domain/geometry/mercator.ts';
import type { PointColumns } from '../../../server/domain/point-payload.ts';
import { ZONE_KINDS, type ZoneKind } from '../../../server/domain/zone.ts';
import type { LayerId, Shape, View } from '../state/app-state.ts';
import {
  type BasemapPart,
  CHOROPLETH_LAYER_IDS,
  overlayStyle,
  PREFECTURE_LAYER_IDS,
  zoneLayerIds,
  zoneOpacityPaint,
  zoneSourceId,
} from './basemap-style.ts';
import { type DrawnCounts, drawnCounts, FrameTimings } from './benchmark-probes.ts';
import { type DrawMode, DrawTools } from './draw-tools.ts';
import type { PlacedLabel } from './labels/label-placement.ts';
import { LabelPlacer } from './labels/label-placer.ts';
import { type ZoneName, zoneLabels, zoneNames } from './labels/zone-labels.ts';
import { cellLayer } from './layers/cell-layer.ts';
import { enterpriseLayer, ringLayer } from './layers/enterprise-layer.ts';
import type { PlaceLabel } from './layers/label-layer.ts';
import { measureLayer, selectionLayer } from './layers/shape-layer.ts';
import { type DrawnEnterprises, describeDrawn, LegendReport } from './legend-report.ts';
import { cellClasses, gridImage } from './level-of-detail/cell-classes.ts';
import { type Detail, EnterpriseDetail, POINT_BUDGET } from './level-of-detail/enterprise-detail.ts';
import type { GridCounts } from './level-of-detail/grid-counts.ts';
import type { SubsetStyle } from './level-of-detail/point-subset.ts';
import { MeasureTool } from './measure-tool.ts';
import { PaintedPlants } from './painted-plants.ts';
import { isSoftwareRenderer, webglRenderer } from './software-renderer.ts';

export interface MapCallbacks {
  onClick: (index: number | null) => void;
  onHover: (hover: { index: number; x: number; y: number } | null) => void;
  onViewChange: (view: View) => void;
  /** When the map comes to rest (and once loaded): the view's bounds (west, south, east, north) and zoom. */
  onBounds?: (bounds: [number, number, number, number], zoom: number) => void;
  onCircleCentre: (lonLat: [number, number]) => void;
  onPolygon: (ring: [number, number][]) => void;
  onMeasure: (line: [number, number][], finished: boolean) => void;
  /** After deck.gl drew a frame; the benchmark times filters with it. */
  onFrame?: () => void;
  /** When what the enterprises are drawn as changes, for the legend; null while none are drawn. */
  onDrawn?: (drawn: DrawnEnterprises | null) => void;
}

/** Colour, size and filter of every enterprise, in the order of the points. */
export type EnterpriseStyle = SubsetStyle;

export interface LayerOptions {
  aggregate: boolean;
  hidden: readonly LayerId[];
  opacity: Partial<Record<LayerId, number>>;
}

// MapLibre 6 looks for its worker beside its own module, which a bundle does not keep; point it at
// the copy Vite emits.
maplibregl.setWorkerUrl(workerUrl);

/** Inner Mongolia and Hebei together. */
export const DEMO_BOUNDS: [number, number, number, number] = [97.1, 36.0, 126.1, 53.4];

export class MapController {
  readonly map: maplibregl.Map;
  private readonly overlay: MapboxOverlay;
  private readonly draw: DrawTools;
  private readonly measureTool: MeasureTool;
  private points: PointColumns | null = null;
  private detail: EnterpriseDetail | null = null;
  /** Cells counted by the server (the server-side map, zoomed out or where plants are too dense): drawn instead of the points. */
  private serverCells: Extract<Detail, { kind: 'cells' }> | null = null;
  /** Whether WebGL is drawn in software here: plants are then painted into a bitmap (painted-plants.ts). */
  private readonly software: boolean;
  /** Plants drawn one by one at most, by what draws WebGL here (POINT_BUDGET). */
  private readonly budget: number;
  private readonly painted = new PaintedPlants();
  /** What the last render handed deck.gl for the enterprises; picked indices are read through it. */
  private drawn: Detail | null = null;
  private readonly legendReport: LegendReport;
  private style: EnterpriseStyle | null = null;
  private options: LayerOptions = { aggregate: true, hidden: [], opacity: {} };
  private selected: number | null = null;
  private listHover: number | null = null;
  private labels: PlaceLabel[] = [];
  private labelLang: Lang;
  /** Names of the zones of each kind, read from the zone layers' own sources as they load. */
  private readonly zoneNames = new Map<ZoneKind, ZoneName[]>();
  /** Place and zone labels together, for the layers shown; rebuilt when any of them changes. */
  private allLabels: PlaceLabel[] | null = null;
  /** Which labels show at the zoom, none overlapping (labels/label-placement.ts). */
  private readonly placer = new LabelPlacer();
  private selection: Shape | null = null;
  private measure: [number, number][] | null = null;
  private choropleth: unknown[] | null = null;
  private drawMode: DrawMode = 'none';
  private loaded = false;
  private renderQueued = false;
  /** Resolves once the style and its sources have loaded. */
  readonly ready: Promise<void>;
  /** When frames and styles were drawn: the map benchmark reads them. */
  readonly timings = new FrameTimings();

  constructor(
    container: HTMLElement,
    private readonly callbacks: MapCallbacks,
    base: BasemapPart,
    view: View | null,
    lang: Lang,
  ) {
    this.labelLang = lang;
    this.map = new maplibregl.Map({
      container,
      locale: MAPLIBRE_LOCALE[lang],
      // Chinese labels of a basemap's own symbol layers are drawn from the browser's fonts, never fetched.
      localIdeographFontFamily: "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif",
      style: overlayStyle(base, () => 1),
      ...(view ? { center: [view.lon, view.lat], zoom: view.zoom } : { bounds: DEMO_BOUNDS }),
      attributionControl: { compact: true },
      // A flat map: the plants drawn are those in the view's bounds, which a tilted view stretches
      // to the horizon (and a view's pitch is not kept in the URL).
      maxPitch: 0,
      // Needed so the canvas can be saved as an image.
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    // The view is known as soon as the map is made: the server-side map asks for its cells now,
    // not after the basemap's style and tiles have loaded.
    queueMicrotask(() => this.reportBounds());
    this.software = isSoftwareRenderer(webglRenderer(this.map.getCanvas()) ?? '');
    this.budget = this.software ? POINT_BUDGET.software : POINT_BUDGET.gpu;
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
    this.overlay = new MapboxOverlay({
      interleaved: false,
      layers: [],
      deviceProps: { webgl: { preserveDrawingBuffer: true } },
      onClick: (info) => {
        if (this.drawMode !== 'none') return;
        this.callbacks.onClick(this.pickedEnterprise(info));
      },
      onHover: (info) => {
        const index = this.drawMode === 'none' ? this.pickedEnterprise(info) : null;
        if (this.painted.hover(index)) this.queueRender();
        this.callbacks.onHover(index === null ? null : { index, x: info.x, y: info.y });
      },
      onAfterRender: () => {
        this.timings.frameDrawn();
        this.callbacks.onFrame?.();
      },
      getCursor: ({ isHovering }) => (this.drawMode !== 'none' ? 'crosshair' : isHovering || this.painted.hovering ? 'pointer' : 'grab'),
    });
    this.map.addControl(this.overlay);
    this.draw = new DrawTools(this.map, { onPolygon: (r) => this.callbacks.onPolygon(r) });
    this.measureTool = new MeasureTool(this.map, (line, finished) => this.callbacks.onMeasure(line, finished));
    this.legendReport = new LegendReport((drawn) => this.callbacks.onDrawn?.(drawn));
    this.map.on('sourcedata', (e) => {
      if (e.sourceDataType === 'metadata' && e.sourceId?.startsWith('zones-')) this.readZoneNames(e.sourceId);
    });
    this.map.on('click', (e) => {
      if (this.drawMode === 'circle') this.callbacks.onCircleCentre([e.lngLat.lng, e.lngLat.lat]);
    });
    this.map.on('moveend', () => {
      const c = this.map.getCenter();
      this.callbacks.onViewChange({ lon: c.lng, lat: c.lat, zoom: this.map.getZoom() });
      this.reportBounds();
    });
    this.map.on('move', () => {
      // A view beyond the region drawn, or across a whole zoom, needs other plants or other cells.
      // Painted plants are painted for one zoom and a margin around the view.
      const view = this.viewBox();
      const zoom = this.map.getZoom();
      if (this.drawn && this.detail?.stale(view, zoom)) this.queueRender();
      else if (this.isVisible('labels') && this.placer.stale(zoom)) this.queueRender();
      else if (this.painted.active && this.drawn?.kind === 'points' && this.painted.needsRepaint(this.drawn.subset, view, zoom))
        this.queueRender();
    });
    this.ready = new Promise((resolve) => {
      this.map.once('load', () => {
        this.loaded = true;
        this.applyMapLibreState();
        this.draw.attach();
        this.reportBounds();
        resolve();
      });
    });
  }

  /** The points drawn (all of them, or the server-side map's window); null draws none. */
  setPoints(points: PointColumns | null): void {
    if (points === this.points) return;
    this.points = points;
    this.detail = points ? new EnterpriseDetail(points, { budget: this.budget }) : null;
    this.queueRender();
  }

  /** Cells the server counted, drawn instead of the points until cleared (null). */
  setServerCells(grid: GridCounts | null, reason: 'zoom' | 'budget' = 'zoom'): void {
    if (grid === this.serverCells?.grid && reason === this.serverCells?.reason) return;
    if (!grid) this.serverCells = null;
    else {
      const classes = cellClasses(grid.max);
      this.serverCells = { kind: 'cells', reason, grid, classes, image: gridImage(grid, classes) };
    }
    // New cells are what a filter change or a move draws on the server-side map: timed as a style.
    this.timings.styleSet();
    this.queueRender();
  }

  /** The view's bounds in degrees (west, south, east, north). */
  bounds(): [number, number, number, number] {
    const b = this.map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
  }

  private reportBounds(): void {
    this.callbacks.onBounds?.(this.bounds(), this.map.getZoom());
  }

  setEnterpriseStyle(style: EnterpriseStyle): void {
    this.style = style;
    this.timings.styleSet();
    this.queueRender();
  }

  setOptions(options: LayerOptions): void {
    this.options = options;
    this.allLabels = null;
    if (this.loaded) this.applyMapLibreState();
    this.queueRender();
  }

  setSelected(index: number | null): void {
    this.selected = index;
    this.queueRender();
  }

  setListHover(index: number | null): void {
    this.listHover = index;
    this.queueRender();
  }

  setLabels(labels: PlaceLabel[], lang: Lang): void {
    this.labels = labels;
    this.labelLang = lang;
    this.allLabels = null;
    this.queueRender();
  }

  /** Place names, and the names of the zones of each kind shown (also what a printed map labels). */
  labelsShown(): PlaceLabel[] {
    if (!this.allLabels) {
      const zones = (ZONE_KINDS as readonly ZoneKind[]).filter((k) => this.isVisible(k)).flatMap((k) => this.zoneNames.get(k) ?? []);
      this.allLabels = [...this.labels, ...zoneLabels(zones, this.labelLang)];
    }
    return this.allLabels;
  }

  /** Reads a zone layer's names once its GeoJSON has loaded (again after a new style or new data). */
  private readZoneNames(sourceId: string): void {
    const kind = (ZONE_KINDS as readonly string[]).find((k) => zoneSourceId(k as ZoneKind) === sourceId) as ZoneKind | undefined;
    const source = kind ? this.map.getSource(sourceId) : undefined;
    if (!kind || !(source instanceof maplibregl.GeoJSONSource)) return;
    source
      .getData()
      .then((data) => {
        this.zoneNames.set(kind, zoneNames(kind, data));
        this.allLabels = null;
        this.queueRender();
      })
      .catch(() => undefined); // a style replaced meanwhile: its successor's sources report again
  }

  setSelection(shape: Shape | null): void {
    this.selection = shape;
    this.queueRender();
  }

  setMeasure(line: [number, number][] | null): void {
    this.measure = line;
    this.queueRender();
  }

  /** A MapLibre 'match' expression colouring prefectures by code, or null to hide. */
  setChoropleth(fillColor: unknown[] | null): void {
    this.choropleth = fillColor;
    if (this.loaded) this.applyMapLibreState();
  }

  setDrawMode(mode: DrawMode): void {
    this.drawMode = mode;
    this.measureTool.setActive(mode === 'measure');
    this.draw.setMode(mode);
  }

  /** Swaps the basemap under our layers; zones, boundaries and drawing come back on top. */
  setBasemap(base: BasemapPart): void {
    this.loaded = false;
    this.map.setStyle(
      overlayStyle(base, (k) => this.opacityOf(k)),
      { diff: false },
    );
    this.map.once('style.load', () => {
      this.loaded = true;
      this.applyMapLibreState();
      this.draw.attach();
    });
  }

  jumpTo(view: View): void {
    this.map.jumpTo({ center: [view.lon, view.lat], zoom: view.zoom });
  }

  flyTo(lon: number, lat: number, zoom = 12): void {
    this.map.flyTo({ center: [lon, lat], zoom, essential: true });
  }

  fitBounds(bbox: [number, number, number, number]): void {
    this.map.fitBounds(bbox, { padding: 40, duration: 600 });
  }

  /** Screen position of an enterprise, for tooltips and tests. */
  project(index: number): { x: number; y: number } | null {
    if (!this.points || index < 0 || index >= this.points.count) return null;
    const p = this.map.project([this.points.position[2 * index] as number, this.points.position[2 * index + 1] as number]);
    return { x: p.x, y: p.y };
  }

  /** How the enterprises are drawn now, and how many plants and cells: for the benchmark and tests. */
  drawnEnterprises(): DrawnCounts | null {
    return drawnCounts(this.drawn);
  }

  /** The place labels drawn now, none overlapping another: for tests. */
  drawnLabels(): readonly PlacedLabel[] {
    return this.isVisible('labels') ? this.placer.drawn() : [];
  }

  /** The basemap and deck.gl canvases, in drawing order, for saving the map as an image. */
  canvases(): HTMLCanvasElement[] {
    const deck = this.overlay.getCanvas();
    return deck ? [this.map.getCanvas(), deck] : [this.map.getCanvas()];
  }

  destroy(): void {
    this.draw.stop();
    this.map.remove();
  }

  private opacityOf(layer: LayerId): number {
    return this.options.opacity[layer] ?? 1;
  }

  private isVisible(layer: LayerId): boolean {
    return !this.options.hidden.includes(layer);
  }

  /** The view in Web Mercator world units. */
  private viewBox(): Box {
    const b = this.map.getBounds();
    return boxOfLonLat(b.getWest(), b.getSouth(), b.getEast(), b.getNorth());
  }

  /**
   * The enterprise under the pointer, by its index in the points. deck.gl picks by place in the
   * subset drawn; painted plants are found through the k-d tree.
   */
  private pickedEnterprise(info: PickingInfo): number | null {
    const drawn = this.drawn;
    if (drawn?.kind !== 'points') return null;
    if (this.painted.active && this.detail)
      return this.painted.pick(this.detail, drawn.subset, this.map.unproject([info.x, info.y]), this.map.getZoom());
    if (info.layer?.id !== 'enterprises' || info.index < 0) return null;
    return drawn.subset.index[info.index] ?? null;
  }

  private applyMapLibreState(): void {
    const set = (ids: string[], visible: boolean) => {
      for (const id of ids) if (this.map.getLayer(id)) this.map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
    };
    for (const kind of ZONE_KINDS as readonly ZoneKind[]) {
      set(zoneLayerIds(kind), this.isVisible(kind));
      const paint = zoneOpacityPaint(kind, this.opacityOf(kind));
      const [fill, ...lines] = zoneLayerIds(kind) as [string, ...string[]];
      for (const [k, v] of Object.entries(paint.fill)) this.map.setPaintProperty(fill, k as never, v as never);
      for (const line of lines) for (const [k, v] of Object.entries(paint.line)) this.map.setPaintProperty(line, k as never, v as never);
    }
    set(PREFECTURE_LAYER_IDS, this.isVisible('prefectures'));
    this.map.setPaintProperty('prefecture-line', 'line-opacity', this.opacityOf('prefectures'));
    const showChoropleth = this.isVisible('choropleth') && this.choropleth !== null;
    set(CHOROPLETH_LAYER_IDS, showChoropleth);
    if (this.choropleth) this.map.setPaintProperty('choropleth-fill', 'fill-color', this.choropleth as never);
    this.map.setPaintProperty('choropleth-fill', 'fill-opacity', 0.75 * this.opacityOf('choropleth'));
  }

  private queueRender(): void {
    if (this.renderQueued) return;
    this.renderQueued = true;
    queueMicrotask(() => {
      this.renderQueued = false;
      this.render();
    });
  }

  private render(): void {
    const layers: Layer[] = [];
    const points = this.points;
    const style = this.style;
    if (this.selection) layers.push(selectionLayer(this.selection));
    this.drawn = null;
    if (this.serverCells && this.isVisible('enterprises')) {
      this.drawn = this.serverCells;
      layers.push(cellLayer(this.serverCells, this.opacityOf('enterprises')));
    } else if (points && this.detail && style?.visible.length === points.count && this.isVisible('enterprises')) {
      // A new payload and the style made for it arrive through separate setters.
      const opacity = this.opacityOf('enterprises');
      const view = this.viewBox();
      const zoom = this.map.getZoom();
      const drawn = this.detail.detail(view, zoom, style, this.options.aggregate);
      this.drawn = drawn;
      if (drawn.kind === 'points' && this.software)
        layers.push(...this.painted.layers(this.detail, drawn.subset, points.position, view, zoom, opacity));
      else layers.push(drawn.kind === 'cells' ? cellLayer(drawn, opacity) : enterpriseLayer(drawn.subset, opacity));
      if (this.listHover !== null) layers.push(ringLayer('enterprise-hovered', points, [this.listHover], [255, 160, 0, 255], 8));
      if (this.selected !== null) layers.push(ringLayer('enterprise-selected', points, [this.selected], [0, 120, 215, 255], 10));
    }
    if (this.measure && this.measure.length > 1) layers.push(measureLayer(this.measure));
    if (this.isVisible('labels')) layers.push(this.placer.layer(this.labelsShown(), this.map.getZoom()));
    if (this.drawn?.kind !== 'points' || !this.software) this.painted.clear();
    this.overlay.setProps({ layers });
    this.timings.layersSet(this.drawn !== null);
    this.legendReport.report(describeDrawn(this.drawn, this.map.getCenter().lat, this.budget));
  }
}
