/**
 * Zone names as map labels: one per zone, at a point inside it (Turf's pointOnFeature on its
 * largest part), in the UI language. The map controller reads the zones from the zone layers'
 * own GeoJSON sources, so nothing is fetched twice, and labels only the kinds shown; the names
 * are placed with the place names (label-placement.ts), between county seats and towns.
 */
import { pointOnFeature } from '@turf/turf';
import type { FeatureCollection, GeoJSON, MultiPolygon, Polygon, Position } from 'geojson';
import type { ZoneKind } from '../../../../server/domain/zone.ts';
import type { Lang } from '../../i18n/messages.ts';
import { label, nameIn, type PlaceLabel } from './place-labels.ts';

export interface ZoneName {
  kind: ZoneKind;
  zh: string | null;
  en: string | null;
  position: [number, number];
}

/** Area of a ring's bounding box: enough to tell a zone's main part from its islands. */
function boxArea(ring: readonly Position[]): number {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring as [number, number][]) {
    w = Math.min(w, x);
    e = Math.max(e, x);
    s = Math.min(s, y);
    n = Math.max(n, y);
  }
  return (e - w) * (n - s);
}

/** One name per named zone of a zone layer's GeoJSON. */
export function zoneNames(kind: ZoneKind, data: GeoJSON): ZoneName[] {
  if (data.type !== 'FeatureCollection') return [];
  const out: ZoneName[] = [];
  for (const f of (data as FeatureCollection).features) {
    const g = f.geometry as Polygon | MultiPolygon | null;
    const props = (f.properties ?? {}) as { name?: string | null; name_en?: string | null };
    if (!g || (!props.name && !props.name_en)) continue;
    const polygons = g.type === 'MultiPolygon' ? g.coordinates : g.type === 'Polygon' ? [g.coordinates] : [];
    const largest = polygons.reduce<Position[][] | null>(
      (best, p) => (!best || boxArea(p[0] ?? []) > boxArea(best[0] ?? []) ? p : best),
      null,
    );
    if (!largest) continue;
    const at = pointOnFeature({ type: 'Polygon', coordinates: largest }).geometry.coordinates as [number, number];
    out.push({ kind, zh: props.name ?? null, en: props.name_en ?? null, position: at });
  }
  return out;
}

export function zoneLabels(names: readonly ZoneName[], lang: Lang): PlaceLabel[] {
  return names.map((z) => label('zone', z.position, nameIn(lang, z.zh, z.en)));
}
