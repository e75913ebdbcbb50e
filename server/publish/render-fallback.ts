/**
 * Composes a version's fallback image from what the snapshot already holds: the land and
 * prefectures of the basemap, the chosen zone layers, the enterprises (points, or counts per
 * prefecture) and the texts of meta.json, in the publication's first language.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { PublicRowColumns } from '../db/public-rows.ts';
import { ACTION_NAMES, ACTIONS, actionOfCode } from '../domain/actions.ts';
import { ACTION_COLORS, hex, RESERVE_STYLES, UNFLAGGED_COLOR, ZONE_STYLES, type ZoneStyle } from '../domain/palette.ts';
import { countClass } from '../domain/publish/count-classes.ts';
import { fallbackSvg, type PathStyle } from '../domain/publish/fallback-svg.ts';
import { SOUTH_CHINA_SEA_INSET } from '../domain/publish/inset.ts';
import type { SnapshotMeta } from '../domain/publish/snapshot.ts';
import type { Zone } from '../domain/zone.ts';

export const FALLBACK_SIZE = { width: 800, height: 560 } as const;

const LAND: PathStyle = { fill: '#f6f3ec', fillOpacity: 1, stroke: '#a9a294', strokeWidth: 0.6 };
const PREFECTURE: PathStyle = { fill: '#ffffff', fillOpacity: 0, stroke: '#8e948f', strokeWidth: 0.5 };

export interface FallbackGeometry {
  land: FeatureCollection<Polygon | MultiPolygon>;
  prefectures: (Polygon | MultiPolygon | null)[];
  zones: Zone[];
  points: PublicRowColumns | null;
  national: boolean;
}

const pathStyle = (s: ZoneStyle): PathStyle => ({
  fill: s.fill,
  fillOpacity: s.fillOpacity,
  stroke: s.line,
  strokeWidth: s.lineWidth,
  dashed: s.dashed ?? false,
});

export function renderFallback(meta: SnapshotMeta, geometry: FallbackGeometry): string {
  const areas: { geometry: Polygon | MultiPolygon; style: PathStyle }[] = [];
  for (const f of geometry.land.features) areas.push({ geometry: f.geometry, style: LAND });
  geometry.prefectures.forEach((g, i) => {
    if (!g) return;
    const k = meta.choropleth ? countClass(meta.prefectures[i]?.count ?? 0, meta.choropleth.breaks) : -1;
    const fill = k >= 0 && meta.choropleth ? meta.choropleth.colours[k] : undefined;
    areas.push({ geometry: g, style: fill ? { ...PREFECTURE, fill, fillOpacity: 0.85 } : PREFECTURE });
  });
  for (const z of geometry.zones) {
    const style = z.kind === 'nature_reserve' ? RESERVE_STYLES[z.zone_type ?? 'core'] : ZONE_STYLES[z.kind];
    areas.push({ geometry: z.geometry, style: pathStyle(style) });
  }
  // Colour index = action code, except that unflagged plants rank below every action.
  const colours = [...ACTIONS.map((a) => hex(ACTION_COLORS[a])), hex(UNFLAGGED_COLOR)];
  const p = geometry.points;
  const rank = p ? Int32Array.from(p.action, (code) => (code === 0 ? ACTIONS.length : code - 1)) : null;
  const lang = 'zh';
  const legend = meta.choropleth
    ? meta.choropleth.breaks.map((b, i) => ({ label: `≥ ${b.toLocaleString('zh-CN')}`, colour: meta.choropleth?.colours[i] ?? '#999999' }))
    : meta.actions.map((a) => {
        const action = actionOfCode(a.code);
        return {
          label: action ? ACTION_NAMES[action].zh : '未发现问题',
          colour: hex(action ? ACTION_COLORS[action] : UNFLAGGED_COLOR),
        };
      });
  const footer = [
    meta.reviewNumber ? `审图号：${meta.reviewNumber}` : '',
    meta.sourceLine ? `数据来源：${meta.sourceLine}` : '',
    `发布于 ${meta.publishedAt.slice(0, 10)} · 第 ${meta.version} 版`,
  ].filter(Boolean);
  return fallbackSvg({
    ...FALLBACK_SIZE,
    center: meta.view.center,
    zoom: meta.view.zoom,
    lang,
    summary: meta.summary.zh,
    areas,
    points: p && rank ? { count: p.count, lon: p.lon, lat: p.lat, colour: rank } : null,
    colours,
    legend,
    footer,
    inset: geometry.national ? SOUTH_CHINA_SEA_INSET : null,
  });
}
