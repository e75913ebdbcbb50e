/**
 * The one warning a reserve import gives for features without functional zoning, which it takes
 * whole as zone type unzoned: how many, why, and which rules will screen them — or that none
 * will, when the rule set in force was written before the unzoned zone type existed.
 */
import { type Params, reason } from '../domain/reasons.ts';
import type { RuleSetT } from '../domain/rules/rule-schema.ts';
import { unzonedRules } from '../domain/screening/experimental-alternative.ts';
import { type Problem, problem } from './problems.ts';
import { TYPE_KEYS } from './zone-record.ts';

export function unzonedReservesWarning(count: number, ruleSet: RuleSetT): Problem {
  const ids = unzonedRules(ruleSet).map((r) => r.id);
  const screening: Params = ids.length
    ? { rules: ids.join(', ') }
    : {
        rules: '',
        rule_set: ruleSet.name,
        version: ruleSet.version,
        command: 'npx greenline rules load data/rules/default.json',
        rule: 'P1-reserve-unzoned',
      };
  return problem(null, 'zone_type', null, reason('import_unzoned_reserves', { count, fields: TYPE_KEYS.join(', '), ...screening }));
}
