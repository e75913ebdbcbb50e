/**
 * Brings the ledger in step with the flags table at the end of a screening run (the screening
 * code calls this inside its own transaction). The flags table as a whole is the current truth,
 * whichever run wrote each row, so an incremental run that replaced only some enterprises' flags
 * leaves the other enterprises' cases alone. Cases are created, refreshed or marked no longer
 * flagged, never deleted; every change is audited with `screening` as the actor.
 */
import { appendAudit } from '../db/audit-store.ts';
import { openFreshCases } from '../db/case-open-store.ts';
import { applyScreenedFields, ledgerIsEmpty, screenedFields, stageCaseSyncScope } from '../db/case-store.ts';
import { dropCaseSyncScope, type SyncRuleText, syncScopeFlags, syncScopeRuleTexts } from '../db/case-sync-store.ts';
import type { Queryable } from '../db/database.ts';
import { flagWithUnknownAction } from '../db/flag-store.ts';
import { ACTIONS, type Action } from '../domain/actions.ts';
import type { AuditInput } from '../domain/audit.ts';
import { actionOpensCase, type CaseRule } from '../domain/case.ts';
import { caseKey, type FlagGroup, planCaseSync, type SyncedCase } from '../domain/case-sync-plan.ts';
import { reason as because, inEnglish } from '../domain/reasons.ts';

const UNFLAGGED = because('unflagged');

export const SCREENING_ACTOR = 'screening';

export interface CaseSyncSummary {
  created: number;
  unflagged: number;
  reflagged: number;
  updated: number;
}

/** A flag whose action the ledger does not know would be lost silently; refuse the run instead. */
async function refuseUnknownActions(tx: Queryable, options: { touchedOnly?: boolean }): Promise<void> {
  const bad = await flagWithUnknownAction(tx, options);
  if (bad) throw new Error(`flags table: enterprise ${bad.enterprise_id}, rule ${bad.rule_id} has unknown action "${bad.action}"`);
}

async function flagGroups(tx: Queryable): Promise<FlagGroup[]> {
  const texts = new Map((await syncScopeRuleTexts(tx)).map((t) => [t.rule_id, t]));
  const rows = await syncScopeFlags(tx);
  const groups = new Map<string, FlagGroup & { byRule: Map<string, CaseRule> }>();
  for (const r of rows) {
    if (!(ACTIONS as readonly string[]).includes(r.action)) {
      throw new Error(`flags table: enterprise ${r.enterprise_id}, rule ${r.rule_id} has unknown action "${r.action}"`);
    }
    const action = r.action as Action;
    if (!actionOpensCase(action)) continue;
    const key = caseKey(r.enterprise_id, action);
    let group = groups.get(key);
    if (!group) {
      group = { enterprise_id: r.enterprise_id, action, region_code: r.region_code, rules: [], byRule: new Map() };
      groups.set(key, group);
    }
    // One rule may fire more than once for a plant (two reserves, two furnaces): it is one
    // problem for the ledger, due at its earliest deadline.
    const seen = group.byRule.get(r.rule_id);
    if (!seen) {
      const text = texts.get(r.rule_id) as SyncRuleText;
      const rule = { rule_id: r.rule_id, policy: text.policy, title_zh: text.title_zh, title_en: text.title_en, deadline: r.deadline };
      group.byRule.set(r.rule_id, rule);
      group.rules.push(rule);
    } else if (r.deadline !== null && (seen.deadline === null || r.deadline < seen.deadline)) {
      seen.deadline = r.deadline;
    }
  }
  return [...groups.values()].map(({ byRule: _byRule, ...g }) => g);
}

export async function syncCasesFromFlags(
  tx: Queryable,
  runId: number | null,
  now: Date = new Date(),
  options: { touchedOnly?: boolean } = {},
): Promise<CaseSyncSummary> {
  // Only enterprises whose flags and cases disagree are read and planned; for every other one
  // the plan would change nothing.
  await refuseUnknownActions(tx, options);
  // A ledger empty before this sync holds, once the fresh cases are open, exactly what the flags
  // ask for (test/api/case-open-bulk.test.ts): a first screening has nothing left to compare.
  const ledgerWasEmpty = await ledgerIsEmpty(tx);
  // Cases seen for the first time open in bulk in DuckDB; what is left to plan here is changes.
  const opened = await openFreshCases(tx, runId, now, options);
  if (ledgerWasEmpty) return { created: opened, unflagged: 0, reflagged: 0, updated: 0 };
  await stageCaseSyncScope(tx, options);
  const groups = await flagGroups(tx);
  const cases = (await screenedFields(tx)) as SyncedCase[];
  await dropCaseSyncScope(tx);
  const plan = planCaseSync(groups, cases);

  // Every case the flags ask for exists now (openFreshCases), so the plan only changes cases.
  if (plan.create.length) throw new Error(`the ledger sync planned ${plan.create.length} new cases after opening them in bulk`);

  await applyScreenedFields(tx, plan.change, runId, now);

  const run = runId === null ? null : { run_id: runId };
  const audit: AuditInput[] = [];
  for (const change of plan.change) {
    for (const e of change.events) {
      audit.push({
        entity: 'case',
        entity_id: String(change.id),
        actor: SCREENING_ACTOR,
        event: e.event,
        from: e.from,
        to: e.to,
        reason: e.event === 'unflagged' ? inEnglish(UNFLAGGED) : null,
        details: e.event === 'unflagged' ? { ...run, reason: UNFLAGGED } : run,
      });
    }
  }
  await appendAudit(tx, audit, now);

  const count = (event: string) => plan.change.filter((c) => c.events.some((e) => e.event === event)).length;
  return {
    created: opened,
    unflagged: count('unflagged'),
    reflagged: count('reflagged'),
    updated: plan.change.filter((c) => c.events.every((e) => e.event !== 'unflagged' && e.event !== 'reflagged')).length,
  };
}
