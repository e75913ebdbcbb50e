/** Equipment of a kind whose size lies in a range (both ends included). */
import type { ComparisonEvidence } from '../../flag.ts';
import type { EnterpriseFacts } from '../../screening/facts.ts';
import type { EquipmentConditionT } from '../rule-schema.ts';
import { NO, type Outcome, yes } from './outcome.ts';

export function matchEquipment(c: EquipmentConditionT, facts: EnterpriseFacts): Outcome {
  const evidence: ComparisonEvidence[] = [];
  for (const e of facts.equipment) {
    if (e.kind !== c.kind) continue;
    if (c.unit && e.unit && e.unit !== c.unit) continue;
    const size = e.size;
    if (c.min !== undefined || c.max !== undefined) {
      if (size === null) continue;
      if (c.min !== undefined && size < c.min) continue;
      if (c.max !== undefined && size > c.max) continue;
    }
    evidence.push({
      kind: 'comparison',
      subject: `${e.kind}.size`,
      value: size,
      operator: 'between',
      threshold: [c.min ?? Number.NEGATIVE_INFINITY, c.max ?? Number.POSITIVE_INFINITY].map((v) =>
        Number.isFinite(v) ? v : String(v),
      ) as (number | string)[],
      ...(e.unit ? { unit: e.unit } : {}),
    });
  }
  return evidence.length ? yes(evidence) : NO;
}
