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

/** Outcomes of the checks passed so far in the current evaluation (evaluation is synchronous). */
const PASSED: Outcome[] = [];

type Check = (facts: EnterpriseFacts, asOf: string) => Outcome;

/**
 * Each rule's conditions as a list of checks in rising cost, built once per rule: creating
 * closures per evaluation costs more than evaluating them (the TypeScript loader even names each
 * one), and this runs for every enterprise and rule.
 */
const CHECKS = new WeakMap<RuleT, Check[]>();

function checksOf(rule: RuleT): Check[] {
  let checks = CHECKS.get(rule);
  if (checks) return checks;
  const w = rule.when;
  checks = [];
  if (w.enterprise) checks.push((f) => matchEnterprise(w.enterprise as NonNullable<typeof w.enterprise>, f));
  if (w.season) checks.push((_f, asOf) => matchSeason(w.season as NonNullable<typeof w.season>, asOf));
  if (w.zone) checks.push((f) => matchZone(w.zone as NonNullable<typeof w.zone>, f));
  if (w.equipment) checks.push((f) => matchEquipment(w.equipment as NonNullable<typeof w.equipment>, f));
  if (w.commissioned) checks.push((f) => matchCommissioned(w.commissioned as NonNullable<typeof w.commissioned>, f));
  if (w.compliance) checks.push((f, asOf) => matchCompliance(w.compliance as NonNullable<typeof w.compliance>, f, asOf));
  if (w.indicator) checks.push((f, asOf) => matchIndicator(w.indicator as NonNullable<typeof w.indicator>, f, asOf));
  CHECKS.set(rule, checks);
  return checks;
}

export function evaluateRule(rule: RuleT, facts: EnterpriseFacts, asOf: string): RuleResult {
  const w = rule.when;
  // Sector and status first: most enterprises fail one of them (RulePlan usually has already
  // filtered on both, so these are cheap re-checks that keep the function correct on its own).
  if (w.statuses && !w.statuses.includes(facts.status)) return NOTHING;
  if (w.exclude_sectors?.some((p) => facts.sector.startsWith(p))) return NOTHING;
  if (w.sectors && !w.sectors.some((p) => facts.sector.startsWith(p))) return NOTHING;

  // Then the other conditions, stopping at the first that fails. Most evaluations stop here, so
  // the outcomes so far go into a reused scratch list rather than a new array each time.
  const checks = checksOf(rule);
  const n = checks.length;
  for (let i = 0; i < n; i++) {
    const o = (checks[i] as Check)(facts, asOf);
    if (o.match === false) return NOTHING;
    PASSED[i] = o;
  }

  // The sector comparison leads the evidence, then each condition's in the order checked.
  const evidence: Evidence[] = [];
  const unknowns: string[] = [];
  let complianceDeadline: string | null = null;
  for (let i = -1; i < n; i++) {
    const outcome = i < 0 ? matchSectors(w.sectors, undefined, facts) : (PASSED[i] as Outcome);
    if (outcome.match === false) return NOTHING;
    if (outcome.match === 'unknown') {
      unknowns.push(outcome.reason);
      continue;
    }
    for (const e of outcome.evidence) evidence.push(e);
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
      citation_zh: rule.citation_zh ?? null,
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
