/**
 * A reserve imported whole, without its functional zoning (zone type unzoned), is screened by the
 * rules that name that zone type: in the default set every industrial enterprise inside must
 * withdraw (P1). The zoning it lacks could change that, since the experimental zone lets a plant
 * that neither pollutes nor damages resources stay. So a flag raised through an unzoned reserve
 * carries, on that zone's evidence, what the rules for the experimental zone would ask of this
 * plant had it stood there.
 *
 * Worked out only for those flags (plants inside unzoned reserves), never per point, and the
 * evidence is shared by every plant of a reserve that gets the same answer, so evidence texts stay
 * as few as before (evidence-texts.ts).
 */
import { type Action, actionRank } from '../actions.ts';
import type { ExperimentalAlternative, Flag, ZoneEvidence } from '../flag.ts';
import { evaluateRule } from '../rules/evaluate-rule.ts';
import type { RuleSetT, RuleT } from '../rules/rule-schema.ts';
import { UNZONED } from '../zone.ts';
import { type EnterpriseFacts, plainFacts, type ZoneHit } from './facts.ts';
import type { RulePlan } from './rule-plan.ts';

/** Whether the rule is written for reserves of unknown zoning. */
export const targetsUnzoned = (rule: RuleT): boolean => rule.when.zone?.zone_types?.includes(UNZONED) === true;

/** The rules of a set that screen reserves of unknown zoning. */
export const unzonedRules = (ruleSet: RuleSetT): RuleT[] => ruleSet.rules.filter(targetsUnzoned);

/** The flag with each unzoned reserve it cites told what the experimental zone would change. */
export function withExperimentalAlternative(flag: Flag, facts: EnterpriseFacts, plan: RulePlan): Flag {
  let changed = false;
  const evidence = flag.evidence.map((e) => {
    if (e.kind !== 'zone' || e.zone_type !== UNZONED || e.distance_m !== 0) return e;
    changed = true;
    return sharedEvidence(e, alternativeFor(e, facts, plan));
  });
  return changed ? { ...flag, evidence } : flag;
}

function alternativeFor(e: ZoneEvidence, facts: EnterpriseFacts, plan: RulePlan): ExperimentalAlternative {
  const rules = experimentalRules(plan.rulesFor(facts.region_code), e.zone_kind);
  let action: Action | null = null;
  const undecided: string[] = [];
  if (rules.length > 0) {
    const there = inExperimentalZone(facts, e.zone_id);
    for (const rule of rules) {
      const result = evaluateRule(rule, there, plan.asOf);
      if (result.note) undecided.push(rule.id);
      const found = result.flag;
      if (found && (action === null || actionRank(found.action) < actionRank(action))) action = found.action;
    }
  }
  const ids = rules.map((r) => r.id);
  return undecided.length ? { rules: ids, action, undecided } : { rules: ids, action };
}

/** Per list of rules in force (RulePlan keeps one per region) and zone kind. */
const EXPERIMENTAL = new WeakMap<readonly RuleT[], Map<string, RuleT[]>>();

function experimentalRules(inForce: readonly RuleT[], zoneKind: string): RuleT[] {
  let byKind = EXPERIMENTAL.get(inForce);
  if (!byKind) {
    byKind = new Map();
    EXPERIMENTAL.set(inForce, byKind);
  }
  let rules = byKind.get(zoneKind);
  if (!rules) {
    rules = inForce.filter((r) => {
      const z = r.when.zone;
      return z !== undefined && (z.kinds as readonly string[]).includes(zoneKind) && z.zone_types?.includes('experimental') === true;
    });
    byKind.set(zoneKind, rules);
  }
  return rules;
}

/** The same plant, with the unzoned reserve it lies in read as that reserve's experimental zone. */
function inExperimentalZone(f: EnterpriseFacts, zoneId: string): EnterpriseFacts {
  const zones = f.zones.map(
    (z): ZoneHit => (z.zone_id === zoneId && z.distance_m === 0 && z.zone_type === UNZONED ? { ...z, zone_type: 'experimental' } : z),
  );
  return plainFacts(f, zones);
}

/**
 * One evidence object per zone and answer. The zone's own evidence is already shared by every
 * plant inside it (conditions/zone.ts); its variants are shared the same way.
 */
const VARIANTS = new WeakMap<ZoneEvidence, Map<string, ZoneEvidence>>();

function sharedEvidence(e: ZoneEvidence, alternative: ExperimentalAlternative): ZoneEvidence {
  let variants = VARIANTS.get(e);
  if (!variants) {
    variants = new Map();
    VARIANTS.set(e, variants);
  }
  const key = `${alternative.action ?? ''}|${alternative.rules.join(',')}|${alternative.undecided?.join(',') ?? ''}`;
  let shared = variants.get(key);
  if (!shared) {
    shared = { ...e, if_experimental: alternative };
    variants.set(key, shared);
  }
  return shared;
}
