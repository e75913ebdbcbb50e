/**
 * Turns validated enterprise filters into a parameterised WHERE clause. Shared by the list,
 * the binary point payload, counts and exports so that all of them agree on what a filter means.
 */
import type { Params } from './database.ts';

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
}

export const ENTERPRISE_SORTS = ['id', 'name', 'sector', 'region_code', 'status', 'capacity', 'commissioned_year'] as const;
export type EnterpriseSort = (typeof ENTERPRISE_SORTS)[number];

export interface Where {
  sql: string;
  params: Record<string, string | number>;
}

/** A region code matches itself and everything under it: 150000 → 15%, 150200 → 1502%. */
export function regionPattern(code: string): string {
  if (code.endsWith('0000')) return `${code.slice(0, 2)}%`;
  if (code.endsWith('00')) return `${code.slice(0, 4)}%`;
  return code;
}

export function enterpriseWhere(filter: EnterpriseFilter, alias = 'e'): Where {
  const clauses: string[] = [];
  const params: Record<string, string | number> = {};
  let n = 0;
  const param = (value: string | number) => {
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
  if (filter.q) {
    const like = param(`%${escapeLike(filter.q)}%`);
    clauses.push(
      `(${col('name')} ILIKE ${like} ESCAPE '\\' OR ${col('credit_code')} ILIKE ${like} ESCAPE '\\' OR ${col('id')} = ${param(filter.q)})`,
    );
  }
  if (filter.key !== undefined) clauses.push(`${col('key')} = ${param(filter.key)}`);
  if (filter.ids?.length) clauses.push(`${col('id')} IN (${filter.ids.map((id) => param(id)).join(', ')})`);

  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function asParams(where: Where): Params {
  return where.params;
}
