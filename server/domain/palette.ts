/**
 * Colours every output of Greenline shares — the planner map and its legend, the public embed and
 * the fallback image a publication carries — so that an action or a zone looks the same in each.
 */
import type { Action } from './actions.ts';
import type { ReserveZoneType, ZoneKind } from './zone.ts';

export type RGB = [number, number, number];

export interface ZoneStyle {
  fill: string;
  fillOpacity: number;
  line: string;
  lineWidth: number;
  dashed?: boolean;
}

/**
 * Zoned reserves shade from dark core to pale experimental zone; a reserve of unknown zoning is a
 * different green with a dashed outline, so it never reads as one of the three zones.
 */
export const RESERVE_STYLES: Record<ReserveZoneType, ZoneStyle> = {
  core: { fill: '#1b7837', fillOpacity: 0.5, line: '#0d4a1f', lineWidth: 1 },
  buffer: { fill: '#5aae61', fillOpacity: 0.38, line: '#2f7d35', lineWidth: 0.8 },
  experimental: { fill: '#a6dba0', fillOpacity: 0.32, line: '#5aae61', lineWidth: 0.8 },
  unzoned: { fill: '#66c2a4', fillOpacity: 0.3, line: '#00684a', lineWidth: 1.5, dashed: true },
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
