/**
 * The one warning a reserve import gives for features without functional zoning, which it takes
 * whole as zone type unzoned: how many, why, and which rules will screen them — or that none
 * will, when the rule set in force was written before the unzoned zone type existed.
 */
import type { RuleSetT } from '../domain/rules/rule-schema.ts';
import { unzonedRules } from '../domain/screening/experimental-alternative.ts';
import { type Problem, problem } from './problems.ts';
import { TYPE_KEYS } from './zone-record.ts';

export function unzonedReservesWarning(count: number, ruleSet: RuleSetT): Problem {
  const ids = unzonedRules(ruleSet).map((r) => r.id);
  const screening = ids.length
    ? `screened by ${ids.length > 1 ? 'rules' : 'rule'} ${ids.join(', ')}, whose flags say what an experimental zone would change`
    : `the rule set in force (${ruleSet.name} ${ruleSet.version}) has no rule for zone type unzoned, so no enterprise inside them ` +
      'is flagged until one is loaded (npx greenline rules load data/rules/default.json has P1-reserve-unzoned)';
  return problem(
    null,
    'zone_type',
    null,
    `${count} nature reserve feature(s) have no functional zoning (no value in any of the fields ${TYPE_KEYS.join(', ')}): ` +
      `imported as whole reserves, zone type unzoned (未分区); ${screening}`,
  );
}
