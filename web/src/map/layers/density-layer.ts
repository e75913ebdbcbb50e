/**
 * Zoomed out, a million dots would be one smear: enterprises are aggregated into a heat map on the
 * GPU, weighted by the same visibility column the points use, so it shows exactly what the filter
 * lets through.
 */
import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import { DENSITY_RAMP } from '../palette.ts';
import { binaryAttribute } from './binary-attribute.ts';

/** Below this zoom the heat map replaces the points (when aggregation is on). */
export const AGGREGATE_BELOW_ZOOM = 6;

export interface DensityLayerInput {
  count: number;
  positions: Float32Array;
  visible: Float32Array;
  opacity: number;
}

export function densityLayer(input: DensityLayerInput) {
  return new HeatmapLayer({
    id: 'enterprise-density',
    data: {
      length: input.count,
      attributes: { getPosition: binaryAttribute(input.positions, 3), getWeight: binaryAttribute(input.visible, 1) },
    },
    radiusPixels: 18,
    intensity: 1,
    threshold: 0.03,
    colorRange: DENSITY_RAMP,
    opacity: input.opacity,
    aggregation: 'SUM',
    // The default 2048² weight texture costs a software renderer most of a second per redraw; at
    // the zooms the heat map is drawn, 512² is as fine as the eye can tell.
    weightsTextureSize: 512,
  });
}
