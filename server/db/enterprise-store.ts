/** Reading and writing enterprises and their child records. */
import type { ComplianceResult, Enterprise, EnterpriseDetail, Equipment, IndicatorYear } from '../domain/enterprise.ts';
import type { Queryable } from './database.ts';
import { type EnterpriseFilter, type EnterpriseSort, enterpriseWhere } from './enterprise-query.ts';
import { readColumns } from './read-columns.ts';
import { columnNames, ENTERPRISE_COLUMNS } from './tables.ts';

export interface ListOptions {
  sort?: EnterpriseSort;
  order?: 'asc' | 'desc';
  limit: number;
  offset: number;
}

const SELECT_ENTERPRISE = columnNames(ENTERPRISE_COLUMNS)
  .filter((c) => c !== 'updated_at' && c !== 'search_text')
  .map((c) => `e.${c}`)
  .join(', ');

export function toEnterprise(row: Record<string, unknown>): Enterprise {
  return {
    ...(row as unknown as Enterprise),
    attributes: parseJson(row.attributes),
  };
}

function parseJson(value: unknown): Record<string, unknown> | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return JSON.parse(value) as Record<string, unknown>;
  return value as Record<string, unknown>;
}

export async function listEnterprises(
  q: Queryable,
  filter: EnterpriseFilter,
  options: ListOptions,
): Promise<{ items: Enterprise[]; total: number }> {
  const where = enterpriseWhere(filter);
  // The sort column comes from ENTERPRISE_SORTS (validated at the edge); id breaks ties so that
  // paging is stable.
  const sort = options.sort ?? 'id';
  const order = options.order === 'desc' ? 'DESC' : 'ASC';
  const tieBreak = sort === 'id' ? '' : ', e.id ASC';
  // Side by side on a read pool (Database.reads); one after the other on a single connection.
  const [rows, total] = await Promise.all([
    q.all(
      `SELECT ${SELECT_ENTERPRISE} FROM enterprises e ${where.sql}
       ORDER BY e.${sort} ${order} NULLS LAST${tieBreak} LIMIT $limit OFFSET $offset`,
      { ...where.params, limit: options.limit, offset: options.offset },
    ),
    q.one<{ n: number }>(`SELECT count(*) AS n FROM enterprises e ${where.sql}`, where.params),
  ]);
  return { items: rows.map(toEnterprise), total: total?.n ?? 0 };
}

export async function getEnterprise(q: Queryable, id: string): Promise<EnterpriseDetail | undefined> {
  const row = await q.one(`SELECT ${SELECT_ENTERPRISE} FROM enterprises e WHERE e.id = $id`, { id });
  if (!row) return undefined;
  const [indicators, equipment, compliance] = await Promise.all([
    q.all<IndicatorYear>(
      `SELECT year, energy_tce, added_value, water_m3, output, output_unit, so2_t, nox_t, particulates_t,
              cod_t, solid_waste_t, solid_waste_used_t, unit_power_kwh
       FROM indicators WHERE enterprise_id = $id ORDER BY year`,
      { id },
    ),
    q.all<Equipment>('SELECT kind, size, unit, count, commissioned_year FROM equipment WHERE enterprise_id = $id ORDER BY kind, size', {
      id,
    }),
    q.all<ComplianceResult>(
      `SELECT standard, passed, strftime(assessed_on, '%Y-%m-%d') AS assessed_on,
              strftime(rectify_by, '%Y-%m-%d') AS rectify_by, note
       FROM compliance WHERE enterprise_id = $id ORDER BY assessed_on, standard`,
      { id },
    ),
  ]);
  return { ...toEnterprise(row), indicators, equipment, compliance };
}

export async function countEnterprises(q: Queryable): Promise<number> {
  return (await q.one<{ n: number }>('SELECT count(*) AS n FROM enterprises'))?.n ?? 0;
}

/** Ids of the enterprises written after `timestamp` (`YYYY-MM-DD HH:MM:SS.ffffff`). */
export async function enterprisesUpdatedSince(q: Queryable, timestamp: string): Promise<string[]> {
  const rows = await q.all<{ id: string }>('SELECT id FROM enterprises WHERE updated_at > CAST($t AS TIMESTAMP)', { t: timestamp });
  return rows.map((r) => r.id);
}

/** Position and key of each enterprise a filter selects. */
export async function enterprisePositions(q: Queryable, filter: EnterpriseFilter): Promise<{ key: number; lon: number; lat: number }[]> {
  const where = enterpriseWhere(filter);
  return q.all<{ key: number; lon: number; lat: number }>(`SELECT e.key, e.lon, e.lat FROM enterprises e ${where.sql}`, where.params);
}

/** Every enterprise's id and position as columns, ordered by id: the typed read, no object per row. */
export async function enterprisePositionColumns(q: Queryable): Promise<{ id: string[]; lon: Float64Array; lat: Float64Array }> {
  const [id, lon, lat] = await readColumns(q, 'SELECT id, lon, lat FROM enterprises ORDER BY id', ['text', 'float64', 'float64']);
  // Ids are never null (primary key).
  return { id: id as string[], lon, lat };
}

export interface EnterpriseName {
  key: number;
  id: string;
  name: string;
  name_en: string | null;
  credit_code: string | null;
}

/** Names of the enterprises with these keys, in key order; unknown keys are left out. */
export async function enterpriseNames(q: Queryable, keys: readonly number[]): Promise<EnterpriseName[]> {
  return q.all<EnterpriseName>(
    `SELECT key, id, name, json_extract_string(attributes, '$.name_en') AS name_en, credit_code
     FROM enterprises WHERE key IN (SELECT unnest($keys::INTEGER[])) ORDER BY key`,
    { keys: `[${keys.join(',')}]` },
  );
}

export async function nextEnterpriseKey(q: Queryable): Promise<number> {
  return ((await q.one<{ k: number | null }>('SELECT max(key) AS k FROM enterprises'))?.k ?? 0) + 1;
}
