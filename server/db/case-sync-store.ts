/**
 * The flags the ledger sync reads for the enterprises staged in temp table case_sync_scope
 * (stageCaseSyncScope in case-store.ts stages it, dropCaseSyncScope drops it).
 */
import type { CaseRule } from '../domain/case.ts';
import type { Queryable } from './database.ts';

export interface SyncFlagRow {
  enterprise_id: string;
  /** As stored: the caller checks it is a known action. */
  action: string;
  rule_id: string;
  /** YYYY-MM-DD */
  deadline: string | null;
  region_code: string | null;
}

export type SyncRuleText = Omit<CaseRule, 'deadline'>;

/**
 * Each rule's policy and titles, once per rule rather than per flag: they are the same on every
 * flag a rule raises, and at a million plants decoding the titles of every flag was a good part
 * of the sync.
 */
export async function syncScopeRuleTexts(q: Queryable): Promise<SyncRuleText[]> {
  return q.all<SyncRuleText>(
    `SELECT rule_id, any_value(policy) AS policy, any_value(title_zh) AS title_zh, any_value(title_en) AS title_en
     FROM flags f SEMI JOIN case_sync_scope s ON s.enterprise_id = f.enterprise_id GROUP BY rule_id`,
  );
}

/** The scope's flags with each enterprise's region, ordered by enterprise, action and rule. */
export async function syncScopeFlags(q: Queryable): Promise<SyncFlagRow[]> {
  return q.all<SyncFlagRow>(
    // The scope's enterprises only: joined to all of them, DuckDB hashed five million plants
    // (0.3–0.9 s) to find the region of a handful.
    `SELECT f.enterprise_id, f.action, f.rule_id, strftime(f.deadline, '%Y-%m-%d') AS deadline, e.region_code
     FROM flags f SEMI JOIN case_sync_scope s ON s.enterprise_id = f.enterprise_id
     LEFT JOIN (SELECT id, region_code FROM enterprises WHERE id IN (SELECT enterprise_id FROM case_sync_scope)) e ON e.id = f.enterprise_id
     ORDER BY f.enterprise_id, f.action, f.rule_id`,
  );
}

export async function dropCaseSyncScope(q: Queryable): Promise<void> {
  await q.run('DROP TABLE case_sync_scope');
}
