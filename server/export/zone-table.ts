/** Zones as an export table: id, kind, zone_type, level, name, name_en, region_code, then attributes, with the polygon. */
import { wktToGeoJSON } from 'betterknown';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Queryable } from '../db/database.ts';
import { zoneAttributeKeys, zoneExportRows } from '../db/export-rows.ts';
import type { ZoneKind } from '../domain/zone.ts';
import { attributeColumns, attributeValue } from './attribute-columns.ts';
import type { ExportColumn, ExportTable } from './formats/table.ts';

export const ZONE_EXPORT_COLUMNS = [
  { name: 'id', type: 'string' },
  { name: 'kind', type: 'string' },
  { name: 'zone_type', type: 'string' },
  { name: 'level', type: 'string' },
  { name: 'name', type: 'string' },
  { name: 'name_en', type: 'string' },
  { name: 'region_code', type: 'string' },
] as const satisfies readonly ExportColumn[];

export async function zoneTable(q: Queryable, kind?: ZoneKind): Promise<ExportTable> {
  const extras = attributeColumns(await zoneAttributeKeys(q, kind), new Set(ZONE_EXPORT_COLUMNS.map((c) => c.name)));
  const names = ZONE_EXPORT_COLUMNS.map((c) => c.name);
  const n = ZONE_EXPORT_COLUMNS.length;
  return {
    name: kind ?? 'zones',
    columns: [...ZONE_EXPORT_COLUMNS, ...extras],
    geometry: 'polygon',
    async *rows() {
      for await (const rows of zoneExportRows(q, names, kind)) {
        yield rows.map((r) => {
          const attributes = r[n] ? (JSON.parse(String(r[n])) as Record<string, unknown>) : {};
          const values: unknown[] = r.slice(0, n);
          for (const c of extras) values.push(attributeValue(attributes[c.name], c.type));
          return { values, geometry: wktToGeoJSON(String(r[n + 1])) as Polygon | MultiPolygon };
        });
      }
    },
  };
}
