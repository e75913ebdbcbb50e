/** Colours shared by map layers and the legend, so the legend always matches what is drawn. */

import type { RGB } from '../../../server/domain/palette.ts';
import type { SectorGroup } from '../../../server/domain/sectors.ts';

export type { RGB };

export const SECTOR_GROUP_COLORS: Record<SectorGroup, RGB> = {
  steel: [228, 26, 28],
  nonferrous: [255, 127, 0],
  coking_chemical: [152, 78, 163],
  building_materials: [166, 86, 40],
  paper: [77, 175, 74],
  textile_dyeing: [247, 129, 191],
  pharma: [55, 126, 184],
  casting: [102, 102, 102],
  coal: [26, 26, 26],
  power: [230, 190, 0],
  other: [158, 158, 158],
};

export { ACTION_COLORS, hex, RESERVE_STYLES, UNFLAGGED_COLOR, ZONE_STYLES, type ZoneStyle } from '../../../server/domain/palette.ts';

export const NO_VALUE_COLOR: RGB = [190, 190, 190];

/** Sequential ramp (light → dark) for intensities; diverging (better → worse) for changes. */
export const SEQUENTIAL_RAMP: RGB[] = [
  [255, 255, 204],
  [161, 218, 180],
  [65, 182, 196],
  [44, 127, 184],
  [37, 52, 148],
];
export const DIVERGING_RAMP: RGB[] = [
  [26, 152, 80],
  [145, 207, 96],
  [255, 255, 191],
  [252, 141, 89],
  [215, 48, 39],
];

/** Linear interpolation through a ramp; t in [0, 1]. */
export function rampColor(ramp: RGB[], t: number): RGB {
  const x = Math.min(1, Math.max(0, t)) * (ramp.length - 1);
  const i = Math.min(ramp.length - 2, Math.floor(x));
  const f = x - i;
  const a = ramp[i] as RGB;
  const b = ramp[i + 1] as RGB;
  return [Math.round(a[0] + (b[0] - a[0]) * f), Math.round(a[1] + (b[1] - a[1]) * f), Math.round(a[2] + (b[2] - a[2]) * f)];
}

/** Heat map of enterprise density, light to dark. */
export const DENSITY_RAMP: RGB[] = [
  [255, 255, 178],
  [254, 217, 118],
  [254, 178, 76],
  [253, 141, 60],
  [240, 59, 32],
  [189, 0, 38],
];
