/** Colours shared by map layers and the legend, so the legend always matches what is drawn. */
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
