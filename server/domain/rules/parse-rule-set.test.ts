import { describe, expect, it } from 'vitest';
import { RulePlan } from '../screening/rule-plan.ts';
import { screenEnterprise } from '../screening/screen-enterprise.ts';
import { facts } from '../screening/test-facts.ts';
import { parseRuleSet, type RuleSetError } from './parse-rule-set.ts';

const rule = (over: Record<string, unknown> = {}) => ({
  id: 'R1',
  policy: 'P4',
  jurisdiction: '000000',
  title: { zh: '测试', en: 'Test' },
  citation: 'Test citation',
  when: { equipment: { kind: 'blast_furnace', min: 400, max: 1200 } },
  then: { action: 'upgrade', severity: 2 },
  ...over,
});
const set = (rules: unknown[]) => JSON.stringify({ name: 'test', version: '1', rules });

describe('parseRuleSet', () => {
  it('an empty rule set is valid and flags nothing', () => {
    const rules = parseRuleSet(set([]), 'empty.json');
    expect(screenEnterprise(facts({ zones: [] }), new RulePlan(rules, '2026-01-01'))).toEqual({ flags: [], notes: [] });
  });

  it('a rule with a bad field names the file, the rule, the field and the value', () => {
    const bad = rule({ when: { equipment: { kind: 'blast_furnace', min: '400' } } });
    expect(() => parseRuleSet(set([bad]), 'local.json')).toThrow(
      /local\.json: .*rule R1 \(rules\[0\]\) field when\.equipment\.min: .*\(got "400"\)/,
    );
  });

  it('an unknown action is refused', () => {
    expect(() => parseRuleSet(set([rule({ then: { action: 'demolish', severity: 5 } })]), 'x.json')).toThrow(/rule R1 .*then\.action/);
  });

  it('an unknown condition key is refused rather than ignored', () => {
    expect(() => parseRuleSet(set([rule({ when: { zone: { kinds: ['nature_reserve'] }, colour: 'red' } })]), 'x.json')).toThrow(/colour/);
  });

  it('duplicate ids and overrides of unknown rules are reported', () => {
    let error: RuleSetError | undefined;
    try {
      parseRuleSet(set([rule(), rule(), rule({ id: 'R2', overrides: ['R9'] })]), 'x.json');
    } catch (e) {
      error = e as RuleSetError;
    }
    expect(error?.problems).toEqual([
      expect.stringContaining('rule R1 (rules[1]) field id: duplicate rule id'),
      expect.stringContaining('rule R2 (rules[2]) field overrides.0: overrides unknown rule "R9"'),
    ]);
  });

  it('a rule without conditions is refused', () => {
    expect(() => parseRuleSet(set([rule({ when: {} })]), 'x.json')).toThrow(/at least one condition/);
  });

  it('reads YAML too', () => {
    const yaml = `name: yaml set\nversion: "2"\nrules:\n  - id: G\n    policy: P12\n    jurisdiction: "000000"\n    title: { zh: 绿色, en: Green }\n    citation: c\n    when: { enterprise: { green_factory: true } }\n    then: { action: green, severity: 0 }\n`;
    expect(parseRuleSet(yaml, 'rules.yaml').rules[0]?.id).toBe('G');
  });

  it('malformed JSON names the file', () => {
    expect(() => parseRuleSet('{"rules": [', 'broken.json')).toThrow(/^broken\.json: invalid rule set: not valid JSON/);
  });
});

describe('jurisdictions', () => {
  const local = rule({
    id: 'CITY',
    jurisdiction: '150200',
    overrides: ['R1'],
    when: { equipment: { kind: 'blast_furnace', min: 300, max: 1200 } },
  });
  const rules = parseRuleSet(set([rule(), local]), 'x.json');
  const furnace = (size: number) => [{ kind: 'blast_furnace', size, unit: 'm3', count: 1, commissioned_year: 2000 }];
  const ids = (region: string | null, size: number) =>
    screenEnterprise(facts({ region_code: region, equipment: furnace(size) }), new RulePlan(rules, '2026-01-01')).flags.map(
      (f) => f.rule_id,
    );

  it('a stricter city rule applies inside the city and replaces the national one there', () => {
    expect(ids('150200', 350)).toEqual(['CITY']);
    expect(ids('150200', 500)).toEqual(['CITY']);
  });
  it('outside the city the national rule applies', () => {
    expect(ids('150300', 350)).toEqual([]);
    expect(ids('130200', 500)).toEqual(['R1']);
  });
  it('an enterprise with no region gets national rules only', () => {
    expect(ids(null, 500)).toEqual(['R1']);
  });
});
