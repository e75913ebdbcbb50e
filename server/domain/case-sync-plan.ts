/**
 * What a screening run changes in the ledger, decided without touching the database: one case per
 * enterprise and required action, never a deletion. A case whose flag disappeared is marked no
 * longer flagged (its status is an official's call, not the screen's); one whose flag returns is
 * marked flagged again. Deadlines, rules and regions follow the current flags, except a deadline an
 * official set by hand, which stays until an official changes it again.
 */
import type { Action } from './actions.ts';
import type { AuditEvent } from './audit.ts';
import type { CaseRule } from './case.ts';

/** Every current flag of one enterprise and one action. */
export interface FlagGroup {
  enterprise_id: string;
  action: Action;
  region_code: string | null;
  rules: CaseRule[];
}

/** What the plan needs to know of an existing case. */
export interface SyncedCase {
  id: number;
  enterprise_id: string;
  action: Action;
  region_code: string | null;
  deadline: string | null;
  /** The deadline was set by an official: screening keeps it. */
  deadline_manual: boolean;
  flagged: boolean;
  rules: CaseRule[];
}

export interface PlannedEvent {
  event: AuditEvent;
  from: string | null;
  to: string | null;
}

export interface CaseChange {
  id: number;
  flagged: boolean;
  deadline: string | null;
  region_code: string | null;
  rules: CaseRule[];
  events: PlannedEvent[];
}

export interface NewCase {
  enterprise_id: string;
  action: Action;
  region_code: string | null;
  deadline: string | null;
  rules: CaseRule[];
}

export interface SyncPlan {
  create: NewCase[];
  change: CaseChange[];
}

export const caseKey = (enterpriseId: string, action: string) => `${enterpriseId}\u0000${action}`;

/** The earliest deadline among the rules (ISO dates compare as strings); null when none has one. */
export function earliestDeadline(rules: readonly CaseRule[]): string | null {
  let best: string | null = null;
  for (const r of rules) if (r.deadline !== null && (best === null || r.deadline < best)) best = r.deadline;
  return best;
}

/** Rules in a stable order, so that an unchanged set of flags compares equal. */
export function sortRules(rules: readonly CaseRule[]): CaseRule[] {
  return [...rules].sort((a, b) => (a.rule_id < b.rule_id ? -1 : a.rule_id > b.rule_id ? 1 : 0));
}

const ruleIds = (rules: readonly CaseRule[]) =>
  sortRules(rules)
    .map((r) => r.rule_id)
    .join(', ');

const sameRules = (a: readonly CaseRule[], b: readonly CaseRule[]) => JSON.stringify(sortRules(a)) === JSON.stringify(sortRules(b));

export function planCaseSync(groups: Iterable<FlagGroup>, cases: Iterable<SyncedCase>): SyncPlan {
  const existing = new Map<string, SyncedCase>();
  for (const c of cases) existing.set(caseKey(c.enterprise_id, c.action), c);

  const create: NewCase[] = [];
  const change: CaseChange[] = [];
  const seen = new Set<string>();

  for (const g of groups) {
    const key = caseKey(g.enterprise_id, g.action);
    seen.add(key);
    const rules = sortRules(g.rules);
    const current = existing.get(key);
    if (!current) {
      create.push({
        enterprise_id: g.enterprise_id,
        action: g.action,
        region_code: g.region_code,
        deadline: earliestDeadline(rules),
        rules,
      });
      continue;
    }
    const deadline = current.deadline_manual ? current.deadline : earliestDeadline(rules);
    const events: PlannedEvent[] = [];
    if (!current.flagged) events.push({ event: 'reflagged', from: 'false', to: 'true' });
    if (current.deadline !== deadline) events.push({ event: 'deadline', from: current.deadline, to: deadline });
    if (current.region_code !== g.region_code) events.push({ event: 'region', from: current.region_code, to: g.region_code });
    if (!sameRules(current.rules, rules)) events.push({ event: 'rules', from: ruleIds(current.rules), to: ruleIds(rules) });
    if (events.length) {
      change.push({ id: current.id, flagged: true, deadline, region_code: g.region_code, rules, events });
    }
  }

  for (const [key, c] of existing) {
    if (seen.has(key) || !c.flagged) continue;
    change.push({
      id: c.id,
      flagged: false,
      deadline: c.deadline,
      region_code: c.region_code,
      rules: c.rules,
      events: [{ event: 'unflagged', from: 'true', to: 'false' }],
    });
  }
  return { create, change };
}
