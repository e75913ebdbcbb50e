/**
 * Turns validated enterprise filters into a parameterised WHERE clause. Shared by the list,
 * the binary point payload, counts and exports so that all of them agree on what a filter means.
 */
import type { DuckDBValue } from '@duckdb/node-api';
import { ACTIONS, actionCode } from '../domain/actions.ts';
import type { IndicatorColumn } from '../domain/column-payload.ts';
import { BASELINE_YEAR } from '../domain/intensity.ts';
import { searchForm } from '../domain/search-text.ts';
import type { ZoneKind } from '../domain/zone.ts';
import type { Params } from './database.ts';
import { listValue } from './duckdb.ts';

/** An action's code (actions.ts) in SQL, from a column holding its name. */
export const actionCodeSql = (column: string) =>
  `CASE ${column} ${ACTIONS.map((a) => `WHEN '${a}' THEN ${actionCode(a)}`).join(' ')} ELSE 0 END`;

/** An indicator range as the map filters it: bounds and values compared as float32, the columns' precision. */
export interface IndicatorRange {
  column: IndicatorColumn;
  min: number | null;
  max: number | null;
}

export interface EnterpriseFilter {
  bbox?: [number, number, number, number];
  /** GB/T 4754 prefixes; an enterprise matches when its code starts with any of them. */
  sectors?: string[];
  /** GB/T 2260 codes of provinces, prefectures or counties. */
  regions?: string[];
  statuses?: string[];
  /** Text found in the name or the credit code. */
  q?: string;
  key?: number;
  ids?: string[];
  /**
   * The map's own filters (web/src/filter), with its meaning: the enterprise's most severe action
   * by code (0 = not flagged), any flag of these rules, inside a zone of these kinds, indicator
   * values of `year` within the ranges, and keys (a drawn selection, resolved by the caller).
   */
  actions?: number[];
  rules?: string[];
  zones?: ZoneKind[];
  ranges?: IndicatorRange[];
  year?: number;
  keys?: number[];
}

export const ENTERPRISE_SORTS = ['id', 'name', 'sector', 'region_code', 'status', 'capacity', 'commissioned_year'] as const;
export type EnterpriseSort = (typeof ENTERPRISE_SORTS)[number];

export interface Where {
  sql: string;
  params: Record<string, DuckDBValue>;
}

/** One indicator of the year in $year (and the 2015 baseline), as indicator-columns.ts computes it. */
function indicatorSql(column: IndicatorColumn, id: string, year: string, base: string): string {
  const of = (y: string, field: string) => `(SELECT first(${field}) FROM indicators i WHERE i.enterprise_id = ${id} AND i.year = ${y})`;
  const intensity = (y: string, field: string) =>
    `(CASE WHEN ${of(y, 'added_value')} > 0 THEN ${of(y, field)} / ${of(y, 'added_value')} END)`;
  const change = (field: string) =>
    `(CASE WHEN ${intensity(base, field)} > 0 THEN ((${intensity(year, field)} - ${intensity(base, field)}) / ${intensity(base, field)}) * 100 END)`;
  const sql: Record<IndicatorColumn, string> = {
    energy_intensity: intensity(year, 'energy_tce'),
    water_intensity: intensity(year, 'water_m3'),
    energy_change: change('energy_tce'),
    water_change: change('water_m3'),
  };
  return `CAST(${sql[column]} AS FLOAT)`;
}

/** A region code matches itself and everything under it: 150000 → 15%, 150200 → 1502%. */
export function regionPattern(code: string): string {
  if (code.endsWith('0000')) return `${code.slice(0, 2)}%`;
  if (code.endsWith('00')) return `${code.slice(0, 4)}%`;
  return code;
}

/**
 * Text typed into a search box, matched against an enterprise's names, credit code and id in search
 * form (domain/search-text.ts). The list, the map's filter and the ledger all search through this.
 */
export function searchSql(alias: string, q: string, param: (value: string) => string): string {
  const form = searchForm(q);
  // A query of only spaces or punctuation matches nothing rather than everything.
  if (form === '') return 'false';
  return `(contains(${alias}.search_text, ${param(form)}) OR ${alias}.id = ${param(q.trim())})`;
}

export function enterpriseWhere(filter: EnterpriseFilter, alias = 'e'): Where {
  const clauses: string[] = [];
  const params: Record<string, DuckDBValue> = {};
  let n = 0;
  const param = (value: DuckDBValue) => {
    const name = `p${n++}`;
    params[name] = value;
    return `$${name}`;
  };
  const col = (name: string) => `${alias}.${name}`;

  if (filter.bbox) {
    const [w, s, e, nth] = filter.bbox;
    clauses.push(`${col('lon')} BETWEEN ${param(w)} AND ${param(e)} AND ${col('lat')} BETWEEN ${param(s)} AND ${param(nth)}`);
  }
  if (filter.sectors?.length) {
    clauses.push(`(${filter.sectors.map((s) => `starts_with(${col('sector')}, ${param(s)})`).join(' OR ')})`);
  }
  if (filter.regions?.length) {
    clauses.push(`(${filter.regions.map((r) => `${col('region_code')} LIKE ${param(regionPattern(r))}`).join(' OR ')})`);
  }
  if (filter.statuses?.length) {
    clauses.push(`${col('status')} IN (${filter.statuses.map((s) => param(s)).join(', ')})`);
  }
  if (filter.q) clauses.push(searchSql(alias, filter.q, param));
  if (filter.key !== undefined) clauses.push(`${col('key')} = ${param(filter.key)}`);
  if (filter.ids?.length) clauses.push(`${col('id')} IN (${filter.ids.map((id) => param(id)).join(', ')})`);
  if (filter.actions?.length) {
    // The point's colour: the lowest code among its flags (codes rank by severity), 0 without flags.
    const top = `coalesce((SELECT min(${actionCodeSql('f.action')}) FROM flags f WHERE f.enterprise_id = ${col('id')}), 0)`;
    clauses.push(`${top} IN (${filter.actions.map((a) => param(a)).join(', ')})`);
  }
  if (filter.rules?.length) {
    clauses.push(
      `EXISTS (SELECT 1 FROM flags f WHERE f.enterprise_id = ${col('id')} AND f.rule_id IN (${filter.rules.map((r) => param(r)).join(', ')}))`,
    );
  }
  if (filter.zones?.length) {
    clauses.push(
      `EXISTS (SELECT 1 FROM zone_hits h WHERE h.enterprise_id = ${col('id')} AND h.distance_m = 0 AND h.zone_kind IN (${filter.zones.map((z) => param(z)).join(', ')}))`,
    );
  }
  if (filter.ranges?.length) {
    const year = param(filter.year ?? 0);
    // Declared only when used: DuckDB refuses a parameter no placeholder reads.
    const base = filter.ranges.some((r) => r.column.endsWith('_change')) ? param(BASELINE_YEAR) : '';
    for (const r of filter.ranges) {
      const value = indicatorSql(r.column, col('id'), year, base);
      // A missing value is NULL and fails every range, as NaN does on the map.
      if (r.min !== null) clauses.push(`${value} >= CAST(${param(r.min)} AS FLOAT)`);
      if (r.max !== null) clauses.push(`${value} <= CAST(${param(r.max)} AS FLOAT)`);
    }
  }
  if (filter.keys) clauses.push(`list_contains(${param(listValue(filter.keys))}, ${col('key')})`);

  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

export function asParams(where: Where): Params {
  return where.params;
}
