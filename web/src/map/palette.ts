/** Colours shared by map layers and the legend, so the legend always matches what is drawn. */
import type { Action } from '../../../server/domain/actions.ts';
import type { SectorGroup } from '../../../server/domain/sectors.ts';
import type { ZoneKind } from '../../../server/domain/zone.ts';

export type RGB = [number, number, number];

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

export interface ZoneStyle {
  fill: string;
  fillOpacity: number;
  line: string;
  lineWidth: number;
  dashed?: boolean;
}

export const RESERVE_STYLES: Record<'core' | 'buffer' | 'experimental', ZoneStyle> = {
  core: { fill: '#1b7837', fillOpacity: 0.5, line: '#0d4a1f', lineWidth: 1 },
  buffer: { fill: '#5aae61', fillOpacity: 0.38, line: '#2f7d35', lineWidth: 0.8 },
  experimental: { fill: '#a6dba0', fillOpacity: 0.32, line: '#5aae61', lineWidth: 0.8 },
};

export const ZONE_STYLES: Record<Exclude<ZoneKind, 'nature_reserve'>, ZoneStyle> = {
  built_up: { fill: '#9c8c7a', fillOpacity: 0.35, line: '#7a6a58', lineWidth: 0.8 },
  river_basin: { fill: '#4393c3', fillOpacity: 0.12, line: '#2166ac', lineWidth: 1.2 },
  key_region: { fill: '#d6604d', fillOpacity: 0.04, line: '#b2182b', lineWidth: 1.5, dashed: true },
  industrial_park: { fill: '#8073ac', fillOpacity: 0.4, line: '#542788', lineWidth: 1 },
};

export const hex = ([r, g, b]: RGB) => `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;

/**
 * One colour per action, most severe first (server/domain/actions.ts order): reds for leaving or
 * closing, oranges for changing the plant, yellows for price and schedule, green for green
 * manufacturing; grey for plants no rule flags.
 */
export const ACTION_COLORS: Record<Action, RGB> = {
  withdraw: [165, 0, 38],
  close: [215, 48, 39],
  relocate: [244, 109, 67],
  prohibit_new_capacity: [190, 60, 140],
  transform: [253, 174, 97],
  rectify: [230, 145, 56],
  capacity_replacement: [140, 81, 170],
  upgrade: [69, 117, 180],
  ladder_price: [200, 170, 30],
  peak_shift: [116, 173, 209],
  green: [26, 152, 80],
};
export const UNFLAGGED_COLOR: RGB = [150, 156, 152];
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
