/**
 * A ledger case as the public may read it: how far the work has come, without who does it, notes
 * or evidence. Exempted and disputed cases read as "exempted" and "under review"; the reasons stay
 * in the ledger.
 */
import type { CaseStatus } from '../case-lifecycle.ts';

export const PUBLIC_PROGRESS = ['listed', 'planned', 'in_progress', 'done', 'accepted', 'closed', 'exempted', 'under_review'] as const;
export type PublicProgress = (typeof PUBLIC_PROGRESS)[number];

const OF_STATUS: Record<CaseStatus, PublicProgress> = {
  identified: 'listed',
  plan_approved: 'planned',
  in_progress: 'in_progress',
  completed: 'done',
  accepted: 'accepted',
  cancelled: 'closed',
  exempted: 'exempted',
  disputed: 'under_review',
};

export function publicProgress(status: CaseStatus): PublicProgress {
  return OF_STATUS[status];
}

/** The work is done: completed, accepted, or accepted and closed (销号). */
export function progressIsDone(progress: PublicProgress): boolean {
  return progress === 'done' || progress === 'accepted' || progress === 'closed';
}

export const PUBLIC_PROGRESS_NAMES: Record<PublicProgress, { zh: string; en: string }> = {
  listed: { zh: '已列入台账', en: 'Listed' },
  planned: { zh: '整治方案已批复', en: 'Plan approved' },
  in_progress: { zh: '整治中', en: 'In progress' },
  done: { zh: '已完成，待验收', en: 'Done, awaiting acceptance' },
  accepted: { zh: '已完成并验收', en: 'Done and accepted' },
  closed: { zh: '已验收销号', en: 'Accepted and closed' },
  exempted: { zh: '已豁免', en: 'Exempted' },
  under_review: { zh: '复核中', en: 'Under review' },
};
