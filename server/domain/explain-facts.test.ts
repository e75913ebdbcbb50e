/** Yes/no evidence reads as a statement of fact, in both languages. */
import { describe, expect, it } from 'vitest';
import { explainEvidence } from './explain-flag.ts';

describe('yes/no facts', () => {
  const fact = (subject: string, value: boolean) =>
    ({ kind: 'comparison', subject, operator: '=', value, threshold: true }) as Parameters<typeof explainEvidence>[0];
  it.each([
    ['green_factory', true, '已认定为绿色工厂', 'designated a green factory'],
    ['scattered_dirty', true, '列入“散乱污”企业台账', 'on the ledger of scattered and dirty enterprises'],
    ['in_park', false, '不在工业园区内', 'outside any industrial park'],
  ])('%s = %s reads as a sentence', (subject, value, zh, en) => {
    expect(explainEvidence(fact(subject, value), 'zh')).toBe(zh);
    expect(explainEvidence(fact(subject, value), 'en')).toBe(en);
  });
});
