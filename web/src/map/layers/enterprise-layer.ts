/**
 * Enterprises as a deck.gl scatterplot fed straight from binary columns: positions, colours and
 * radii are typed arrays, and the filter is applied on the GPU by DataFilterExtension reading the
 * per-enterprise visibility column (filterRange [1, 1]). A filter change uploads that one column;
 * positions and colours stay where they are. No object per enterprise.
 */
import { DataFilterExtension } from '@deck.gl/extensions';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { PointColumns } from '../../../../server/domain/point-payload.ts';
import { FIXED_RADIUS } from '../enterprise-style.ts';
import { type BinaryAttribute, binaryAttribute } from './binary-attribute.ts';

const FILTER = new DataFilterExtension({ filterSize: 1 });

/**
 * deck.gl 9 ignores `size` on binary attributes (visgl/deck.gl#8152): positions must arrive as
 * three components. The wire format stays two floats per point; the z = 0 copy is made once here.
 */
export function positions3d(points: PointColumns): Float32Array {
  const out = new Float32Array(points.count * 3);
  for (let i = 0; i < points.count; i++) {
    out[3 * i] = points.position[2 * i] as number;
    out[3 * i + 1] = points.position[2 * i + 1] as number;
  }
  return out;
}

export interface EnterpriseLayerInput {
  count: number;
  positions: Float32Array;
  colors: Uint8Array;
  /** Pixels per enterprise; null draws every plant the same size. */
  radii: Float32Array | null;
  visible: Float32Array;
  opacity: number;
}

export function enterpriseLayer(input: EnterpriseLayerInput) {
  const attributes: Record<string, BinaryAttribute> = {
    getPosition: binaryAttribute(input.positions, 3),
    getFillColor: binaryAttribute(input.colors, 4, true),
    getFilterValue: binaryAttribute(input.visible, 1),
  };
  if (input.radii) attributes.getRadius = binaryAttribute(input.radii, 1);
  return new ScatterplotLayer({
    id: 'enterprises',
    data: { length: input.count, attributes },
    pickable: true,
    autoHighlight: true,
    highlightColor: [0, 200, 255, 255],
    opacity: input.opacity,
    radiusUnits: 'pixels',
    ...(input.radii ? {} : { getRadius: FIXED_RADIUS }),
    radiusMinPixels: 1.5,
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: 0.5,
    getLineColor: [255, 255, 255, 200],
    extensions: [FILTER],
    filterRange: [1, 1],
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
