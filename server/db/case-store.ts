/** Reading and writing ledger cases. Status rules live in domain/case-lifecycle.ts, not here. */
import { ACTIONS } from '../domain/actions.ts';
import { actionOpensCase, type Case, type CaseRule, type CaseView } from '../domain/case.ts';
import type { CaseStatus } from '../domain/case-lifecycle.ts';
import { appendRecords } from './bulk.ts';
import { type CaseFilter, type CaseSort, caseWhere, OVERDUE_DAYS_SQL, OVERDUE_SQL } from './case-query.ts';
import type { Queryable } from './database.ts';
import type { Columns } from './tables.ts';
import { dateOf, isoOf, sqlTimestamp } from './timestamps.ts';

const SELECT_CASE = `c.id, c.enterprise_id, c.region_code, c.action, c.status, c.status_reason, ${dateOf('c.deadline')} AS deadline,
  c.deadline_set_by, c.deadline_reason, c.department, c.assignee, c.last_note, c.rules::VARCHAR AS rules, c.flagged, ${isoOf('c.unflagged_at')} AS unflagged_at,
  ${isoOf('c.created_at')} AS created_at, ${isoOf('c.updated_at')} AS updated_at, c.version`;

const SELECT_VIEW = `SELECT ${SELECT_CASE}, e.name AS enterprise_name, json_extract_string(e.attributes, '$.name_en') AS enterprise_name_en, e.credit_code, e.sector, e.key AS enterprise_key,
  ${OVERDUE_SQL} AS overdue, ${OVERDUE_DAYS_SQL} AS overdue_days
  FROM cases c LEFT JOIN enterprises e ON e.id = c.enterprise_id`;

function toCase<T extends Case>(row: Record<string, unknown>): T {
  return { ...(row as unknown as T), rules: JSON.parse(String(row.rules)) as CaseRule[] };
}

