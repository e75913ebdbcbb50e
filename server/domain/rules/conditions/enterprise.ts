/** Sector prefixes, plant status, and the enterprise's own yes/no attributes. */
import type { EnterpriseFacts } from '../../screening/facts.ts';
import type { ConditionsT, EnterpriseConditionT } from '../rule-schema.ts';
import { NO, type Outcome, yes } from './outcome.ts';
import { OutcomeMemo } from './outcome-memo.ts';

/** By sector list and sector: every flag of a rule with a sector list cites it. */
const BY_SECTOR = new OutcomeMemo<readonly string[], string>();

export function matchSectors(
  include: readonly string[] | undefined,
  exclude: readonly string[] | undefined,
  facts: EnterpriseFacts,
): Outcome {
  if (exclude?.some((p) => facts.sector.startsWith(p))) return NO;
  if (!include) return yes();
  return BY_SECTOR.get(include, facts.sector, () =>
    include.find((p) => facts.sector.startsWith(p))
      ? yes([{ kind: 'comparison', subject: 'sector', value: facts.sector, operator: 'in', threshold: [...include] }])
      : NO,
  );
}

export function matchStatus(statuses: ConditionsT['statuses'], facts: EnterpriseFacts): Outcome {
  if (!statuses) return yes();
  return statuses.includes(facts.status) ? yes() : NO;
}

const ATTRIBUTES = ['scattered_dirty', 'green_factory', 'in_park', 'above_scale'] as const;

/** When the attributes match, the evidence is the condition itself: one outcome per condition. */
const MATCHED = new OutcomeMemo<EnterpriseConditionT, true>();

export function matchEnterprise(c: EnterpriseConditionT, facts: EnterpriseFacts): Outcome {
  for (const key of ATTRIBUTES) {
    const wanted = c[key];
    if (wanted !== undefined && facts[key] !== wanted) return NO;
  }
  return MATCHED.get(c, true, () =>
    yes(
      ATTRIBUTES.flatMap((key) => {
        const wanted = c[key];
        return wanted === undefined
          ? []
          : [{ kind: 'comparison' as const, subject: key, value: wanted, operator: '=' as const, threshold: wanted }];
      }),
    ),
  );
}
