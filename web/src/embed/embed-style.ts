/**
 * The embed's MapLibre style, a pure function of a publication's meta.json: a basemap of land,
 * islands and prefectures from the publication's own archive (offline, no glyphs or sprites), the
 * chosen zone layers, and the enterprises as clusters and points — or prefectures filled by count.
 * Colours come from the palette the planner map and the fallback image use.
 */
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl-5';
import { ACTIONS } from '../../../server/domain/actions.ts';
import { ACTION_COLORS, hex, RESERVE_STYLES, UNFLAGGED_COLOR, ZONE_STYLES } from '../../../server/domain/palette.ts';
import type { SnapshotMeta } from '../../../server/domain/publish/snapshot.ts';
import { ZONE_KINDS } from '../../../server/domain/zone.ts';

export const LAND = '#f7f5ef';

/**
 * Clusters and single plants, told apart by `point_count`: one circle layer rather than two, since
 * two layers with different paint bindings are two shader programs to compile before the first
 * frame. Clicking or Enter on it (or on the fills below) opens a popup.
 */
export const ENTERPRISE_LAYER = 'gl-enterprises';
export const isCluster = (properties: Record<string, unknown> | null) => properties !== null && 'point_count' in properties;
export const PREFECTURE_FILL = 'gl-prefecture-fill';
export const ZONE_FILL = 'gl-zone-fill';

/** The colour of a point or cluster from its category (action code, 0 = not flagged). */
export function actionColour(): ExpressionSpecification {
  return [
    'match',
    ['get', 'c'],
    ...ACTIONS.flatMap((a, i) => [i + 1, hex(ACTION_COLORS[a])]),
    hex(UNFLAGGED_COLOR),
  ] as unknown as ExpressionSpecification;
}

export function embedStyle(meta: SnapshotMeta, dataBase: string): StyleSpecification {
  const url = (file: string) => `pmtiles://${new URL(file, dataBase).href}`;
  const sources: StyleSpecification['sources'] = {
    basemap: { type: 'vector', url: url(meta.tiles.basemap.file) },
  };
  // No background layer and no antialiased fill edges: the ground is the map element's CSS
  // background (embed.css), and the line layers below draw every edge. Each is a shader program
  // fewer to compile before the first frame, a tenth of a second or more in software WebGL.
  const layers: LayerSpecification[] = [
    { id: 'gl-land', type: 'fill', source: 'basemap', 'source-layer': 'land', paint: { 'fill-color': LAND, 'fill-antialias': false } },
    {
      id: 'gl-islands',
      type: 'fill',
      source: 'basemap',
      'source-layer': 'islands',
      paint: { 'fill-color': LAND, 'fill-antialias': false },
    },
  ];
  if (meta.choropleth) {
    const { breaks, colours } = meta.choropleth;
    const step: unknown[] = ['step', ['get', 'n'], 'rgba(0,0,0,0)'];
    breaks.forEach((b, i) => {
      step.push(b, colours[i] as string);
    });
    layers.push({
      id: PREFECTURE_FILL,
      type: 'fill',
      source: 'basemap',
      'source-layer': 'prefectures',
      paint: { 'fill-color': step as ExpressionSpecification, 'fill-opacity': 0.85, 'fill-antialias': false },
    });
  }
  layers.push(
    { id: 'gl-land-line', type: 'line', source: 'basemap', 'source-layer': 'land', paint: { 'line-color': '#a9a294', 'line-width': 0.8 } },
    {
      id: 'gl-islands-line',
      type: 'line',
      source: 'basemap',
      'source-layer': 'islands',
      paint: { 'line-color': '#8e948f', 'line-width': 0.6 },
    },
    {
      id: 'gl-prefecture-line',
      type: 'line',
      source: 'basemap',
      'source-layer': 'prefectures',
      paint: { 'line-color': '#7d847f', 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.4, 9, 1.2] },
    },
  );
  if (meta.tiles.zones) {
    sources.zones = { type: 'vector', url: url(meta.tiles.zones.file) };
    for (const kind of ZONE_KINDS.filter((k) => meta.zones.includes(k))) {
      const styles =
        kind === 'nature_reserve'
          ? (Object.entries(RESERVE_STYLES) as [string, (typeof RESERVE_STYLES)['core']][]).map(([type, s]) => ({
              filter: ['==', ['get', 'zone_type'], type],
              s,
              id: `${kind}-${type}`,
            }))
          : [{ filter: true, s: ZONE_STYLES[kind], id: kind }];
      for (const { filter, s, id } of styles) {
        const match = ['all', ['==', ['get', 'kind'], kind], filter] as ExpressionSpecification;
        layers.push(
          {
            id: `${ZONE_FILL}-${id}`,
            type: 'fill',
            source: 'zones',
            'source-layer': 'zones',
            filter: match,
            paint: { 'fill-color': s.fill, 'fill-opacity': s.fillOpacity, 'fill-antialias': false },
          },
          {
            id: `gl-zone-line-${id}`,
            type: 'line',
            source: 'zones',
            'source-layer': 'zones',
            filter: match,
            paint: { 'line-color': s.line, 'line-width': s.lineWidth, ...(s.dashed ? { 'line-dasharray': [4, 3] } : {}) },
          },
        );
      }
    }
  }
  if (meta.tiles.enterprises) {
    sources.enterprises = { type: 'vector', url: url(meta.tiles.enterprises.file) };
    const cluster: ExpressionSpecification = ['has', 'point_count'];
    // Done (completed, accepted, closed): a plant drawn as a ring in its action's colour.
    const done: ExpressionSpecification = ['==', ['get', 'd'], 1];
    const clusterRadius: ExpressionSpecification = ['step', ['get', 'point_count'], 7, 10, 10, 100, 14, 1000, 19, 10000, 25];
    layers.push({
      id: ENTERPRISE_LAYER,
      type: 'circle',
      source: 'enterprises',
      'source-layer': 'enterprises',
      paint: {
        'circle-color': ['case', cluster, actionColour(), done, '#ffffff', actionColour()],
        'circle-opacity': ['case', cluster, 0.85, 1],
        'circle-radius': [
          'interpolate',
          ['linear'],
          ['zoom'],
          6,
          ['case', cluster, clusterRadius, 4],
          14,
          ['case', cluster, clusterRadius, 7],
        ],
        'circle-stroke-color': ['case', cluster, '#ffffff', done, actionColour(), '#ffffff'],
        'circle-stroke-width': ['case', cluster, 1.5, done, 2.5, 1],
      },
    });
  }
  return { version: 8, sources, layers };
}
