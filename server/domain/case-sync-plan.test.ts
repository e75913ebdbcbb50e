import { describe, expect, it } from 'vitest';
import type { CaseRule } from './case.ts';
import { earliestDeadline, type FlagGroup, planCaseSync, type SyncedCase } from './case-sync-plan.ts';

const rule = (rule_id: string, deadline: string | null): CaseRule => ({
  rule_id,
  policy: 'P1',
  title_zh: rule_id,
  title_en: rule_id,
  deadline,
});
const group = (enterprise_id: string, rules: CaseRule[], region_code = '150200'): FlagGroup => ({
  enterprise_id,
  action: 'withdraw',
  region_code,
  rules,
});
const existing = (id: number, g: FlagGroup, flagged = true): SyncedCase => ({
  id,
  enterprise_id: g.enterprise_id,
  action: g.action,
  region_code: g.region_code,
  deadline: earliestDeadline(g.rules),
  deadline_manual: false,
  flagged,
  rules: g.rules,
});

describe('planCaseSync', () => {
  it('creates one case per new enterprise and action, due at the earliest deadline', () => {
    const plan = planCaseSync([group('E1', [rule('b', '2020-06-30'), rule('a', '2019-12-31'), rule('c', null)])], []);
    expect(plan.change).toEqual([]);
    expect(plan.create).toHaveLength(1);
    expect(plan.create[0]?.deadline).toBe('2019-12-31');
    expect(plan.create[0]?.rules.map((r) => r.rule_id)).toEqual(['a', 'b', 'c']);
  });

  it('zero flags and zero cases plan nothing', () => {
    expect(planCaseSync([], [])).toEqual({ create: [], change: [] });
  });

  it('changes nothing when the flags are unchanged, whatever their order', () => {
    const g = group('E1', [rule('a', '2019-12-31'), rule('b', null)]);
    const reordered = group('E1', [rule('b', null), rule('a', '2019-12-31')]);
    expect(planCaseSync([reordered], [existing(7, g)])).toEqual({ create: [], change: [] });
  });

  it('marks a case whose flag disappeared as no longer flagged, and never deletes it', () => {
    const g = group('E1', [rule('a', '2019-12-31')]);
    const plan = planCaseSync([], [existing(7, g)]);
    expect(plan.create).toEqual([]);
    expect(plan.change).toEqual([
      {
        id: 7,
        flagged: false,
        deadline: '2019-12-31',
        region_code: '150200',
        rules: g.rules,
        events: [{ event: 'unflagged', from: 'true', to: 'false' }],
      },
    ]);
  });

  it('leaves an already unflagged case alone', () => {
    const g = group('E1', [rule('a', '2019-12-31')]);
    expect(planCaseSync([], [existing(7, g, false)])).toEqual({ create: [], change: [] });
  });

  it('marks a case flagged again when its flag returns', () => {
    const g = group('E1', [rule('a', '2019-12-31')]);
    const plan = planCaseSync([g], [existing(7, g, false)]);
    expect(plan.change).toHaveLength(1);
    expect(plan.change[0]).toMatchObject({ id: 7, flagged: true, events: [{ event: 'reflagged' }] });
  });

  it('follows a new deadline, a new rule and a plant that moved region, with an event each', () => {
    const before = group('E1', [rule('a', '2020-06-30')], '150200');
    const after = group('E1', [rule('a', '2020-06-30'), rule('z', '2019-12-31')], '150100');
    const plan = planCaseSync([after], [existing(7, before)]);
    expect(plan.change[0]?.events.map((e) => [e.event, e.from, e.to])).toEqual([
      ['deadline', '2020-06-30', '2019-12-31'],
      ['region', '150200', '150100'],
      ['rules', 'a', 'a, z'],
    ]);
    expect(plan.change[0]).toMatchObject({ deadline: '2019-12-31', region_code: '150100', flagged: true });
  });

  it('keeps a deadline an official set by hand when the rules bring a new one, changing only the rules', () => {
    const before = group('E1', [rule('a', '2020-06-30')]);
    const after = group('E1', [rule('a', '2020-06-30'), rule('z', '2019-12-31')]);
    const manual = { ...existing(7, before), deadline: '2027-03-31', deadline_manual: true };
    const plan = planCaseSync([after], [manual]);
    expect(plan.change[0]?.events.map((e) => e.event)).toEqual(['rules']);
    expect(plan.change[0]?.deadline).toBe('2027-03-31');
    expect(planCaseSync([before], [manual])).toEqual({ create: [], change: [] });
  });

  it('keeps separate cases for separate actions of one enterprise', () => {
    const withdraw = group('E1', [rule('a', null)]);
    const upgrade: FlagGroup = { ...group('E1', [rule('u', null)]), action: 'upgrade' };
    expect(planCaseSync([withdraw, upgrade], []).create.map((c) => c.action)).toEqual(['withdraw', 'upgrade']);
  });
});
