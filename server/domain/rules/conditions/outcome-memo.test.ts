import { describe, expect, it } from 'vitest';
import { NO, yes } from './outcome.ts';
import { OutcomeMemo } from './outcome-memo.ts';

describe('OutcomeMemo', () => {
  it('decides once per condition and fact, and keeps conditions apart', () => {
    const memo = new OutcomeMemo<{ id: string }, number>();
    const a = { id: 'a' };
    const b = { id: 'b' };
    let decisions = 0;
    const decide = (match: boolean) => () => {
      decisions++;
      return match ? yes([{ kind: 'comparison', subject: 'x', value: 1, operator: '=', threshold: 1 }]) : NO;
    };
    const first = memo.get(a, 2020, decide(true));
    expect(memo.get(a, 2020, decide(false))).toBe(first);
    expect(memo.get(a, 2021, decide(false))).toBe(NO);
    expect(memo.get(b, 2020, decide(false))).toBe(NO);
    expect(decisions).toBe(3);
  });
});
