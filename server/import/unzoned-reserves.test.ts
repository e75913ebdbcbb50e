import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRuleSet } from '../domain/rules/parse-rule-set.ts';
import { unzonedReservesWarning } from './unzoned-reserves.ts';

const DEFAULT = parseRuleSet(readFileSync(new URL('../../data/rules/default.json', import.meta.url), 'utf8'), 'default.json');

describe('unzonedReservesWarning', () => {
  it('counts the reserves taken whole and names the rules that screen them', () => {
    expect(unzonedReservesWarning(3, DEFAULT)).toEqual({
      row: null,
      field: 'zone_type',
      value: null,
      reason: { key: 'import_unzoned_reserves', params: expect.objectContaining({ count: 3, rules: 'P1-reserve-unzoned' }) },
      message: expect.stringMatching(
        /^3 nature reserve feature\(s\) have no functional zoning .*: imported as whole reserves, zone type unzoned; screened by rule P1-reserve-unzoned,/,
      ),
    });
  });

  it('says so when the rule set in force predates unzoned reserves and would flag nothing in them', () => {
    const older = { ...DEFAULT, version: '2026.11.1', rules: DEFAULT.rules.filter((r) => r.id !== 'P1-reserve-unzoned') };
    expect(unzonedReservesWarning(1, older).message).toContain(
      `the rule set in force (${DEFAULT.name} 2026.11.1) has no rule for zone type unzoned, so no enterprise inside them is flagged until one is loaded`,
    );
  });
});
