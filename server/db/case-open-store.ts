/**
 * Opens in bulk, in DuckDB, the cases a screening finds for the first time: every (enterprise,
 * action) that case-opening flags ask for and that has no case yet, with each case's first audit
 * entry. A first screening at five million plants opens about two million; made one by one in
 * JavaScript (an object, a JSON text and a hash each, appended through the driver) that took three
 * minutes. Here it is two INSERT … SELECT statements.
 *
 * What is written is exactly what the JavaScript path writes (ledger/sync-cases-from-flags.ts with
 * domain/case-sync-plan.ts): the same ids in the same order (by enterprise, then action), the same
 * rules JSON, and audit entries (written by the audit store, auditFreshCases) whose text and SHA-256
 * follow domain/audit.ts canonicalAuditText —
 * DuckDB's to_json writes strings as JSON.stringify does, and `greenline audit verify` recomputes
 * every hash in JavaScript (test/api/case-open-bulk.test.ts checks both, ids with quotes and
 * Chinese included). The sync's own plan then finds these cases in step and handles what is left:
 * changes to existing cases.
 */
import { ACTIONS } from '../domain/actions.ts';
import { actionOpensCase } from '../domain/case.ts';
import { auditFreshCases } from './audit-store.ts';
import type { Queryable } from './database.ts';

const CASE_ACTION_LIST = ACTIONS.filter(actionOpensCase)
  .map((a) => `'${a}'`)
  .join(', ');

/** Draws `n` consecutive values of a sequence; the first. A single writer draws them consecutively. */
async function drawIds(q: Queryable, sequence: string, n: number): Promise<number> {
  const row = await q.one<{ lo: number; hi: number }>(
    `SELECT min(id)::BIGINT AS lo, max(id)::BIGINT AS hi FROM (SELECT nextval('${sequence}') AS id FROM range(${n}))`,
  );
  const lo = Number(row?.lo);
  if (Number(row?.hi) - lo + 1 !== n) throw new Error(`sequence ${sequence} gave ${n} ids that are not consecutive (${lo}…${row?.hi})`);
  return lo;
}

/**
 * Whether a touched enterprise has a case-opening flag with no case yet: most partial runs (one
 * plant corrected) open none, and this asks it of the rows alone, where the statement that
 * opens them costs 20–40 ms even with nothing to do.
 */
async function anyFreshCase(q: Queryable): Promise<boolean> {
  const row = await q.one(
    `SELECT 1 AS fresh
     FROM (SELECT enterprise_id, action FROM flag_rows
           WHERE action IN (${CASE_ACTION_LIST}) AND enterprise_id IN (SELECT enterprise_id FROM screen_touched)) f
     ANTI JOIN (SELECT enterprise_id, action FROM cases WHERE enterprise_id IN (SELECT enterprise_id FROM screen_touched)) c
       USING (enterprise_id, action)
     LIMIT 1`,
  );
  return row !== undefined;
}

/**
 * Opens the cases no case row exists for yet; returns how many. `touchedOnly` confines it to the
 * enterprises a partial screening touched (temp table screen_touched).
 */
export async function openFreshCases(
  q: Queryable,
  runId: number | null,
  at: Date,
  options: { touchedOnly?: boolean } = {},
): Promise<number> {
  const touched = options.touchedOnly ? 'AND enterprise_id IN (SELECT enterprise_id FROM screen_touched)' : '';
  if (options.touchedOnly && !(await anyFreshCase(q))) return 0;
  // Lists sorted after aggregating, and the order numbered on the keys alone: ordered aggregates
  // and a window over the whole rows took three times as long (7 s against 2 s at a million).
  await q.run(`CREATE OR REPLACE TEMP TABLE fresh_groups AS
    WITH r AS (
      SELECT enterprise_id, action, rule_id, min(deadline) AS deadline
      FROM flags WHERE action IN (${CASE_ACTION_LIST}) ${touched} GROUP BY enterprise_id, action, rule_id),
    t AS (SELECT rule_id, any_value(policy) AS policy, any_value(title_zh) AS title_zh, any_value(title_en) AS title_en
          FROM flags WHERE true ${touched} GROUP BY rule_id)
    SELECT r.enterprise_id, r.action, min(r.deadline) AS deadline,
           -- A struct sorts by its first field, the rule id, unique within a case.
           list_sort(list({'rule_id': r.rule_id, 'policy': t.policy, 'title_zh': t.title_zh, 'title_en': t.title_en,
                           'deadline': strftime(r.deadline, '%Y-%m-%d')})) AS rules,
           array_to_string(list_sort(list(r.rule_id)), ', ') AS rule_ids
    FROM r JOIN t USING (rule_id)
    ANTI JOIN (SELECT enterprise_id, action FROM cases WHERE true ${touched}) c ON c.enterprise_id = r.enterprise_id AND c.action = r.action
    GROUP BY r.enterprise_id, r.action`);
  await q.run(`CREATE OR REPLACE TEMP TABLE fresh_cases AS
    SELECT o.n, g.*, e.region_code
    FROM fresh_groups g
    JOIN (SELECT enterprise_id, action, (row_number() OVER (ORDER BY enterprise_id, action) - 1)::BIGINT AS n FROM fresh_groups) o
      USING (enterprise_id, action)
    LEFT JOIN enterprises e ON e.id = g.enterprise_id`);
  await q.run('DROP TABLE fresh_groups');
  const count = Number((await q.one<{ n: number }>('SELECT count(*) AS n FROM fresh_cases'))?.n ?? 0);
  if (count > 0) {
    const caseBase = await drawIds(q, 'case_id', count);
    const auditBase = await drawIds(q, 'audit_id', count);
    const us = BigInt(at.getTime()) * 1000n;
    const run: Record<string, number> = runId === null ? {} : { run: runId };
    await q.run(
      `INSERT INTO cases (id, enterprise_id, action, region_code, status, deadline, rules, flagged, last_run_id, created_at, updated_at, version)
       SELECT $caseBase::BIGINT + n, enterprise_id, action, region_code, 'identified', deadline, to_json(rules), true,
              ${runId === null ? 'NULL' : '$run::INTEGER'}, make_timestamp($us::BIGINT), make_timestamp($us::BIGINT), 1
       FROM fresh_cases`,
      { caseBase, us, ...run },
    );
    await auditFreshCases(q, 'fresh_cases', { caseBase, auditBase, at, runId });
  }
  await q.run('DROP TABLE fresh_cases');
  return count;
}
