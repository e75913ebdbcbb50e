/**
 * The offline basemap: drawn entirely from boundaries this server ships (provinces of China for
 * context, the demo's provinces and prefectures on top) with zone layers beneath the enterprise
 * points. No glyphs, sprites or tiles are fetched from anywhere; labels are drawn by deck.gl.
 */
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { ZONE_KINDS, type ZoneKind } from '../../../server/domain/zone.ts';
import { RESERVE_STYLES, ZONE_STYLES, type ZoneStyle } from './palette.ts';

export interface OnlineBasemap {
  id: string;
  type: string;
  url: string;
  attribution?: string;
}

export const zoneSourceId = (kind: ZoneKind) => `zones-${kind}`;
export const zoneLayerIds = (kind: ZoneKind) => [`${kind}-fill`, `${kind}-line`];
export const PREFECTURE_LAYER_IDS = ['prefecture-line'];

function zoneLayers(kind: ZoneKind): LayerSpecification[] {
  const source = zoneSourceId(kind);
  if (kind === 'nature_reserve') {
    const byType = (prop: keyof ZoneStyle) =>
      [
        'match',
        ['get', 'zone_type'],
        'core',
        RESERVE_STYLES.core[prop],
        'buffer',
        RESERVE_STYLES.buffer[prop],
        RESERVE_STYLES.experimental[prop],
      ] as never;
    return [
      { id: `${kind}-fill`, type: 'fill', source, paint: { 'fill-color': byType('fill'), 'fill-opacity': byType('fillOpacity') } },
      { id: `${kind}-line`, type: 'line', source, paint: { 'line-color': byType('line'), 'line-width': byType('lineWidth') } },
    ];
  }
  const style = ZONE_STYLES[kind];
  return [
    { id: `${kind}-fill`, type: 'fill', source, paint: { 'fill-color': style.fill, 'fill-opacity': style.fillOpacity } },
    {
      id: `${kind}-line`,
      type: 'line',
      source,
      paint: { 'line-color': style.line, 'line-width': style.lineWidth, ...(style.dashed ? { 'line-dasharray': [4, 2] } : {}) },
    },
  ];
}

/** Drawing order, bottom to top: broad areas first so small ones stay visible. */
const ZONE_ORDER: ZoneKind[] = ['key_region', 'river_basin', 'built_up', 'nature_reserve', 'industrial_park'];

export function basemapStyle(chinaUrl: string, online?: OnlineBasemap): StyleSpecification {
  const sources: StyleSpecification['sources'] = {
    china: { type: 'geojson', data: chinaUrl },
    regions: { type: 'geojson', data: '/api/regions' },
    ...Object.fromEntries(ZONE_KINDS.map((k) => [zoneSourceId(k), { type: 'geojson' as const, data: `/api/zones?kind=${k}` }])),
  };
  const layers: LayerSpecification[] = [{ id: 'background', type: 'background', paint: { 'background-color': '#dfe8ea' } }];
  if (online?.type === 'raster') {
    sources.online = {
      type: 'raster',
      tiles: [online.url],
      tileSize: 256,
      ...(online.attribution ? { attribution: online.attribution } : {}),
    };
    layers.push({ id: 'online', type: 'raster', source: 'online' });
  } else {
    layers.push(
      { id: 'china-fill', type: 'fill', source: 'china', paint: { 'fill-color': '#f4f3ee' } },
      { id: 'china-line', type: 'line', source: 'china', paint: { 'line-color': '#c4c6bf', 'line-width': 0.7 } },
      {
        id: 'demo-province-fill',
        type: 'fill',
        source: 'regions',
        filter: ['==', ['get', 'level'], 'province'],
        paint: { 'fill-color': '#fbfaf6' },
      },
    );
  }
  for (const kind of ZONE_ORDER) layers.push(...zoneLayers(kind));
  layers.push(
    {
      id: 'prefecture-line',
      type: 'line',
      source: 'regions',
      filter: ['==', ['get', 'level'], 'prefecture'],
      paint: { 'line-color': '#8d918a', 'line-width': 0.8, 'line-dasharray': [3, 2] },
    },
    {
      id: 'province-line',
      type: 'line',
      source: 'regions',
      filter: ['==', ['get', 'level'], 'province'],
      paint: { 'line-color': '#6b6f68', 'line-width': 1.6 },
    },
  );
  return { version: 8, sources, layers };
}