export interface CasePage {
  sort?: CaseSort;
  order?: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/** The column each sort orders by (the sort is validated at the edge). */
export const SORT_SQL: Record<CaseSort, string> = {
  id: 'c.id',
  deadline: 'c.deadline',
  status: 'c.status',
  region_code: 'c.region_code',
  updated_at: 'c.updated_at',
  enterprise_name: 'e.name',
  // Not overdue sorts as 0 days (before the overdue ones), not as unknown.
  overdue_days: `coalesce(${OVERDUE_DAYS_SQL}, 0)`,
};

/** Whether the ledger holds no case at all. */
export async function ledgerIsEmpty(q: Queryable): Promise<boolean> {
  return (await q.one('SELECT 1 AS found FROM cases LIMIT 1')) === undefined;
}

export async function listCases(
  q: Queryable,
  filter: CaseFilter,
  page: CasePage,
  today: string,
): Promise<{ items: CaseView[]; total: number }> {
  const where = caseWhere(filter, today);
  // The sort column comes from SORT_SQL (validated at the edge); id breaks ties so paging is stable.
  const sort = SORT_SQL[page.sort ?? 'id'];
  const order = page.order === 'desc' ? 'DESC' : 'ASC';
  const orderBy = `ORDER BY ${sort} ${order} NULLS LAST, c.id`;
  const params = { ...where.params, today, limit: page.limit, offset: page.offset };
  // When neither the filter nor the sort reads the enterprise, the page is cut from the cases
  // alone and only its rows are joined: joining every case first cost 0.3 s a page at 370,000.
  const alone = !where.readsEnterprise && page.sort !== 'enterprise_name';
  // Page and count side by side on a read pool (Database.reads); one after the other on a single connection.
  const pageRows = alone
    ? q.all(
        `WITH page AS (SELECT * FROM cases c ${where.sql} ${orderBy} LIMIT $limit OFFSET $offset)
         SELECT ${SELECT_CASE}, e.name AS enterprise_name, json_extract_string(e.attributes, '$.name_en') AS enterprise_name_en, e.credit_code, e.sector, e.key AS enterprise_key, ${OVERDUE_SQL} AS overdue,
           ${OVERDUE_DAYS_SQL} AS overdue_days
         FROM page c
         -- Only the page's enterprises: a join on the whole table probed all of them, 0.17 s at five million.
         LEFT JOIN (SELECT * FROM enterprises WHERE id IN (SELECT enterprise_id FROM page)) e ON e.id = c.enterprise_id ${orderBy}`,
        params,
      )
    : q.all(`${SELECT_VIEW} ${where.sql} ${orderBy} LIMIT $limit OFFSET $offset`, params);
  const counted = q.one<{ n: number }>(
    where.readsEnterprise
      ? `SELECT count(*) AS n FROM cases c LEFT JOIN enterprises e ON e.id = c.enterprise_id ${where.sql}`
      : `SELECT count(*) AS n FROM cases c ${where.sql}`,
    where.params,
  );
  const [rows, total] = await Promise.all([pageRows, counted]);
  return { items: rows.map((r) => toCase<CaseView>(r)), total: total?.n ?? 0 };
}

/** Every case matching a filter, for exports, in ledger order (region, then enterprise, then action). */
export async function allCases(q: Queryable, filter: CaseFilter, today: string): Promise<CaseView[]> {
  const where = caseWhere(filter, today);
  const rows = await q.all(`${SELECT_VIEW} ${where.sql} ORDER BY c.region_code NULLS LAST, c.enterprise_id, c.action`, {
    ...where.params,
    today,
  });
  return rows.map((r) => toCase<CaseView>(r));
}

export async function getCase(q: Queryable, id: number, today: string): Promise<CaseView | undefined> {
  const row = await q.one(`${SELECT_VIEW} WHERE c.id = $id`, { id, today });
  return row ? toCase<CaseView>(row) : undefined;
}

/** What a change writes to one case row; absent fields stay as they are. */
export interface CaseRowUpdate {
  status?: CaseStatus;
  status_reason?: string | null;
  /** ISO date; set together with deadline_set_by and deadline_reason. */
  deadline?: string;
  deadline_set_by?: string;
  deadline_reason?: string;
  department?: string | null;
  assignee?: string | null;
  last_note?: string;
}

const UPDATABLE = [
  'status',
  'status_reason',
  'deadline',
  'deadline_set_by',
  'deadline_reason',
  'department',
  'assignee',
  'last_note',
] as const;

/**
 * Writes a change if the case is still at `version`, bumping it. False when another writer got
 * there first (the caller answers 409).
 */
export async function updateCaseRow(q: Queryable, id: number, version: number, update: CaseRowUpdate, at: Date): Promise<boolean> {
  const sets = ['version = version + 1', 'updated_at = CAST($at AS TIMESTAMP)'];
  const params: Record<string, string | number | null> = { id, version, at: sqlTimestamp(at) };
  for (const column of UPDATABLE) {
    if (update[column] === undefined) continue;
    sets.push(column === 'deadline' ? 'deadline = CAST($deadline AS DATE)' : `${column} = $${column}`);
    params[column] = update[column] as string | null;
  }
  const rows = await q.all<{ id: number }>(
    `UPDATE cases SET ${sets.join(', ')} WHERE id = $id AND version = $version RETURNING id`,
    params,
  );
  return rows.length === 1;
}

/** Bumps a case's version for a change recorded elsewhere (an evidence file). */
export async function touchCase(q: Queryable, id: number, at: Date): Promise<void> {
  await q.run('UPDATE cases SET version = version + 1, updated_at = CAST($at AS TIMESTAMP) WHERE id = $id', { id, at: sqlTimestamp(at) });
}

/** Inserts new cases (status identified, version 1) and returns their ids in the order given. */
/** The fields screening keeps in step with the flags. */
export interface ScreenedFields {
  id: number;
  flagged: boolean;
  deadline: string | null;
  region_code: string | null;
  rules: CaseRule[];
}

// Action ids come from the ACTIONS constant, not from input.
const CASE_ACTION_LIST = ACTIONS.filter(actionOpensCase)
  .map((a) => `'${a}'`)
  .join(', ');
const RULES_JSON = `'[{"rule_id":"VARCHAR","policy":"VARCHAR","title_zh":"VARCHAR","title_en":"VARCHAR","deadline":"VARCHAR"}]'`;

/**
 * Stages in the temporary table case_sync_scope the enterprises whose cases may not match their
 * current flags, so that the sync reads only those: at a million enterprises, reading every flag
 * and case into JavaScript took 13 s, this comparison takes well under one. Each side is reduced
 * to a multiset hash per enterprise — per action its region and earliest deadline, per rule its
 * id, policy, titles and deadline — exactly the fields planCaseSync compares. A hash collision
 * (about 2⁻⁶⁴) could hide one change; nothing else can.
 */
export async function stageCaseSyncScope(q: Queryable, options: { touchedOnly?: boolean } = {}): Promise<number> {
  // A partial run compares only the enterprises it touched (temp table screen_touched, staged by
  // clearScreeningResults): every other enterprise's flags are as the last run, which left its
  // cases in step, saw them. At five million plants the whole comparison takes seconds.
  const touched = options.touchedOnly ? 'AND enterprise_id IN (SELECT enterprise_id FROM screen_touched)' : '';
  const touchedEnterprises = options.touchedOnly ? 'WHERE id IN (SELECT enterprise_id FROM screen_touched)' : '';
  await q.run(`CREATE OR REPLACE TEMP TABLE case_sync_scope AS
    WITH r AS (
      SELECT enterprise_id, action, rule_id, any_value(policy) AS policy, any_value(title_zh) AS title_zh,
             any_value(title_en) AS title_en, ${dateOf('min(deadline)')} AS deadline
      FROM flags WHERE action IN (${CASE_ACTION_LIST}) ${touched} GROUP BY enterprise_id, action, rule_id),
    fa AS (
      SELECT r.enterprise_id, r.action, any_value(e.region_code) AS region_code, min(r.deadline) AS deadline,
             sum(hash(r.rule_id, r.policy, r.title_zh, r.title_en, r.deadline)) AS rules
      FROM r LEFT JOIN (SELECT id, region_code FROM enterprises ${touchedEnterprises}) e ON e.id = r.enterprise_id
      GROUP BY r.enterprise_id, r.action),
    fs AS (SELECT enterprise_id, sum(hash(action, region_code, deadline, rules)) AS sig FROM fa GROUP BY enterprise_id),
    cr AS (
      SELECT c.enterprise_id, c.action, c.region_code, ${dateOf('c.deadline')} AS deadline, c.deadline_set_by,
             unnest(from_json(c.rules, ${RULES_JSON})) AS x
      FROM cases c WHERE c.flagged ${touched}),
    -- A deadline set by hand is kept by the sync, so it is compared as the rules' own deadline:
    -- otherwise every such case would be re-read by every sync for nothing.
    ca AS (
      SELECT enterprise_id, action, any_value(region_code) AS region_code,
             CASE WHEN any_value(deadline_set_by) IS NULL THEN any_value(deadline) ELSE min(x.deadline) END AS deadline,
             sum(hash(x.rule_id, x.policy, x.title_zh, x.title_en, x.deadline)) AS rules
      FROM cr GROUP BY enterprise_id, action),
    cs AS (SELECT enterprise_id, sum(hash(action, region_code, deadline, rules)) AS sig FROM ca GROUP BY enterprise_id)
    SELECT coalesce(fs.enterprise_id, cs.enterprise_id) AS enterprise_id
    FROM fs FULL OUTER JOIN cs ON cs.enterprise_id = fs.enterprise_id
    WHERE fs.sig IS DISTINCT FROM cs.sig`);
  return (await q.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM case_sync_scope'))?.n ?? 0;
}

/** What the screening sync compares against: the cases of the staged scope (stageCaseSyncScope). */
export async function screenedFields(
  q: Queryable,
): Promise<(ScreenedFields & { enterprise_id: string; action: string; deadline_manual: boolean })[]> {
  const rows = await q.all(
    `SELECT c.id, c.enterprise_id, c.action, c.region_code, ${dateOf('c.deadline')} AS deadline,
       c.deadline_set_by IS NOT NULL AS deadline_manual, c.flagged, c.rules::VARCHAR AS rules
     FROM cases c SEMI JOIN case_sync_scope s ON s.enterprise_id = c.enterprise_id`,
  );
  return rows.map((r) => ({
    ...(r as unknown as ScreenedFields & { enterprise_id: string; action: string; deadline_manual: boolean }),
    rules: JSON.parse(String(r.rules)),
  }));
}

const STAGED_COLUMNS = [
  ['id', 'INTEGER'],
  ['flagged', 'BOOLEAN'],
  ['deadline', 'DATE'],
  ['region_code', 'VARCHAR'],
  ['rules', 'JSON'],
] as const satisfies Columns;

/**
 * Applies screening's changes in one statement: staged through a temporary table because a
 * re-screen may touch thousands of cases. Each changed case gets a new version, so an official
 * editing it at the same moment gets a 409 rather than overwriting what screening found.
 */
export async function applyScreenedFields(q: Queryable, changes: readonly ScreenedFields[], runId: number | null, at: Date): Promise<void> {
  if (changes.length === 0) return;
  await q.run(
    'CREATE OR REPLACE TEMP TABLE case_sync_staged (id INTEGER, flagged BOOLEAN, deadline DATE, region_code VARCHAR, rules JSON)',
  );
  try {
    await appendRecords(q, 'case_sync_staged', STAGED_COLUMNS, changes);
    await q.run(
      `UPDATE cases SET
         unflagged_at = CASE WHEN s.flagged THEN NULL WHEN cases.flagged THEN CAST($at AS TIMESTAMP) ELSE cases.unflagged_at END,
         flagged = s.flagged, deadline = s.deadline, region_code = s.region_code, rules = s.rules,
         last_run_id = coalesce(CAST($run AS INTEGER), cases.last_run_id), version = cases.version + 1, updated_at = CAST($at AS TIMESTAMP)
       FROM case_sync_staged s WHERE cases.id = s.id`,
      { at: sqlTimestamp(at), run: runId },
    );
  } finally {
    await q.run('DROP TABLE IF EXISTS case_sync_staged');
  }
}
