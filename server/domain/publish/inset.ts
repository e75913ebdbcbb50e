/**
 * The South China Sea inset (南海诸岛) public maps of China show at national extent, as echarts
 * draws it beside its map of China (data/boundaries/south-china-sea-inset.json, built by
 * data/scripts/build-boundaries.ts): the coast and the dashed line, each point a fraction of the
 * inset box (x right, y down), which is `width` by `height` units.
 */
import shapes from '../../../data/boundaries/south-china-sea-inset.json' with { type: 'json' };

export interface InsetShapes {
  name: string;
  name_en: string;
  width: number;
  height: number;
  polygons: [number, number][][];
}

export const SOUTH_CHINA_SEA_INSET: InsetShapes = {
  ...shapes,
  polygons: shapes.polygons.map((ring) => ring.map(([u = 0, v = 0]) => [u, v])),
};
