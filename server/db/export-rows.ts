/**
 * What the enterprise and zone export tables read: their rows streamed in chunks (each call to
 * rows() replays the query, so a table can be written more than once), and the keys of their
 * JSON attributes with the JSON types each key holds. Column names are checked against the
 * table's columns (tables.ts), the allow-list they are spliced from.
 */
import type { DuckDBValue } from '@duckdb/node-api';
import { SCREENING_SUMMARY_FIELDS } from '../domain/screening/screening-summary.ts';
import type { Params, Queryable } from './database.ts';
import { actionCodeSql, type EnterpriseFilter, enterpriseWhere } from './enterprise-query.ts';
import { columnNames, ENTERPRISE_COLUMNS } from './tables.ts';

/**
 * Per enterprise, its flags summed up as SCREENING_SUMMARY_FIELDS names them: most severe action,
 * highest severity, rules and policies (`;`), citations (` | `), earliest deadline.
 */
const SCREENING_SQL = `SELECT enterprise_id,
    arg_min(action, ${actionCodeSql('action')}) AS action,
    max(severity) AS severity,
    string_agg(rule_id, ';' ORDER BY rule_id) AS rules,
    string_agg(DISTINCT policy, ';' ORDER BY policy) AS policy,
    string_agg(DISTINCT citation, ' | ' ORDER BY citation) AS citation,
    strftime(min(deadline), '%Y-%m-%d') AS deadline
  FROM flags GROUP BY enterprise_id`;

const ZONE_COLUMNS = ['id', 'kind', 'zone_type', 'level', 'name', 'name_en', 'region_code', 'attributes', 'geometry'];

/** An attribute key and the JSON types (`BIGINT`, `DOUBLE`, `VARCHAR`, `NULL`, …) its values have. */
export interface AttributeKey {
  k: string;
  types: string[];
}

/**
 * The enterprises a filter selects, ordered by id: each row holds `columns`, then
 * SCREENING_SUMMARY_COLUMNS (null without flags), then the attributes as JSON text.
 */
export function enterpriseExportRows(q: Queryable, filter: EnterpriseFilter, columns: readonly string[]): AsyncGenerator<unknown[][]> {
  allowed(columns, columnNames(ENTERPRISE_COLUMNS), 'enterprises');
  const where = enterpriseWhere(filter);
  const select = `SELECT ${columns.map((c) => `e.${c}`).join(', ')},
      ${SCREENING_SUMMARY_FIELDS.map((c) => `s.${c.name}`).join(', ')}, e.attributes::VARCHAR
    FROM enterprises e LEFT JOIN (${SCREENING_SQL}) s ON s.enterprise_id = e.id ${where.sql} ORDER BY e.id`;
  return rowChunks(q, select, where.params);
}

/** The attribute keys of the enterprises a filter selects, by key. */
export function enterpriseAttributeKeys(q: Queryable, filter: EnterpriseFilter): Promise<AttributeKey[]> {
  const where = enterpriseWhere(filter);
  return attributeKeys(q, 'e.attributes', `FROM enterprises e ${where.sql}`, where.params);
}

/**
 * Zones (of one kind, or all) ordered by kind and id: each row holds `columns`, then the
 * attributes as JSON text, then the geometry as WKT.
 */
export function zoneExportRows(q: Queryable, columns: readonly string[], kind?: string): AsyncGenerator<unknown[][]> {
  allowed(columns, ZONE_COLUMNS, 'zones');
  const select = `SELECT ${columns.map((c) => `z.${c}`).join(', ')}, z.attributes::VARCHAR, ST_AsText(z.geometry) ${zoneFrom(kind)} ORDER BY z.kind, z.id`;
  return rowChunks(q, select, kind ? { kind } : {});
}

/** The attribute keys of the zones (of one kind, or all), by key. */
export function zoneAttributeKeys(q: Queryable, kind?: string): Promise<AttributeKey[]> {
  return attributeKeys(q, 'z.attributes', zoneFrom(kind), kind ? { kind } : {});
}

const zoneFrom = (kind: string | undefined) => `FROM zones z ${kind ? 'WHERE z.kind = $kind' : ''}`;

function allowed(columns: readonly string[], known: readonly string[], table: string): void {
  const unknown = columns.find((c) => !known.includes(c));
  if (unknown !== undefined) throw new Error(`export: ${table} has no column "${unknown}"`);
}

/** `from` is a FROM … WHERE clause over rows with a JSON attributes column named by `column`. */
async function attributeKeys(q: Queryable, column: string, from: string, params: Record<string, DuckDBValue>): Promise<AttributeKey[]> {
  return q.all<AttributeKey>(
    `SELECT k, list_distinct(list(json_type(a -> ('/' || replace(replace(k, '~', '~0'), '/', '~1'))))) AS types
     FROM (SELECT ${column} AS a, unnest(json_keys(${column})) AS k ${from}) GROUP BY k ORDER BY k`,
    params,
  );
}

/** A query's rows in the driver's chunks, BIGINT as number (ours fit a double). */
async function* rowChunks(q: Queryable, sql: string, params?: Params): AsyncGenerator<unknown[][]> {
  const result = await q.connection.stream(sql, params);
  for await (const rows of result.yieldRowsJs()) {
    yield rows.map((r) => r.map((v) => (typeof v === 'bigint' ? Number(v) : v)));
  }
}
