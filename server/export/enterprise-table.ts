/**
 * Enterprises as an export table: columns id,name,credit_code,sector,lon,lat (WGS84) first, as
 * design.md fixes for CSV, then the other fields, then the screening (one row per enterprise, its
 * flags joined), then one column per attribute key. Spatial formats carry the position as a point
 * geometry instead of lon and lat.
 */
import type { Queryable } from '../db/database.ts';
import type { EnterpriseFilter } from '../db/enterprise-query.ts';
import { enterpriseAttributeKeys, enterpriseExportRows } from '../db/export-rows.ts';
import { SCREENING_SUMMARY_FIELDS } from '../domain/screening/screening-summary.ts';
import { attributeColumns, attributeValue } from './attribute-columns.ts';
import type { ExportColumn, ExportTable } from './formats/table.ts';

export const ENTERPRISE_EXPORT_COLUMNS = [
  { name: 'id', type: 'string' },
  { name: 'name', type: 'string' },
  { name: 'credit_code', type: 'string' },
  { name: 'sector', type: 'string' },
  { name: 'lon', type: 'number' },
  { name: 'lat', type: 'number' },
  { name: 'region_code', type: 'string' },
  { name: 'location_accuracy', type: 'string' },
  { name: 'status', type: 'string' },
  { name: 'commissioned_year', type: 'integer' },
  { name: 'above_scale', type: 'boolean' },
  { name: 'in_park', type: 'boolean' },
  { name: 'capacity', type: 'number' },
  { name: 'capacity_unit', type: 'string' },
  { name: 'scattered_dirty', type: 'boolean' },
  { name: 'green_factory', type: 'boolean' },
] as const satisfies readonly ExportColumn[];

/** What the screening says of each enterprise, its flags joined (domain/screening/screening-summary.ts). */
export const SCREENING_EXPORT_COLUMNS = SCREENING_SUMMARY_FIELDS satisfies readonly ExportColumn[];

export async function enterpriseTable(q: Queryable, filter: EnterpriseFilter, spatial: boolean): Promise<ExportTable> {
  const fixed: ExportColumn[] = [
    ...ENTERPRISE_EXPORT_COLUMNS.filter((c) => !spatial || (c.name !== 'lon' && c.name !== 'lat')),
    ...SCREENING_EXPORT_COLUMNS,
  ];
  const extras = attributeColumns(
    await enterpriseAttributeKeys(q, filter),
    new Set([...ENTERPRISE_EXPORT_COLUMNS, ...SCREENING_EXPORT_COLUMNS].map((c) => c.name)),
  );
  const all = [...ENTERPRISE_EXPORT_COLUMNS, ...SCREENING_EXPORT_COLUMNS];
  const names = ENTERPRISE_EXPORT_COLUMNS.map((c) => c.name);
  const lonAt = ENTERPRISE_EXPORT_COLUMNS.findIndex((c) => c.name === 'lon');
  const keep = all.map((c, i) => (fixed.includes(c) ? i : -1)).filter((i) => i >= 0);
  return {
    name: 'enterprises',
    columns: [...fixed, ...extras],
    geometry: 'point',
    async *rows() {
      for await (const rows of enterpriseExportRows(q, filter, names)) {
        yield rows.map((r) => {
          const attributes = r[all.length] ? (JSON.parse(String(r[all.length])) as Record<string, unknown>) : {};
          const values: unknown[] = keep.map((i) => r[i] ?? null);
          for (const c of extras) values.push(attributeValue(attributes[c.name], c.type));
          return { values, geometry: { type: 'Point' as const, coordinates: [r[lonAt] as number, r[lonAt + 1] as number] } };
        });
      }
    },
  };
}
