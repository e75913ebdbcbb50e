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

/** Outside China the basemap has no data: a neutral ground, not a sea. */
export const GROUND = '#e6e7e3';
export const LAND = '#f7f5ef';

/** Interactive layers: clicking or Enter on these opens a popup. */
export const POINT_LAYERS = ['gl-clusters', 'gl-points'] as const;
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
  const layers: LayerSpecification[] = [
    { id: 'gl-ground', type: 'background', paint: { 'background-color': GROUND } },
    { id: 'gl-land', type: 'fill', source: 'basemap', 'source-layer': 'land', paint: { 'fill-color': LAND } },
    {
      id: 'gl-islands',
      type: 'fill',
      source: 'basemap',
      'source-layer': 'islands',
      paint: { 'fill-color': LAND, 'fill-outline-color': '#8e948f' },
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
      paint: { 'fill-color': step as ExpressionSpecification, 'fill-opacity': 0.85 },
    });
  }
  layers.push(
    // Outlines as lines, not fill-outline-color: one shader fewer to compile before the first frame,
    // which in software WebGL costs a tenth of a second or more each.
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
            paint: { 'fill-color': s.fill, 'fill-opacity': s.fillOpacity },
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
    const common = { source: 'enterprises', 'source-layer': 'enterprises' } as const;
    layers.push(
      {
        id: 'gl-clusters',
        type: 'circle',
        ...common,
        filter: ['has', 'point_count'],
        paint: {
          'circle-color': actionColour(),
          'circle-opacity': 0.85,
          'circle-radius': ['step', ['get', 'point_count'], 7, 10, 10, 100, 14, 1000, 19, 10000, 25],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.5,
        },
      },
      {
        id: 'gl-points',
        type: 'circle',
        ...common,
        filter: ['!', ['has', 'point_count']],
        paint: {
          // Done (completed, accepted, closed): drawn as a ring in its action's colour.
          'circle-color': ['case', ['==', ['get', 'd'], 1], '#ffffff', actionColour()],
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 6, 4, 14, 7],
          'circle-stroke-color': ['case', ['==', ['get', 'd'], 1], actionColour(), '#ffffff'],
          'circle-stroke-width': ['case', ['==', ['get', 'd'], 1], 2.5, 1],
        },
      },
    );
  }
  return { version: 8, sources, layers };
}
