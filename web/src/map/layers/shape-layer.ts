/** The drawn selection and the measured line, drawn by deck.gl above the zones. */
import { PathLayer, PolygonLayer } from '@deck.gl/layers';
import { shapeRing } from '../../selection/shape-geometry.ts';
import type { Shape } from '../../state/app-state.ts';

export function selectionLayer(shape: Shape) {
  return new PolygonLayer<{ ring: [number, number][] }>({
    id: 'selection',
    data: [{ ring: shapeRing(shape) }],
    getPolygon: (d) => d.ring,
    getFillColor: [0, 120, 215, 28],
    getLineColor: [0, 90, 180, 230],
    lineWidthUnits: 'pixels',
    getLineWidth: 2,
    stroked: true,
    filled: true,
  });
}

export function measureLayer(line: [number, number][]) {
  return new PathLayer<{ path: [number, number][] }>({
    id: 'measure',
    data: [{ path: line }],
    getPath: (d) => d.path,
    getColor: [20, 20, 20, 230],
    widthUnits: 'pixels',
    getWidth: 2,
  });
}
