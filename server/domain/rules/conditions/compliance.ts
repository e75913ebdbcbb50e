/**
 * A mandatory standard failed: within its rectification deadline (rectify) or past it with no
 * later pass (close). For each standard only the latest assessment on or before as-of counts.
 */
import type { ComplianceResult } from '../../enterprise.ts';
import type { ComparisonEvidence } from '../../flag.ts';
import type { EnterpriseFacts } from '../../screening/facts.ts';
import type { ComplianceConditionT } from '../rule-schema.ts';
import { NO, type Outcome, yes } from './outcome.ts';

export function latestAssessments(results: readonly ComplianceResult[], asOf: string): Map<string, ComplianceResult> {
  const latest = new Map<string, ComplianceResult>();
  for (const r of results) {
    if (r.assessed_on > asOf) continue;
    const seen = latest.get(r.standard);
    if (!seen || r.assessed_on > seen.assessed_on || (r.assessed_on === seen.assessed_on && r.passed)) latest.set(r.standard, r);
  }
  return latest;
}

export function matchCompliance(c: ComplianceConditionT, facts: EnterpriseFacts, asOf: string): Outcome {
  if (facts.compliance.length === 0) return NO;
  const evidence: ComparisonEvidence[] = [];
  let deadline: string | null = null;
  // In standard order, so evidence reads the same whatever order the results arrived in.
  const latest = [...latestAssessments(facts.compliance, asOf)].sort(([a], [b]) => a.localeCompare(b));
  for (const [standard, r] of latest) {
    if (r.passed || (c.standards && !c.standards.includes(r.standard))) continue;
    const overdue = r.rectify_by !== null && r.rectify_by < asOf;
    if ((c.state === 'failed_past_deadline') !== overdue) continue;
    evidence.push({
      kind: 'comparison',
      subject: `compliance.${standard}`,
      value: `failed ${r.assessed_on}`,
      operator: overdue ? 'after' : 'before',
      threshold: r.rectify_by,
    });
    if (r.rectify_by && (deadline === null || r.rectify_by < deadline)) deadline = r.rectify_by;
  }
  return evidence.length ? yes(evidence, deadline) : NO;
}
