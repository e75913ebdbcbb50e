/**
 * Links to the enterprise export (GET /api/enterprises/export, same filters as GET
 * /api/enterprises). The server filters it understands are sent as it spells them; the map's own
 * filters (action, rule, zone, indicator ranges and the drawn shape) are sent too, under the names
 * below, so an export that honours them matches what the map shows.
 */
import { INDICATOR_COLUMNS } from '../../../server/domain/column-payload.ts';
import { type FilterState, rangeIsInverted } from '../../../server/domain/map-filter.ts';
import { ringBox, shapeRing } from '../selection/shape-geometry.ts';
import type { Shape } from '../state/app-state.ts';
import { encodeShape } from '../state/url-codec.ts';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'geojson', 'geoparquet', 'shp'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function exportUrl(format: ExportFormat, filter: FilterState, year: number | null, shape: Shape | null): string {
  return `/api/enterprises/export?format=${format}${mapFilterQuery(filter, year, shape).replace(/^(.)/, '&$1')}`;
}

/**
 * The map's filters as the server reads them (MapFilterQuery): the query string of an export, and
 * the `filter` a publication freezes.
 */
export function mapFilterQuery(filter: FilterState, year: number | null, shape: Shape | null): string {
  const q = new URLSearchParams();
  if (filter.sectors.length) q.set('sector', filter.sectors.join(','));
  if (filter.regions.length) q.set('region', filter.regions.join(','));
  if (filter.statuses.length) q.set('status', filter.statuses.join(','));
  if (filter.actions.length) q.set('action', filter.actions.join(','));
  if (filter.rules.length) q.set('rule', filter.rules.join(','));
  if (filter.zones.length) q.set('zone', filter.zones.join(','));
  for (const column of INDICATOR_COLUMNS) {
    const r = filter.ranges[column];
    if (r && !rangeIsInverted(r)) q.set(column, `${r[0] ?? ''},${r[1] ?? ''}`);
  }
  if (year !== null && INDICATOR_COLUMNS.some((c) => q.has(c))) q.set('year', String(year));
  if (shape) {
    q.set(
      'bbox',
      ringBox(shapeRing(shape))
        .map((n) => n.toFixed(5))
        .join(','),
    );
    q.set('shape', encodeShape(shape));
  }
  return q.toString().replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%3B/g, ';');
}
