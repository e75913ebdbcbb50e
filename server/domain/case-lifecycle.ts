/**
 * The life of a ledger case (domain.md): identified → plan approved → in progress → completed →
 * accepted → cancelled (验收销号), plus exempted and disputed, each with a reason. Moves outside
 * this graph are refused; moves that undo progress or leave the main line need a reason too.
 */
import { reason as because, inEnglish, type Reason } from './reasons.ts';

export const CASE_STATUSES = [
  'identified',
  'plan_approved',
  'in_progress',
  'completed',
  'accepted',
  'cancelled',
  'exempted',
  'disputed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_NAMES: Record<CaseStatus, { zh: string; en: string }> = {
  identified: { zh: '已排查', en: 'Identified' },
  plan_approved: { zh: '方案已批复', en: 'Plan approved' },
  in_progress: { zh: '整治中', en: 'In progress' },
  completed: { zh: '已完成整治', en: 'Completed' },
  accepted: { zh: '已验收', en: 'Accepted' },
  cancelled: { zh: '已销号', en: 'Cancelled (closed)' },
  exempted: { zh: '已豁免', en: 'Exempted' },
  disputed: { zh: '有异议', en: 'Disputed' },
};

interface Move {
  to: CaseStatus;
  /** The reason is stored with the move in the audit log. */
  needsReason: boolean;
}

const forward = (to: CaseStatus): Move => ({ to, needsReason: false });
const withReason = (to: CaseStatus): Move => ({ to, needsReason: true });

/**
 * Every allowed move. Exemption and dispute are possible until the work is done; a failed
 * acceptance inspection sends a case back to work; a rejected dispute or a withdrawn exemption
 * sends it back to the start. Cancelled (销号) is final.
 */
const MOVES: Record<CaseStatus, readonly Move[]> = {
  identified: [forward('plan_approved'), withReason('exempted'), withReason('disputed')],
  plan_approved: [forward('in_progress'), withReason('exempted'), withReason('disputed')],
  in_progress: [forward('completed'), withReason('disputed')],
  completed: [forward('accepted'), withReason('in_progress')],
  accepted: [forward('cancelled')],
  cancelled: [],
  exempted: [withReason('identified')],
  disputed: [withReason('identified'), withReason('exempted')],
};

export function isCaseStatus(value: string): value is CaseStatus {
  return (CASE_STATUSES as readonly string[]).includes(value);
}

export function nextStatuses(from: CaseStatus): CaseStatus[] {
  return MOVES[from].map((m) => m.to);
}

export function canMove(from: CaseStatus, to: CaseStatus): boolean {
  return MOVES[from].some((m) => m.to === to);
}

export function moveNeedsReason(from: CaseStatus, to: CaseStatus): boolean {
  return MOVES[from].find((m) => m.to === to)?.needsReason ?? false;
}

export type MoveCheck = { ok: true } | { ok: false; kind: 'not_allowed' | 'reason_required'; message: string; reason: Reason };

/** Whether `from → to` may happen with this reason; the message names both statuses. */
export function checkMove(from: CaseStatus, to: CaseStatus, reason: string | null | undefined): MoveCheck {
  if (!canMove(from, to)) {
    const why = because('move_not_allowed', { from, to, allowed: nextStatuses(from).join(', ') });
    return { ok: false, kind: 'not_allowed', message: inEnglish(why), reason: why };
  }
  if (moveNeedsReason(from, to) && !reason?.trim()) {
    const why = because('move_needs_reason', { from, to });
    return { ok: false, kind: 'reason_required', message: inEnglish(why), reason: why };
  }
  return { ok: true };
}

/** Statuses in which the work is finished or waived: the deadline no longer runs. */
export const SETTLED_STATUSES: readonly CaseStatus[] = ['completed', 'accepted', 'cancelled', 'exempted'];

/** A case is overdue when its deadline has passed and the work is not finished or waived. */
export function isOverdue(status: CaseStatus, deadline: string | null, today: string): boolean {
  return deadline !== null && deadline < today && !SETTLED_STATUSES.includes(status);
}

/** Today as an ISO date in China Standard Time, the calendar the deadlines are written in. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * Which of an enterprise's cases decides its colour on the map: an overdue case first, then the
 * one furthest from done. Lower ranks first.
 */
const MAP_ORDER: readonly CaseStatus[] = [
  'identified',
  'disputed',
  'plan_approved',
  'in_progress',
  'completed',
  'accepted',
  'exempted',
  'cancelled',
];

export function mapRank(status: CaseStatus, overdue: boolean): number {
  return overdue ? -1 : MAP_ORDER.indexOf(status);
}
