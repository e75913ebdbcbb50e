/** Case totals for the ledger's counts table and the map coloured by case status. */

import { type CaseCount, OVERDUE_BANDS, type OverdueBand } from '../domain/case.ts';
import { CASE_STATUSES, type CaseStatus, mapRank } from '../domain/case-lifecycle.ts';
import { type CaseFilter, caseWhere, OVERDUE_SQL, overdueBandSql } from './case-query.ts';
import type { Queryable } from './database.ts';

export async function countCases(q: Queryable, filter: CaseFilter, today: string): Promise<CaseCount[]> {
  const where = caseWhere(filter, today);
  // Band ids are identifiers from a constant (domain/case.ts), never from a request.
  const bands = OVERDUE_BANDS.map((b) => `count(*) FILTER (WHERE ${overdueBandSql(b.id)}) AS "band_${b.id}"`).join(', ');
  const rows = await q.all<Record<string, unknown>>(
    `SELECT CASE WHEN c.region_code IS NULL THEN NULL ELSE left(c.region_code, 4) || '00' END AS region_code, c.status,
            count(*) AS count, count(*) FILTER (WHERE ${OVERDUE_SQL}) AS overdue, ${bands}
     FROM cases c LEFT JOIN enterprises e ON e.id = c.enterprise_id ${where.sql}
     GROUP BY ALL ORDER BY region_code NULLS LAST, c.status`,
    { ...where.params, today },
  );
  return rows.map((r) => ({
    region_code: r.region_code as string | null,
    status: r.status as CaseStatus,
    count: Number(r.count),
    overdue: Number(r.overdue),
    overdue_bands: Object.fromEntries(OVERDUE_BANDS.map((b) => [b.id, Number(r[`band_${b.id}`])])) as Record<OverdueBand, number>,
  }));
}

/**
 * One status per enterprise for the map, by enterprise key: the overdue or least advanced of its
 * cases. Status is its index in CASE_STATUSES.
 */
export async function caseStatusByEnterprise(
  q: Queryable,
  filter: CaseFilter,
  today: string,
): Promise<{ keys: number[]; status: number[]; overdue: number[] }> {
  const where = caseWhere(filter, today);
  const rows = await q.all<{ key: number; status: CaseStatus; overdue: boolean }>(
    `SELECT e.key, c.status, ${OVERDUE_SQL} AS overdue FROM cases c JOIN enterprises e ON e.id = c.enterprise_id ${where.sql}
     ORDER BY e.key`,
    { ...where.params, today },
  );
  const keys: number[] = [];
  const status: number[] = [];
  const overdue: number[] = [];
  for (const r of rows) {
    const last = keys.length - 1;
    if (keys[last] === r.key) {
      const current = mapRank(CASE_STATUSES[status[last] as number] as CaseStatus, overdue[last] === 1);
      if (mapRank(r.status, r.overdue) >= current) continue;
      status[last] = CASE_STATUSES.indexOf(r.status);
      overdue[last] = r.overdue ? 1 : 0;
      continue;
    }
    keys.push(r.key);
    status.push(CASE_STATUSES.indexOf(r.status));
    overdue.push(r.overdue ? 1 : 0);
  }
  return { keys, status, overdue };
}
