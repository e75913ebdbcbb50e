/**
 * What a flag from a reserve of unknown zoning says its experimental zone would change, read from
 * whatever rule set is in force — not from the default set's wording.
 */
import { describe, expect, it } from 'vitest';
import type { ZoneEvidence } from '../flag.ts';
import { parseRuleSet } from '../rules/parse-rule-set.ts';
import type { ZoneHit } from './facts.ts';
import { RulePlan } from './rule-plan.ts';
import { screenEnterprise } from './screen-enterprise.ts';
import { facts } from './test-facts.ts';

const UNZONED_RULE = {
  id: 'whole-reserve',
  policy: 'P1',
  jurisdiction: '000000',
  title: { zh: '未分区', en: 'unzoned' },
  citation: 'c',
  when: { zone: { kinds: ['nature_reserve'], zone_types: ['unzoned'] } },
  then: { action: 'withdraw', severity: 5 },
};
const experimental = (id: string, jurisdiction: string, extra: Record<string, unknown>, action = 'withdraw', overrides?: string[]) => ({
  id,
  policy: 'P1',
  jurisdiction,
  title: { zh: id, en: id },
  citation: 'c',
  ...(overrides ? { overrides } : {}),
  when: { zone: { kinds: ['nature_reserve'], zone_types: ['experimental'] }, ...extra },
  then: { action, severity: 4 },
});
const plan = (...rules: object[]) =>
  new RulePlan(parseRuleSet(JSON.stringify({ name: 't', version: '1', rules: [UNZONED_RULE, ...rules] }), 't.json'), '2026-06-01');

const inside = (zone_type: ZoneHit['zone_type'], zone_id = 'NR-u'): ZoneHit => ({
  zone_id,
  zone_name: 'Reserve',
  zone_kind: 'nature_reserve',
  zone_type,
  distance_m: 0,
});
const zoneEvidence = (p: RulePlan, f: ReturnType<typeof facts>) =>
  screenEnterprise(f, p).flags.find((x) => x.rule_id === 'whole-reserve')?.evidence as ZoneEvidence[] | undefined;

describe('the experimental-zone alternative on flags from unzoned reserves', () => {
  it('no rule for the experimental zone: the plant could stay there', () => {
    expect(zoneEvidence(plan(), facts({ zones: [inside('unzoned')] }))?.[0]?.if_experimental).toEqual({ rules: [], action: null });
  });

  it('a stricter local rule that overrides the national one is the one that would apply', () => {
    const p = plan(
      experimental('national', '000000', { sectors: ['C26'] }),
      experimental('baotou', '150200', { sectors: ['C13', 'C26'] }, 'rectify', ['national']),
    );
    expect(zoneEvidence(p, facts({ region_code: '150200', sector: 'C1310', zones: [inside('unzoned')] }))?.[0]?.if_experimental).toEqual({
      rules: ['baotou'],
      action: 'rectify',
    });
    expect(zoneEvidence(p, facts({ region_code: '130100', sector: 'C1310', zones: [inside('unzoned')] }))?.[0]?.if_experimental).toEqual({
      rules: ['national'],
      action: null,
    });
  });

  it('the most severe of several rules that would flag it', () => {
    const p = plan(experimental('a', '000000', {}, 'rectify'), experimental('b', '000000', {}, 'withdraw'));
    expect(zoneEvidence(p, facts({ zones: [inside('unzoned')] }))?.[0]?.if_experimental).toEqual({ rules: ['a', 'b'], action: 'withdraw' });
  });

  it('a rule the data cannot decide is named as undecided, not taken as letting the plant stay', () => {
    const p = plan(experimental('energy', '000000', { indicator: { metric: 'energy_per_added_value', op: '>', value: 1 } }));
    expect(zoneEvidence(p, facts({ zones: [inside('unzoned')] }))?.[0]?.if_experimental).toEqual({
      rules: ['energy'],
      action: null,
      undecided: ['energy'],
    });
  });

  it('flags of other rules, and zones outside, carry no alternative', () => {
    const p = plan(experimental('exp', '000000', {}));
    const flags = screenEnterprise(facts({ zones: [inside('experimental')] }), p).flags;
    expect(flags.map((f) => f.rule_id)).toEqual(['exp']);
    expect(flags[0]?.evidence[0]).not.toHaveProperty('if_experimental');
  });
});
