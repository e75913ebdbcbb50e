/**
 * Enterprises as a deck.gl scatterplot fed straight from the binary point payload: positions are
 * a view into the downloaded buffer, colours a parallel RGBA array. No object per enterprise.
 */
import { ScatterplotLayer } from '@deck.gl/layers';
import type { PointColumns } from '../../../../server/domain/point-payload.ts';
import { SECTOR_GROUPS } from '../../../../server/domain/sectors.ts';
import { type RGB, SECTOR_GROUP_COLORS } from '../palette.ts';

/** RGBA per enterprise from its sector group. */
export function colorsBySector(points: PointColumns): Uint8Array {
  const lut = SECTOR_GROUPS.map((g) => SECTOR_GROUP_COLORS[g]);
  const out = new Uint8Array(points.count * 4);
  for (let i = 0; i < points.count; i++) {
    const c = lut[points.group[i] as number] as RGB;
    out[4 * i] = c[0];
    out[4 * i + 1] = c[1];
    out[4 * i + 2] = c[2];
    out[4 * i + 3] = 235;
  }
  return out;
}

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

export interface EnterpriseLayerOptions {
  positions: Float32Array;
  colors: Uint8Array;
  visible: boolean;
  selectedIndex: number | null;
}

export function enterpriseLayers(points: PointColumns, options: EnterpriseLayerOptions) {
  const base = new ScatterplotLayer({
    id: 'enterprises',
    data: {
      length: points.count,
      attributes: {
        getPosition: { value: options.positions, size: 3 },
        getFillColor: { value: options.colors, size: 4, normalized: true },
      },
    },
    visible: options.visible,
    pickable: true,
    autoHighlight: true,
    highlightColor: [0, 200, 255, 255],
    radiusUnits: 'pixels',
    getRadius: 3.2,
    radiusMinPixels: 1.5,
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: 0.5,
    getLineColor: [255, 255, 255, 200],
    updateTriggers: { getFillColor: options.colors },
  });
  const selected = options.selectedIndex;
  if (selected === null || !options.visible) return [base];
  const ring = new ScatterplotLayer({
    id: 'enterprise-selected',
    data: [selected],
    getPosition: (i: number) => [points.position[2 * i] as number, points.position[2 * i + 1] as number],
    radiusUnits: 'pixels',
    getRadius: 9,
    filled: false,
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: 2.5,
    getLineColor: [0, 120, 215, 255],
  });
  return [base, ring];
}
