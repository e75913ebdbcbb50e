/** Sector prefixes, plant status, and the enterprise's own yes/no attributes. */
import type { EnterpriseFacts } from '../../screening/facts.ts';
import type { ConditionsT, EnterpriseConditionT } from '../rule-schema.ts';
import { NO, type Outcome, yes } from './outcome.ts';

/**
 * Outcomes by sector list and sector: every flag of a rule with a sector list cites it, so the
 * outcome (and its evidence object) is made once per sector and shared.
 */
const BY_SECTOR = new WeakMap<readonly string[], Map<string, Outcome>>();

export function matchSectors(
  include: readonly string[] | undefined,
  exclude: readonly string[] | undefined,
  facts: EnterpriseFacts,
): Outcome {
  if (exclude?.some((p) => facts.sector.startsWith(p))) return NO;
  if (!include) return yes();
  let bySector = BY_SECTOR.get(include);
  if (!bySector) {
    bySector = new Map();
    BY_SECTOR.set(include, bySector);
  }
  let outcome = bySector.get(facts.sector);
  if (!outcome) {
    const prefix = include.find((p) => facts.sector.startsWith(p));
    outcome = prefix ? yes([{ kind: 'comparison', subject: 'sector', value: facts.sector, operator: 'in', threshold: [...include] }]) : NO;
    bySector.set(facts.sector, outcome);
  }
  return outcome;
}

export function matchStatus(statuses: ConditionsT['statuses'], facts: EnterpriseFacts): Outcome {
  if (!statuses) return yes();
  return statuses.includes(facts.status) ? yes() : NO;
}

const ATTRIBUTES = ['scattered_dirty', 'green_factory', 'in_park', 'above_scale'] as const;

/** When the attributes match, the evidence is the condition itself: one outcome per condition. */
const MATCHED = new WeakMap<EnterpriseConditionT, Outcome>();

export function matchEnterprise(c: EnterpriseConditionT, facts: EnterpriseFacts): Outcome {
  for (const key of ATTRIBUTES) {
    const wanted = c[key];
    if (wanted !== undefined && facts[key] !== wanted) return NO;
  }
  let outcome = MATCHED.get(c);
  if (!outcome) {
    const evidence = [];
    for (const key of ATTRIBUTES) {
      const wanted = c[key];
      if (wanted !== undefined)
        evidence.push({ kind: 'comparison' as const, subject: key, value: wanted, operator: '=' as const, threshold: wanted });
    }
    outcome = yes(evidence);
    MATCHED.set(c, outcome);
  }
  return outcome;
}
