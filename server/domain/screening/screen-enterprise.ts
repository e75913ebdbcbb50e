/** Screens one enterprise against the rules that apply to it. Pure: facts in, flags out. */
import type { Flag } from '../flag.ts';
import { evaluateRule } from '../rules/evaluate-rule.ts';
import type { RuleT } from '../rules/rule-schema.ts';
import { targetsUnzoned, withExperimentalAlternative } from './experimental-alternative.ts';
import type { EnterpriseFacts } from './facts.ts';
import type { RulePlan } from './rule-plan.ts';

export interface ScreeningNote {
  enterprise_id: string;
  rule_id: string | null;
  message: string;
}

export interface EnterpriseScreening {
  flags: Flag[];
  notes: ScreeningNote[];
}

/** `rules`: those that apply to the enterprise's profile, when the caller has them at hand. */
export function screenEnterprise(
  facts: EnterpriseFacts,
  plan: RulePlan,
  rules: readonly RuleT[] = plan.rulesForProfile(facts.region_code, facts.sector, facts.status),
): EnterpriseScreening {
  const flags: Flag[] = [];
  const notes: ScreeningNote[] = [];
  for (const rule of rules) {
    const result = evaluateRule(rule, facts, plan.asOf);
    if (result.flag) flags.push(targetsUnzoned(rule) ? withExperimentalAlternative(result.flag, facts, plan) : result.flag);
    if (result.note) notes.push({ enterprise_id: facts.id, rule_id: rule.id, message: result.note });
  }
  if (
    facts.location_accuracy === 'approximate' &&
    flags.length > 0 &&
    flags.some((f) => f.evidence.some((e) => e.kind === 'zone' && e.distance_m < 2000))
  ) {
    notes.push({
      enterprise_id: facts.id,
      rule_id: null,
      message: 'location is approximate and lies near a zone boundary: verify the zone flag on site',
    });
  }
  return { flags, notes };
}
