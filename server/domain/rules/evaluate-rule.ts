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

  // Then the other conditions in rising cost, stopping at the first that fails. Written out
  // rather than looped over closures: this runs for every enterprise and rule.
  const outcomes: Outcome[] = [];
  let o: Outcome;
  if (w.enterprise) {
    if ((o = matchEnterprise(w.enterprise, facts)).match === false) return NOTHING;
    outcomes.push(o);
  }
  if (w.season) {
    if ((o = matchSeason(w.season, asOf)).match === false) return NOTHING;
    outcomes.push(o);
  }
  if (w.zone) {
    if ((o = matchZone(w.zone, facts)).match === false) return NOTHING;
    outcomes.push(o);
  }
  if (w.equipment) {
    if ((o = matchEquipment(w.equipment, facts)).match === false) return NOTHING;
    outcomes.push(o);
  }
  if (w.commissioned) {
    if ((o = matchCommissioned(w.commissioned, facts)).match === false) return NOTHING;
    outcomes.push(o);
  }
  if (w.compliance) {
    if ((o = matchCompliance(w.compliance, facts, asOf)).match === false) return NOTHING;
    outcomes.push(o);
  }
  if (w.indicator) {
    if ((o = matchIndicator(w.indicator, facts, asOf)).match === false) return NOTHING;
    outcomes.push(o);
  }
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
