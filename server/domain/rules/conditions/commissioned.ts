/**
 * Commissioning against a policy date. Plants record only the year they started, so a plant
 * commissioned in the policy's own year is not counted as "after" it: the rule cannot tell, and a
 * flag must not rest on a guess.
 */
import type { EnterpriseFacts } from '../../screening/facts.ts';
import { PLANNED_STATUSES } from '../../screening/facts.ts';
import type { CommissionedConditionT } from '../rule-schema.ts';
import { NO, type Outcome, unknown, yes } from './outcome.ts';
import { OutcomeMemo } from './outcome-memo.ts';

/** By status for planned plants, by year for the others: a handful of each per rule. */
const MEMO = new OutcomeMemo<CommissionedConditionT, string | number>();

export function matchCommissioned(c: CommissionedConditionT, facts: EnterpriseFacts): Outcome {
  const fact = PLANNED_STATUSES.includes(facts.status) ? facts.status : facts.commissioned_year;
  if (fact === null) return unknown('commissioning year unknown');
  return MEMO.get(c, fact, () => commissioned(c, facts));
}

function commissioned(c: CommissionedConditionT, facts: EnterpriseFacts): Outcome {
  if (PLANNED_STATUSES.includes(facts.status)) {
    return c.include_planned
      ? yes([{ kind: 'comparison', subject: 'status', value: facts.status, operator: 'in', threshold: [...PLANNED_STATUSES] }])
      : NO;
  }
  const year = facts.commissioned_year;
  if (year === null) return unknown('commissioning year unknown');
  if (c.after) {
    const policyYear = Number(c.after.slice(0, 4));
    if (year <= policyYear) return NO;
    return yes([{ kind: 'comparison', subject: 'commissioned_year', value: year, operator: 'after', threshold: c.after }]);
  }
  if (c.before) {
    const policyYear = Number(c.before.slice(0, 4));
    if (year >= policyYear) return NO;
    return yes([{ kind: 'comparison', subject: 'commissioned_year', value: year, operator: 'before', threshold: c.before }]);
  }
  return yes();
}
