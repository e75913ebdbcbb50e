/** A ledger case: one enterprise and one action it must take, tracked to acceptance and 销号. */
import { type Action, isPositiveAction } from './actions.ts';
import type { CaseStatus } from './case-lifecycle.ts';

/** A rule behind a case, kept on the case so the ledger can say why even after the flag is gone. */
export interface CaseRule {
  rule_id: string;
  policy: string;
  title_zh: string;
  title_en: string;
  deadline: string | null;
}

export interface Case {
  id: number;
  enterprise_id: string;
  /** Copied from the enterprise at each screening, so a scoped official's view follows the plant. */
  region_code: string | null;
  action: Action;
  status: CaseStatus;
  /** The reason given for the current exempted or disputed status. */
  status_reason: string | null;
  /**
   * ISO date: the earliest deadline among the enterprise's flags of this action, unless an
   * official set it by hand (deadline_set_by), which screening then keeps.
   */
  deadline: string | null;
  /** Who set the deadline by hand; null while it follows the rules. */
  deadline_set_by: string | null;
  /** Why the deadline was set by hand. */
  deadline_reason: string | null;
  /** 责任单位. */
  department: string | null;
  assignee: string | null;
  /** The latest progress note (进展情况); every note is in the history. */
  last_note: string | null;
  rules: CaseRule[];
  /** False once re-screening no longer raises the flag: an official should review the case. */
  flagged: boolean;
  unflagged_at: string | null;
  created_at: string;
  updated_at: string;
  /** Bumped by every change; a write must name the version it read (optimistic concurrency). */
  version: number;
}

/** A case as lists and the ledger show it: with the enterprise's name and whether it is overdue. */
export interface CaseView extends Case {
  enterprise_name: string | null;
  /** The English name, where the data has one. */
  enterprise_name_en: string | null;
  credit_code: string | null;
  sector: string | null;
  enterprise_key: number | null;
  overdue: boolean;
  /** Days since the deadline passed, while overdue; null otherwise. */
  overdue_days: number | null;
}

/**
 * How long cases have been overdue, in the bands the ledger counts: with most cases of a region
 * overdue, "overdue" alone says little; a month late and two years late are different problems.
 */
export const OVERDUE_BANDS = [
  { id: 'under_30', below: 30 },
  { id: 'from_30_to_180', below: 180 },
  { id: 'over_180', below: Number.POSITIVE_INFINITY },
] as const;
export type OverdueBand = (typeof OVERDUE_BANDS)[number]['id'];

/** Green manufacturing is a designation, not something to put right, so it opens no case. */
export function actionOpensCase(action: Action): boolean {
  return !isPositiveAction(action);
}

/** One row of the ledger's counts: a prefecture and status, with how many are overdue and for how long. */
export interface CaseCount {
  /** The prefecture (first four digits + 00), or null for cases without a region. */
  region_code: string | null;
  status: CaseStatus;
  count: number;
  overdue: number;
  /** Of the overdue, how many by how long (domain/case.ts OVERDUE_BANDS). */
  overdue_bands: Record<OverdueBand, number>;
}

/** Cases by their relocation site: one proposed (approved or not), one approved, or none. */
export const SITE_FILTERS = ['proposed', 'approved', 'none'] as const;
export type SiteFilter = (typeof SITE_FILTERS)[number];
/** The farthest "no qualifying site within" a caller may ask for, km. */
export const MAX_NO_SITE_WITHIN_KM = 5000;
