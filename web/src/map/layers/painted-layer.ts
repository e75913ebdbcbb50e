/**
 * Where WebGL is drawn in software, the plants around the view painted on the CPU into one bitmap
 * (level-of-detail/paint-points.ts) and drawn as a single textured quad, as the cells are, instead
 * of one instanced dot each (enterprise-layer.ts, which a GPU keeps). The bitmap covers the view and
 * a margin at the zoom it was painted for: a pan within it moves the quad, a zoom or a pan beyond it
 * paints anew. Nothing in it is pickable; painted-plants.ts finds the plant under the pointer
 * through the k-d tree (level-of-detail/pick-point.ts) and marks the hovered one with highlightLayer.
 */
import { BitmapLayer, ScatterplotLayer } from '@deck.gl/layers';
import { type Box, containsBox, expandBox, xToLon, yToLat } from '../../../../server/domain/geometry/mercator.ts';
import { VIEW_MARGIN } from '../level-of-detail/enterprise-detail.ts';
import { frameBox, paintFrame, paintPoints } from '../level-of-detail/paint-points.ts';
import type { PointSubset } from '../level-of-detail/point-subset.ts';

/** SwiftShader allows textures of 8,192 px a side; a view and its margins rarely need half. */
const MAX_SIDE = 4096;
const NEAREST = { minFilter: 'nearest', magFilter: 'nearest', mipmapFilter: 'none' } as const;

export interface Painting {
  subset: PointSubset;
  zoom: number;
  /** The world box the image covers exactly. */
  box: Box;
  image: ImageData;
}

/** Paints the subset for the view (world units) and its margin at a zoom. */
export function paintPlants(
  xy: Float32Array,
  subset: PointSubset,
  fixedRadius: number,
  view: Box,
  zoom: number,
  pixelRatio: number,
): Painting {
  const frame = paintFrame(expandBox(view, VIEW_MARGIN), zoom, pixelRatio, MAX_SIDE);
  const pixels = paintPoints(xy, subset, fixedRadius, frame);
  return { subset, zoom, box: frameBox(frame), image: new ImageData(pixels as Uint8ClampedArray<ArrayBuffer>, frame.width, frame.height) };
}

/** Whether a painting still shows these plants for the view: same plants, same zoom, view inside it. */
export const paintingServes = (p: Painting, subset: PointSubset, view: Box, zoom: number) =>
  p.subset === subset && p.zoom === zoom && containsBox(p.box, view);

export function paintedLayer(p: Painting, opacity: number) {
  return new BitmapLayer({
    id: 'enterprises-painted',
    image: p.image,
    bounds: [xToLon(p.box.minX), yToLat(p.box.maxY), xToLon(p.box.maxX), yToLat(p.box.minY)],
    // Painted at the screen's own resolution, one texel to a pixel: nearest keeps the dots sharp.
    textureParameters: NEAREST,
    opacity,
  });
}

/** The hovered plant in deck.gl's autoHighlight colour, as the GPU path shows it. */
export function highlightLayer(position: [number, number], radius: number) {
  return new ScatterplotLayer<[number, number]>({
    id: 'enterprise-hover-highlight',
    data: [position],
    getPosition: (p) => p,
    radiusUnits: 'pixels',
    getRadius: radius,
    getFillColor: [0, 200, 255, 255],
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: 0.5,
    getLineColor: [255, 255, 255, 200],
  });
}
