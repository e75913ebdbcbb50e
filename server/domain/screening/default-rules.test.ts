/**
 * The shipped default rule set, rule by rule, on hand-made enterprises: each policy flags what it
 * should, leaves alone what it should not, and explains itself.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explainFlag } from '../explain-flag.ts';
import type { Flag } from '../flag.ts';
import { parseRuleSet } from '../rules/parse-rule-set.ts';
import type { ZoneHit } from './facts.ts';
import { RulePlan } from './rule-plan.ts';
import { screenEnterprise } from './screen-enterprise.ts';
import { facts, metricsFrom } from './test-facts.ts';

const RULES = parseRuleSet(readFileSync(new URL('../../../data/rules/default.json', import.meta.url), 'utf8'), 'default.json');
const screen = (f: ReturnType<typeof facts>, asOf = '2026-06-01') => screenEnterprise(f, new RulePlan(RULES, asOf));
const ruleIds = (f: ReturnType<typeof facts>, asOf?: string) =>
  screen(f, asOf)
    .flags.map((x) => x.rule_id)
    .sort();

const zone = (kind: ZoneHit['zone_kind'], zone_type: ZoneHit['zone_type'] = null, distance_m = 0, id = `${kind}-1`): ZoneHit => ({
  zone_id: id,
  zone_name: `${kind} ${zone_type ?? ''}`.trim(),
  zone_kind: kind,
  zone_type,
  distance_m,
});

describe('P1 nature reserves', () => {
  it('any plant in a core zone must withdraw by 2019-12-31, with the zone as evidence', () => {
    const [flag] = screen(facts({ sector: 'C1310', zones: [zone('nature_reserve', 'core')] })).flags;
    expect(flag).toMatchObject({ rule_id: 'P1-reserve-core-buffer', action: 'withdraw', deadline: '2019-12-31', policy: 'P1' });
    expect(flag?.evidence[0]).toMatchObject({ kind: 'zone', zone_kind: 'nature_reserve', zone_type: 'core', distance_m: 0 });
  });
  it('a polluting plant in the experimental zone must withdraw; a grain mill may stay', () => {
    expect(ruleIds(facts({ sector: 'C2614', zones: [zone('nature_reserve', 'experimental')] }))).toEqual([
      'P1-reserve-experimental-polluting',
    ]);
    expect(ruleIds(facts({ sector: 'C1310', zones: [zone('nature_reserve', 'experimental')] }))).toEqual([]);
  });
  it('a retired plant in a reserve is not flagged', () => {
    expect(ruleIds(facts({ status: 'retired', zones: [zone('nature_reserve', 'core')] }))).toEqual([]);
  });
  it('the 1 km band is an Inner Mongolia rule: it applies in Baotou, not in Hebei', () => {
    const near = [zone('nature_reserve', 'experimental', 640)];
    expect(ruleIds(facts({ region_code: '150200', sector: 'C2614', zones: near }))).toEqual(['IM-P1-reserve-1km']);
    expect(ruleIds(facts({ region_code: '130700', sector: 'C2614', zones: near }))).toEqual([]);
  });
  it('exactly at the 1000 m limit is inside the band; beyond it is not', () => {
    expect(ruleIds(facts({ sector: 'C2614', zones: [zone('nature_reserve', 'buffer', 1000)] }))).toEqual(['IM-P1-reserve-1km']);
    expect(ruleIds(facts({ sector: 'C2614', zones: [zone('nature_reserve', 'buffer', 1000.01)] }))).toEqual([]);
  });
  it('in a reserve of unknown zoning every industrial plant must withdraw, and the flag says what the experimental zone would change', () => {
    const unzoned = zone('nature_reserve', 'unzoned');
    const [mill] = screen(facts({ sector: 'C1310', zones: [unzoned] })).flags;
    expect(mill).toMatchObject({ rule_id: 'P1-reserve-unzoned', policy: 'P1', action: 'withdraw', deadline: '2019-12-31' });
    // A grain mill would be allowed to stay in the experimental zone; a chemical plant would not.
    expect(mill?.evidence[0]).toEqual({
      kind: 'zone',
      zone_id: 'nature_reserve-1',
      zone_name: 'nature_reserve unzoned',
      zone_kind: 'nature_reserve',
      zone_type: 'unzoned',
      distance_m: 0,
      if_experimental: { rules: ['P1-reserve-experimental-polluting'], action: null },
    });
    expect(explainFlag(mill as Flag, 'en')).toContain(
      'inside nature_reserve unzoned (nature reserve, unzoned: functional zoning unknown); if the plant stands in the experimental zone, ' +
        'rule P1-reserve-experimental-polluting applies instead, which does not cover this plant: it may stay',
    );
    expect(explainFlag(mill as Flag, 'zh')).toContain(
      '（自然保护区，未分区：功能分区未知）；若企业位于实验区，则改按规则P1-reserve-experimental-polluting，本企业不在其列，可以保留',
    );
    const [chemicals] = screen(facts({ sector: 'C2614', zones: [unzoned] })).flags;
    expect(chemicals?.evidence[0]).toMatchObject({ if_experimental: { rules: ['P1-reserve-experimental-polluting'], action: 'withdraw' } });
    expect(explainFlag(chemicals as Flag, 'en')).toContain(
      'if the plant stands in the experimental zone, rule P1-reserve-experimental-polluting applies instead: withdraw',
    );
  });
  it('a reserve of unknown zoning is no core, buffer or experimental zone to the other rules', () => {
    expect(ruleIds(facts({ sector: 'C2614', zones: [zone('nature_reserve', 'unzoned')] }))).toEqual(['P1-reserve-unzoned']);
    expect(ruleIds(facts({ status: 'retired', zones: [zone('nature_reserve', 'unzoned')] }))).toEqual([]);
  });
  it('plants of one unzoned reserve with the same answer share one evidence object, so its text is kept once', () => {
    const unzoned = zone('nature_reserve', 'unzoned');
    const plan = new RulePlan(RULES, '2026-06-01');
    const evidenceOf = (sector: string, id: string) =>
      screenEnterprise(facts({ id, sector, zones: [unzoned] }), plan).flags[0]?.evidence[0];
    expect(evidenceOf('C1310', 'A')).toBe(evidenceOf('C1320', 'B'));
    expect(evidenceOf('C2614', 'C')).toBe(evidenceOf('C2511', 'D'));
    expect(evidenceOf('C1310', 'A')).not.toBe(evidenceOf('C2614', 'C'));
  });
  it('an enterprise in two overlapping zones cites both, nearest first', () => {
    const [flag] = screen(facts({ zones: [zone('nature_reserve', 'buffer', 0, 'NR-b'), zone('nature_reserve', 'core', 0, 'NR-a')] })).flags;
    expect(flag?.evidence.map((e) => (e.kind === 'zone' ? e.zone_id : ''))).toEqual(['NR-a', 'NR-b']);
  });
});

describe('P2 built-up areas, and the stricter Hebei rule', () => {
  it('steel in a built-up area must relocate', () => {
    expect(ruleIds(facts({ region_code: '150200', sector: 'C3120', zones: [zone('built_up')] }))).toEqual(['P2-built-up-polluting']);
  });
  it('cement is not on the national list, so it stays in Baotou', () => {
    expect(ruleIds(facts({ region_code: '150200', sector: 'C3011', status: 'mothballed', zones: [zone('built_up')] }))).toEqual([]);
  });
  it('Hebei widens the list to cement, and applies only inside Hebei', () => {
    expect(ruleIds(facts({ region_code: '130100', sector: 'C3011', status: 'mothballed', zones: [zone('built_up')] }))).toEqual([
      'HB-P2-built-up-wider',
    ]);
  });
  it('in Hebei the wider rule replaces the national one rather than flagging twice', () => {
    expect(ruleIds(facts({ region_code: '130200', sector: 'C3120', zones: [zone('built_up')] }))).toEqual(['HB-P2-built-up-wider']);
  });
});

describe('P3 failed standards', () => {
  const failed = { standard: 'environment' as const, passed: false, assessed_on: '2025-03-01', rectify_by: '2025-12-01', note: null };
  it('within the deadline: rectify, by the rectification deadline', () => {
    const [flag] = screen(facts({ sector: 'C1310', compliance: [failed] }), '2025-06-01').flags;
    expect(flag).toMatchObject({ rule_id: 'P3-standard-failed', action: 'rectify', deadline: '2025-12-01' });
  });
  it('past the deadline and still failing: close', () => {
    expect(ruleIds(facts({ sector: 'C1310', compliance: [failed] }), '2026-01-15')).toEqual(['P3-standard-failed-after-deadline']);
  });
  it('a later pass clears the failure', () => {
    const passed = { ...failed, passed: true, assessed_on: '2025-10-01', rectify_by: null };
    expect(ruleIds(facts({ sector: 'C1310', compliance: [failed, passed] }), '2026-01-15')).toEqual([]);
  });
  it('as of a date before the assessment, nothing was known', () => {
    expect(ruleIds(facts({ sector: 'C1310', compliance: [failed] }), '2025-01-01')).toEqual([]);
  });
});

describe('P4 restricted steel equipment', () => {
  const furnace = (size: number) => ({ kind: 'blast_furnace', size, unit: 'm3', count: 1, commissioned_year: 2000 });
  it.each([
    [399, false],
    [400, true],
    [1080, true],
    [1200, true],
    [1201, false],
  ])('a %s m³ blast furnace → flagged %s (the 400–1200 band includes both ends)', (size, flagged) => {
    expect(ruleIds(facts({ equipment: [furnace(size)] })).includes('P4-blast-furnace-400-1200')).toBe(flagged);
  });
  it('names the furnace size in the evidence', () => {
    const flag = screen(facts({ equipment: [furnace(580)] })).flags.find((f) => f.rule_id === 'P4-blast-furnace-400-1200');
    expect(flag?.evidence).toContainEqual(
      expect.objectContaining({ subject: 'blast_furnace.size', value: 580, threshold: [400, 1200], unit: 'm3' }),
    );
  });
});

describe('P5 ladder electricity prices', () => {
  const smelter = (kwh: number, year: number) =>
    facts({ sector: 'C3216', metrics: metricsFrom([{ year, unit_power_kwh: kwh, added_value: 1, energy_tce: 1 }], year) });
  it('the threshold in force on the as-of date applies: 13,650 in 2022, 13,450 from 2023', () => {
    expect(ruleIds(smelter(13500, 2022), '2022-06-01')).toEqual([]);
    expect(ruleIds(smelter(13500, 2023), '2023-06-01')).toEqual(['P5-aluminium-ladder-price']);
  });
  it('gives the surcharge tier: +0.01 CNY/kWh per 20 kWh/t above', () => {
    const flag = screen(smelter(13491, 2023), '2023-06-01').flags[0];
    expect(flag?.evidence).toContainEqual(expect.objectContaining({ subject: 'ladder_surcharge', value: 0.03, threshold: 3 }));
  });
  it('is not in force before 2021', () => {
    expect(ruleIds(smelter(14000, 2019), '2019-12-31')).toEqual([]);
  });
});

describe('P6 key regions and basins', () => {
  it('a cement plant commissioned after the July 2018 plan in Hebei: no new capacity', () => {
    expect(ruleIds(facts({ region_code: '130500', sector: 'C3011', commissioned_year: 2020, zones: [zone('key_region')] }))).toContain(
      'P6-no-new-capacity',
    );
  });
  it('a planned coking plant in the Yellow River basin: no new capacity', () => {
    expect(ruleIds(facts({ sector: 'C2521', status: 'construction', commissioned_year: null, zones: [zone('river_basin')] }))).toEqual([
      'P6-no-new-capacity',
    ]);
  });
  it('commissioned in 2018 itself is not assumed to be after the plan', () => {
    expect(ruleIds(facts({ region_code: '130500', sector: 'C3041', commissioned_year: 2018, zones: [zone('key_region')] }))).toEqual([]);
  });
  it('an older flat-glass plant in Hebei: capacity replacement', () => {
    expect(ruleIds(facts({ region_code: '130500', sector: 'C3041', commissioned_year: 2010, zones: [zone('key_region')] }))).toEqual([
      'P6-capacity-replacement',
    ]);
  });
  it('outside key regions and basins nothing applies', () => {
    expect(ruleIds(facts({ region_code: '150400', sector: 'C3011', commissioned_year: 2020, status: 'mothballed' }))).toEqual([]);
  });
});

describe('P7, P8, P9, P12', () => {
  it('scattered and dirty outside a park: relocate; inside: upgrade', () => {
    expect(ruleIds(facts({ sector: 'C1310', scattered_dirty: true, in_park: false }))).toEqual(['P7-scattered-dirty-outside-park']);
    expect(ruleIds(facts({ sector: 'C1310', scattered_dirty: true, in_park: true }))).toEqual(['P7-scattered-dirty-in-park']);
  });
  it('an induction furnace at a steelworks is floor steel: close; at a foundry it is not', () => {
    const furnace = [{ kind: 'induction_furnace', size: 10, unit: 't', count: 2, commissioned_year: 2010 }];
    expect(ruleIds(facts({ sector: 'C3120', equipment: furnace }))).toEqual(['P8-floor-steel']);
    expect(ruleIds(facts({ sector: 'C3391', equipment: furnace }))).toEqual([]);
  });
  it('cement peak-shifting only in the heating season, across the new year', () => {
    const plant = facts({ region_code: '150400', sector: 'C3011', commissioned_year: 2000 });
    expect(ruleIds(plant, '2026-12-20')).toEqual(['P9-cement-peak-shift']);
    expect(ruleIds(plant, '2027-03-15')).toEqual(['P9-cement-peak-shift']);
    expect(ruleIds(plant, '2026-06-01')).toEqual([]);
  });
  it('a green factory is shown as green', () => {
    expect(screen(facts({ sector: 'C1310', green_factory: true })).flags[0]?.action).toBe('green');
  });
});

describe('Baotou stricter energy rule and data problems', () => {
  const steel = (change: number) =>
    facts({
      region_code: '150200',
      metrics: metricsFrom(
        [
          { year: 2015, energy_tce: 1000, added_value: 1000 },
          { year: 2024, energy_tce: 1000 * (1 + change), added_value: 1000 },
        ],
        2024,
      ),
    });
  it('a Baotou steel plant whose energy intensity fell only 10% must rectify', () => {
    expect(ruleIds(steel(-0.1), '2025-01-01')).toEqual(['BT-steel-energy-target']);
    expect(ruleIds(steel(-0.25), '2025-01-01')).toEqual([]);
  });
  it('the same plant in Tangshan is not subject to the Baotou rule', () => {
    expect(ruleIds({ ...steel(-0.1), region_code: '130200' }, '2025-01-01')).toEqual([]);
  });
  it('no 2015 baseline: no flag, but a note saying why', () => {
    const plant = facts({ region_code: '150200', metrics: metricsFrom([{ year: 2024, energy_tce: 900, added_value: 1000 }], 2024) });
    const result = screen(plant, '2025-01-01');
    expect(result.flags).toEqual([]);
    expect(result.notes.find((n) => n.rule_id === 'BT-steel-energy-target')?.message).toContain('no 2015 baseline');
  });
  it('zero added value: a note that names the year', () => {
    const plant = facts({
      region_code: '150200',
      metrics: metricsFrom(
        [
          { year: 2015, energy_tce: 1, added_value: 1 },
          { year: 2024, energy_tce: 900, added_value: 0 },
        ],
        2024,
      ),
    });
    expect(screen(plant, '2025-01-01').notes.find((n) => n.rule_id === 'BT-steel-energy-target')?.message).toContain(
      'added value is 0 in 2024',
    );
  });
});
