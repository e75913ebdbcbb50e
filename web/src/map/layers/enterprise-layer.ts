/**
 * The plants in view as a deck.gl scatterplot fed straight from compact binary columns
 * (level-of-detail/point-subset.ts): only the plants the filter lets through in a region around
 * the view, never the million. A picked plant is reported by its place in those columns; the
 * subset's `index` maps it back to the enterprise.
 */
import { ScatterplotLayer } from '@deck.gl/layers';
import type { PointColumns } from '../../../../server/domain/point-payload.ts';
import { FIXED_RADIUS } from '../enterprise-style.ts';
import type { PointSubset } from '../level-of-detail/point-subset.ts';
import { type BinaryAttribute, binaryAttribute } from './binary-attribute.ts';

export function enterpriseLayer(subset: PointSubset, opacity: number) {
  const attributes: Record<string, BinaryAttribute> = {
    getPosition: binaryAttribute(subset.positions, 3),
    getFillColor: binaryAttribute(subset.colors, 4, true),
  };
  if (subset.radii) attributes.getRadius = binaryAttribute(subset.radii, 1);
  return new ScatterplotLayer({
    id: 'enterprises',
    data: { length: subset.count, attributes },
    pickable: true,
    autoHighlight: true,
    highlightColor: [0, 200, 255, 255],
    opacity,
    radiusUnits: 'pixels',
    ...(subset.radii ? {} : { getRadius: FIXED_RADIUS }),
    radiusMinPixels: 1.5,
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: 0.5,
    getLineColor: [255, 255, 255, 200],
  });
}

/** A ring around chosen plants: the one in the detail drawer, the one hovered in the list. */
export function ringLayer(id: string, points: PointColumns, indices: number[], color: [number, number, number, number], radius: number) {
  return new ScatterplotLayer<number>({
    id,
    data: indices,
    getPosition: (i) => [points.position[2 * i] as number, points.position[2 * i + 1] as number],
    radiusUnits: 'pixels',
    getRadius: radius,
    filled: false,
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: 2.5,
    getLineColor: color,
    updateTriggers: { getPosition: points },
  });
}
