/**
 * "What did the map look like on 2019-12-31?": screens enterprises as of a date without storing
 * anything, and returns each enterprise's most severe action code (0 = none) in key order. Zone
 * hits are reused from the last stored run when it used the same bands, so only the rules run.
 */
import type { Database } from '../db/database.ts';
import type { EnterpriseFilter } from '../db/enterprise-query.ts';
import { activeRuleSet } from '../db/rule-set-store.ts';
import { dropScreenScope } from '../db/screen-scope-store.ts';
import { lastRecomputedBands } from '../db/screening-run-store.ts';
import { ACTIONS, type Action } from '../domain/actions.ts';
import { RulePlan } from '../domain/screening/rule-plan.ts';
import { screenScope } from './screen-scope.ts';

export interface AsOfResult {
  asOf: string;
  /** Enterprise keys in ascending order, and the action code of each. */
  keys: Int32Array;
  actions: Uint8Array;
  /** Enterprises by most severe action. */
  enterprisesByAction: Record<Action, number>;
  flagged: number;
}

/** Over every enterprise, or those a filter selects. */
export async function evaluateAsOf(db: Database, asOf: string, scope?: EnterpriseFilter): Promise<AsOfResult> {
  const stored = await activeRuleSet(db);
  const plan = new RulePlan(stored.ruleSet, asOf);
  const lastBands = await lastRecomputedBands(db);
  const reuse = lastBands === JSON.stringify(Object.fromEntries(plan.zoneBands()));
  return db.transaction(async (tx) => {
    const best = new Map<number, number>();
    const result = await screenScope(tx, {
      ruleSet: stored.ruleSet,
      plan,
      ...(scope ? { scope } : {}),
      recomputeZones: !reuse,
      onBatch: (out) => {
        out.flags.key.forEach((key, i) => {
          const code = out.flags.action[i] as number;
          const seen = best.get(key);
          if (seen === undefined || code < seen) best.set(key, code);
        });
      },
    });
    await dropScreenScope(tx);
    const { scope: rows } = result;
    const actions = new Uint8Array(rows.key.length);
    const enterprisesByAction = Object.fromEntries(ACTIONS.map((a) => [a, 0])) as Record<Action, number>;
    rows.key.forEach((key, i) => {
      const code = best.get(key) ?? 0;
      actions[i] = code;
      if (code > 0) enterprisesByAction[ACTIONS[code - 1] as Action]++;
    });
    return { asOf, keys: rows.key, actions, enterprisesByAction, flagged: best.size };
  });
}
