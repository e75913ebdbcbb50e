/**
 * Enterprises as an export table: columns id,name,credit_code,sector,lon,lat (WGS84) first, as
 * design.md fixes for CSV, then the other fields, then the screening (one row per enterprise, its
 * flags joined), then one column per attribute key. Spatial formats carry the position as a point
 * geometry instead of lon and lat.
 */
import type { Queryable } from '../db/database.ts';
import { actionCodeSql, type EnterpriseFilter, enterpriseWhere } from '../db/enterprise-query.ts';
import { SCREENING_SUMMARY_FIELDS } from '../domain/screening/screening-summary.ts';
import { attributeColumns, attributeValue } from './attribute-columns.ts';
import type { ExportColumn, ExportTable } from './formats/table.ts';
import { queryRows } from './query-rows.ts';

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

/** Most severe action, highest severity, rules and policies (`;`), citations (` | `), earliest deadline. */
const SCREENING_SQL = `SELECT enterprise_id,
    arg_min(action, ${actionCodeSql('action')}) AS action,
    max(severity) AS severity,
    string_agg(rule_id, ';' ORDER BY rule_id) AS rules,
    string_agg(DISTINCT policy, ';' ORDER BY policy) AS policy,
    string_agg(DISTINCT citation, ' | ' ORDER BY citation) AS citation,
    strftime(min(deadline), '%Y-%m-%d') AS deadline
  FROM flags GROUP BY enterprise_id`;

export async function enterpriseTable(q: Queryable, filter: EnterpriseFilter, spatial: boolean): Promise<ExportTable> {
  const where = enterpriseWhere(filter);
  const fixed: ExportColumn[] = [
    ...ENTERPRISE_EXPORT_COLUMNS.filter((c) => !spatial || (c.name !== 'lon' && c.name !== 'lat')),
    ...SCREENING_EXPORT_COLUMNS,
  ];
  const extras = await attributeColumns(
    q,
    'e.attributes',
    `FROM enterprises e ${where.sql}`,
    where.params,
    new Set([...ENTERPRISE_EXPORT_COLUMNS, ...SCREENING_EXPORT_COLUMNS].map((c) => c.name)),
  );
  // Column names come from ENTERPRISE_EXPORT_COLUMNS, an allow-list.
  const all = [...ENTERPRISE_EXPORT_COLUMNS, ...SCREENING_EXPORT_COLUMNS];
  const select = `SELECT ${ENTERPRISE_EXPORT_COLUMNS.map((c) => `e.${c.name}`).join(', ')},
      ${SCREENING_EXPORT_COLUMNS.map((c) => `s.${c.name}`).join(', ')}, e.attributes::VARCHAR
    FROM enterprises e LEFT JOIN (${SCREENING_SQL}) s ON s.enterprise_id = e.id ${where.sql} ORDER BY e.id`;
  const lonAt = ENTERPRISE_EXPORT_COLUMNS.findIndex((c) => c.name === 'lon');
  const keep = all.map((c, i) => (fixed.includes(c) ? i : -1)).filter((i) => i >= 0);
  return {
    name: 'enterprises',
    columns: [...fixed, ...extras],
    geometry: 'point',
    async *rows() {
      for await (const rows of queryRows(q, select, where.params)) {
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

export async function countEnterprisesMatching(q: Queryable, filter: EnterpriseFilter): Promise<number> {
  const where = enterpriseWhere(filter);
  return (await q.one<{ n: number }>(`SELECT count(*) AS n FROM enterprises e ${where.sql}`, where.params))?.n ?? 0;
}
