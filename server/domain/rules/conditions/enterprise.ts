/** Sector prefixes, plant status, and the enterprise's own yes/no attributes. */
import type { EnterpriseFacts } from '../../screening/facts.ts';
import type { ConditionsT, EnterpriseConditionT } from '../rule-schema.ts';
import { NO, type Outcome, yes } from './outcome.ts';

export function matchSectors(
  include: readonly string[] | undefined,
  exclude: readonly string[] | undefined,
  facts: EnterpriseFacts,
): Outcome {
  if (exclude?.some((p) => facts.sector.startsWith(p))) return NO;
  if (!include) return yes();
  const prefix = include.find((p) => facts.sector.startsWith(p));
  return prefix ? yes([{ kind: 'comparison', subject: 'sector', value: facts.sector, operator: 'in', threshold: [...include] }]) : NO;
}

export function matchStatus(statuses: ConditionsT['statuses'], facts: EnterpriseFacts): Outcome {
  if (!statuses) return yes();
  return statuses.includes(facts.status) ? yes() : NO;
}

export function matchEnterprise(c: EnterpriseConditionT, facts: EnterpriseFacts): Outcome {
  const evidence = [];
  for (const key of ['scattered_dirty', 'green_factory', 'in_park', 'above_scale'] as const) {
    const wanted = c[key];
    if (wanted === undefined) continue;
    const actual = facts[key];
    if (actual === null || actual !== wanted) return NO;
    evidence.push({ kind: 'comparison' as const, subject: key, value: actual, operator: '=' as const, threshold: wanted });
  }
  return yes(evidence);
}
