/** Counts of flags for dashboards and the screening summary, read from the stored run. */
import { ACTIONS, type Action } from '../domain/actions.ts';
import type { Queryable } from './database.ts';
import { regionPattern } from './enterprise-query.ts';

export interface FlagCountRow {
  /** The province (`150000`) or prefecture (`150200`) code, by `regionLevel`. */
  region: string | null;
  /** The enterprise's sector class, as stored. */
  sector: string;
  action: Action;
  flags: number;
  enterprises: number;
}

/** Flags and flagged enterprises by region × sector class × action, optionally within one region. */
export async function flagCountsByRegionSector(
  q: Queryable,
  regionLevel: 'province' | 'prefecture',
  region?: string,
): Promise<FlagCountRow[]> {
  const regionExpr = regionLevel === 'province' ? "substr(e.region_code, 1, 2) || '0000'" : "substr(e.region_code, 1, 4) || '00'";
  return q.all<FlagCountRow>(
    `SELECT ${regionExpr} AS region, e.sector, f.action, count(*) AS flags, count(DISTINCT f.enterprise_id) AS enterprises
     FROM flags f JOIN enterprises e ON e.id = f.enterprise_id
     ${region ? 'WHERE e.region_code LIKE $r' : ''}
     GROUP BY ALL`,
    region ? { r: regionPattern(region) } : undefined,
  );
}

/** Flags by action; every action is present, with 0 where there are none. */
export async function flagsByAction(q: Queryable): Promise<Record<Action, number>> {
  return byAction(await q.all<{ action: string; n: number }>('SELECT action, count(*) AS n FROM flags GROUP BY action'));
}

/** Enterprises counted once, by their most severe action; every action is present. */
export async function enterprisesByMostSevereAction(q: Queryable): Promise<Record<Action, number>> {
  // ACTIONS is ordered by severity, so the first one an enterprise's list holds is its most severe.
  const mostSevere = `CASE ${ACTIONS.map((a) => `WHEN list_contains(f.actions, '${a}') THEN '${a}'`).join(' ')} END`;
  return byAction(
    await q.all<{ action: string; n: number }>(
      `SELECT ${mostSevere} AS action, count(*) AS n FROM (SELECT enterprise_id, list(action) AS actions FROM flags GROUP BY enterprise_id) f GROUP BY 1`,
    ),
  );
}

export async function countScreeningNotes(q: Queryable): Promise<number> {
  return (await q.one<{ n: number }>('SELECT count(*) AS n FROM screening_notes'))?.n ?? 0;
}

function byAction(rows: readonly { action: string; n: number }[]): Record<Action, number> {
  const counts = Object.fromEntries(ACTIONS.map((a) => [a, 0])) as Record<Action, number>;
  for (const r of rows) counts[r.action as Action] = r.n;
  return counts;
}
