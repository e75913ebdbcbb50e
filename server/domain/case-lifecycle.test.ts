import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, type CaseStatus, checkMove, chinaToday, isOverdue, mapRank, nextStatuses } from './case-lifecycle.ts';

// The lifecycle written out independently of the implementation: every allowed move, with
// whether it needs a reason. Every other pair must be refused.
const ALLOWED: Record<string, 'plain' | 'reason'> = {
  'identified→plan_approved': 'plain',
  'identified→exempted': 'reason',
  'identified→disputed': 'reason',
  'plan_approved→in_progress': 'plain',
  'plan_approved→exempted': 'reason',
  'plan_approved→disputed': 'reason',
  'in_progress→completed': 'plain',
  'in_progress→disputed': 'reason',
  'completed→accepted': 'plain',
  'completed→in_progress': 'reason',
  'accepted→cancelled': 'plain',
  'exempted→identified': 'reason',
  'disputed→identified': 'reason',
  'disputed→exempted': 'reason',
};

const pairs = CASE_STATUSES.flatMap((from) => CASE_STATUSES.map((to) => [from, to] as [CaseStatus, CaseStatus]));

describe('case lifecycle', () => {
  it.each(pairs)('%s → %s is allowed exactly when the lifecycle says so', (from, to) => {
    const rule = ALLOWED[`${from}→${to}`];
    const withReason = checkMove(from, to, 'a reason');
    const without = checkMove(from, to, null);
    if (!rule) {
      expect(withReason).toMatchObject({ ok: false, kind: 'not_allowed' });
      expect(without.ok).toBe(false);
      if (!withReason.ok) expect(withReason.message).toContain(`from ${from} to ${to}`);
      return;
    }
    expect(withReason).toEqual({ ok: true });
    if (rule === 'reason') expect(without).toMatchObject({ ok: false, kind: 'reason_required' });
    else expect(without).toEqual({ ok: true });
  });

  it('a blank reason is no reason', () => {
    expect(checkMove('identified', 'exempted', '   ')).toMatchObject({ ok: false, kind: 'reason_required' });
  });

  it('cancelled (销号) is final', () => {
    expect(nextStatuses('cancelled')).toEqual([]);
    expect(checkMove('cancelled', 'identified', 'reopen')).toMatchObject({
      ok: false,
      message: expect.stringContaining('cancelled is final'),
    });
  });

  it('the main line runs identified → plan_approved → in_progress → completed → accepted → cancelled', () => {
    const line: CaseStatus[] = ['identified', 'plan_approved', 'in_progress', 'completed', 'accepted', 'cancelled'];
    for (let i = 0; i + 1 < line.length; i++) expect(nextStatuses(line[i] as CaseStatus)[0]).toBe(line[i + 1]);
  });
});

describe('overdue', () => {
  it('deadline passed and work not finished', () => {
    expect(isOverdue('in_progress', '2019-12-31', '2020-01-01')).toBe(true);
    expect(isOverdue('disputed', '2019-12-31', '2020-01-01')).toBe(true);
  });
  it('not on the deadline day itself', () => {
    expect(isOverdue('identified', '2020-01-01', '2020-01-01')).toBe(false);
  });
  it.each(['completed', 'accepted', 'cancelled', 'exempted'] as const)('not once %s', (status) => {
    expect(isOverdue(status, '2019-12-31', '2024-01-01')).toBe(false);
  });
  it('never without a deadline', () => {
    expect(isOverdue('identified', null, '2099-01-01')).toBe(false);
  });
  it('today is counted in China Standard Time', () => {
    expect(chinaToday(new Date('2024-05-01T17:00:00Z'))).toBe('2024-05-02');
    expect(chinaToday(new Date('2024-05-01T15:59:59Z'))).toBe('2024-05-01');
  });
  it('the map shows an overdue case before any other', () => {
    expect(mapRank('accepted', true)).toBeLessThan(mapRank('identified', false));
    expect(mapRank('identified', false)).toBeLessThan(mapRank('cancelled', false));
  });
});
