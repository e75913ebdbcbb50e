/**
 * One rule against one enterprise: every condition must hold. The flag carries the evidence of
 * each condition so a person can see why; a condition the data cannot decide yields a note
 * instead of a guess.
 */
import type { Evidence, Flag } from '../flag.ts';
import type { EnterpriseFacts } from '../screening/facts.ts';
import { matchCommissioned } from './conditions/commissioned.ts';
import { matchCompliance } from './conditions/compliance.ts';
import { matchEnterprise, matchSectors } from './conditions/enterprise.ts';
import { matchEquipment } from './conditions/equipment.ts';
import { matchIndicator } from './conditions/indicator.ts';
import type { Outcome } from './conditions/outcome.ts';
import { matchSeason } from './conditions/season.ts';
import { matchZone } from './conditions/zone.ts';
import type { RuleT } from './rule-schema.ts';

export interface RuleResult {
  flag?: Flag;
  /** Why the rule could not be decided, when it could not. */
  note?: string;
}

const NOTHING: RuleResult = Object.freeze({});

export function evaluateRule(rule: RuleT, facts: EnterpriseFacts, asOf: string): RuleResult {
  const w = rule.when;
  // Sector and status first: most enterprises fail one of them (RulePlan usually has already
  // filtered on both, so these are cheap re-checks that keep the function correct on its own).
  if (w.statuses && !w.statuses.includes(facts.status)) return NOTHING;
  if (w.exclude_sectors?.some((p) => facts.sector.startsWith(p))) return NOTHING;
  if (w.sectors && !w.sectors.some((p) => facts.sector.startsWith(p))) return NOTHING;

  // Then the other conditions in rising cost, stopping at the first that fails.
  const outcomes: Outcome[] = [];
  const holds = (o: Outcome) => {
    outcomes.push(o);
    return o.match !== false;
  };
  if (w.enterprise && !holds(matchEnterprise(w.enterprise, facts))) return NOTHING;
  if (w.season && !holds(matchSeason(w.season, asOf))) return NOTHING;
  if (w.zone && !holds(matchZone(w.zone, facts))) return NOTHING;
  if (w.equipment && !holds(matchEquipment(w.equipment, facts))) return NOTHING;
  if (w.commissioned && !holds(matchCommissioned(w.commissioned, facts))) return NOTHING;
  if (w.compliance && !holds(matchCompliance(w.compliance, facts, asOf))) return NOTHING;
  if (w.indicator && !holds(matchIndicator(w.indicator, facts, asOf))) return NOTHING;
  outcomes.unshift(matchSectors(w.sectors, undefined, facts));

  const evidence: Evidence[] = [];
  const unknowns: string[] = [];
  let complianceDeadline: string | null = null;
  for (const outcome of outcomes) {
    if (outcome.match === false) return NOTHING;
    if (outcome.match === 'unknown') {
      unknowns.push(outcome.reason);
      continue;
    }
    evidence.push(...outcome.evidence);
    if (outcome.deadline) complianceDeadline = outcome.deadline;
  }
  if (unknowns.length) return { note: `cannot decide: ${unknowns.join('; ')}` };
  // Zone evidence first: it is what a map reader looks for.
  evidence.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'zone' ? -1 : 1));
  const deadline = rule.then.deadline === 'rectification_deadline' ? complianceDeadline : rule.then.deadline;
  return {
    flag: {
      enterprise_id: facts.id,
      rule_id: rule.id,
      policy: rule.policy,
      citation: rule.citation,
      title_zh: rule.title.zh,
      title_en: rule.title.en,
      action: rule.then.action,
      severity: rule.then.severity,
      deadline,
      jurisdiction: rule.jurisdiction,
      evidence,
    },
  };
}
