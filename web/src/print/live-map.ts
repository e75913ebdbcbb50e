/**
 * What the planner's map draws now, read from the map controller, and the deck.gl layers that draw
 * the same for another view: the print map (print-map.ts) is drawn at its own zoom and size, so
 * the enterprises are chosen again for its view (as plants or cells, by the same rules) and the
 * plants painted at print resolution, whatever renderer the screen uses.
 *
 * The controller keeps this state private and offers no accessor yet; this file is the one place
 * that reads it, through the shape below, so a change there fails here and nowhere else.
 */
import type { Layer } from '@deck.gl/core';
import type { Box } from '../../../server/domain/geometry/mercator.ts';
import type { PointColumns } from '../../../server/domain/point-payload.ts';
import { FIXED_RADIUS } from '../map/enterprise-style.ts';
import { LabelPlacer } from '../map/labels/label-placer.ts';
import { cellLayer } from '../map/layers/cell-layer.ts';
import { ringLayer } from '../map/layers/enterprise-layer.ts';
import type { PlaceLabel } from '../map/layers/label-layer.ts';
import { paintedLayer } from '../map/layers/painted-layer.ts';
import { measureLayer, selectionLayer } from '../map/layers/shape-layer.ts';
import { type DrawnEnterprises, describeDrawn } from '../map/legend-report.ts';
import { EnterpriseDetail } from '../map/level-of-detail/enterprise-detail.ts';
import { frameBox, paintFrame, paintPoints } from '../map/level-of-detail/paint-points.ts';
import type { EnterpriseStyle, LayerOptions, MapController } from '../map/map-controller.ts';
import type { LayerId, Shape } from '../state/app-state.ts';

/** The controller's state the print map copies. */
export interface LiveMap {
  map: MapController['map'];
  points: PointColumns | null;
  style: EnterpriseStyle | null;
  options: LayerOptions;
  labels: PlaceLabel[];
  selection: Shape | null;
  measure: [number, number][] | null;
  selected: number | null;
  budget: number;
}

export function readLiveMap(controller: MapController): LiveMap {
  const inner = controller as unknown as Omit<LiveMap, 'map'>;
  return {
    map: controller.map,
    points: inner.points,
    style: inner.style,
    options: inner.options,
    labels: controller.labelsShown(),
    selection: inner.selection,
    measure: inner.measure,
    selected: inner.selected,
    budget: inner.budget,
  };
}

/** SwiftShader's texture limit: the plants of a print frame are painted into one bitmap no larger. */
const MAX_TEXTURE_SIDE = 8192;

/** The deck.gl layers for a view (world units) at a zoom and pixel ratio, and what the legend says of them. */
export function printLayers(
  live: LiveMap,
  view: Box,
  zoom: number,
  pixelRatio: number,
  centreLat: number,
): { layers: Layer[]; drawn: DrawnEnterprises | null } {
  const shows = (id: LayerId) => !live.options.hidden.includes(id);
  const opacity = (id: LayerId) => live.options.opacity[id] ?? 1;
  const layers: Layer[] = [];
  let drawn: DrawnEnterprises | null = null;
  if (live.selection) layers.push(selectionLayer(live.selection));
  const { points, style } = live;
  if (points && style && style.visible.length === points.count && shows('enterprises')) {
    // A detail of its own: the controller's keeps the region around the screen's view.
    const detail = new EnterpriseDetail(points, { budget: live.budget, margin: 0 });
    const d = detail.detail(view, zoom, style, live.options.aggregate);
    drawn = describeDrawn(d, centreLat, live.budget);
    if (d.kind === 'cells') layers.push(cellLayer(d, opacity('enterprises')));
    else {
      const frame = paintFrame(view, zoom, pixelRatio, MAX_TEXTURE_SIDE);
      const pixels = paintPoints(detail.xy, d.subset, FIXED_RADIUS, frame);
      const image = new ImageData(pixels as Uint8ClampedArray<ArrayBuffer>, frame.width, frame.height);
      layers.push(paintedLayer({ subset: d.subset, zoom, box: frameBox(frame), image }, opacity('enterprises')));
    }
    if (live.selected !== null) layers.push(ringLayer('enterprise-selected', points, [live.selected], [0, 120, 215, 255], 10));
  }
  if (live.measure && live.measure.length > 1) layers.push(measureLayer(live.measure));
  // Placed afresh for the print zoom: which labels fit without overlapping depends on it.
  if (shows('labels')) layers.push(new LabelPlacer().layer(live.labels, zoom));
  return { layers, drawn };
}
