/**
 * screenBatch, the columnar hot path, says exactly what screenEnterprise says of each plant: the
 * same rules, actions, severities, deadlines, evidence and notes, on hand-made plants covering
 * every kind of rule and on seeded synthetic ones.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { actionOfCode } from '../actions.ts';
import { parseRuleSet } from '../rules/parse-rule-set.ts';
import { RulePlan } from './rule-plan.ts';
import { type BatchOutput, NO_DEADLINE, screenBatch, type ZoneTable } from './screen-batch.ts';
import { screenEnterprise } from './screen-enterprise.ts';
import { batchOf, factsOf, indicatorRow, plant, syntheticPlants, type TestPlant, zoneOf, zoneTable } from './test-batch.ts';

const RULES = parseRuleSet(readFileSync(new URL('../../../data/rules/default.json', import.meta.url), 'utf8'), 'default.json');

interface Said {
  flags: { rule_id: string; action: string; severity: number; deadline: string | null; evidence: unknown }[];
  notes: { rule_id: string | null; message: string }[];
}

const dateOf = (day: number): string | null => (day === NO_DEADLINE ? null : new Date(day * 86_400_000).toISOString().slice(0, 10));

/** What the batch says, by enterprise key, in the terms of a Flag. */
function fromBatch(out: BatchOutput, plan: RulePlan): Map<number, Said> {
  const said = new Map<number, Said>();
  const of = (key: number) => {
    let s = said.get(key);
    if (!s) {
      s = { flags: [], notes: [] };
      said.set(key, s);
    }
    return s;
  };
  const f = out.flags;
  for (let i = 0; i < f.key.length; i++) {
    of(f.key[i] as number).flags.push({
      rule_id: plan.ruleSet.rules[f.rule[i] as number]?.id as string,
      action: actionOfCode(f.action[i] as number) as string,
      severity: f.severity[i] as number,
      deadline: dateOf(f.deadline[i] as number),
      evidence: JSON.parse(out.evidenceTexts[f.evidence[i] as number] as string),
    });
  }
  out.notes.key.forEach((key, i) => {
    of(key).notes.push({ rule_id: out.notes.rule_id[i] ?? null, message: out.notes.message[i] as string });
  });
  return said;
}

/** What screenEnterprise says of each plant, with evidence as it reads once stored (JSON). */
function oneByOne(plants: readonly TestPlant[], zones: ZoneTable, plan: RulePlan): Map<number, Said> {
  const said = new Map<number, Said>();
  for (const p of plants) {
    const result = screenEnterprise(factsOf(p, zones, plan.asOf), plan);
    if (result.flags.length === 0 && result.notes.length === 0) continue;
    said.set(p.key, {
      flags: result.flags.map((f) => ({
        rule_id: f.rule_id,
        action: f.action,
        severity: f.severity,
        deadline: f.deadline,
        evidence: JSON.parse(JSON.stringify(f.evidence)),
      })),
      notes: result.notes.map((n) => ({ rule_id: n.rule_id, message: n.message })),
    });
  }
  return said;
}

function expectAgreement(plants: readonly TestPlant[], zones: ZoneTable, asOf: string): Map<number, Said> {
  const plan = new RulePlan(RULES, asOf);
  const batch = fromBatch(screenBatch(batchOf(plants), zones, plan), new RulePlan(RULES, asOf));
  const single = oneByOne(plants, zones, new RulePlan(RULES, asOf));
  expect([...batch.keys()].sort((a, b) => a - b)).toEqual([...single.keys()].sort((a, b) => a - b));
  for (const [key, said] of single) expect(batch.get(key), `enterprise ${key}`).toEqual(said);
  return batch;
}

const zones = zoneTable();
const at = (kind: Parameters<typeof zoneOf>[0], type: Parameters<typeof zoneOf>[1] = null, distance_m = 0) => ({
  zone: zoneOf(kind, type),
  distance_m,
});

/** One or more plants for each kind of rule in the default set, each named by what it exercises. */
const FIXTURES: Record<string, TestPlant> = {
  'nothing notable': plant(1),
  'in a core zone': plant(2, { sector: 'C1310', hits: [at('nature_reserve', 'core')] }),
  'polluting, in an experimental zone': plant(3, { sector: 'C2614', hits: [at('nature_reserve', 'experimental')] }),
  'grain mill in an experimental zone': plant(4, { sector: 'C1310', hits: [at('nature_reserve', 'experimental')] }),
  'grain mill in an unzoned reserve': plant(5, { sector: 'C1310', hits: [at('nature_reserve', 'unzoned')] }),
  'chemicals in an unzoned reserve': plant(6, { sector: 'C2614', hits: [at('nature_reserve', 'unzoned')] }),
  'in a buffer zone and a core zone': plant(7, { hits: [at('nature_reserve', 'core'), at('nature_reserve', 'buffer')] }),
  '640 m from a reserve in Baotou': plant(8, { sector: 'C2614', hits: [at('nature_reserve', 'experimental', 640)] }),
  '640 m from a reserve in Hebei': plant(9, { region_code: '130700', sector: 'C2614', hits: [at('nature_reserve', 'experimental', 640)] }),
  'steel in a built-up area': plant(10, { sector: 'C3120', hits: [at('built_up')] }),
  'cement in a Hebei built-up area': plant(11, { region_code: '130100', sector: 'C3011', status: 'mothballed', hits: [at('built_up')] }),
  'steel in a Hebei built-up area': plant(12, { region_code: '130200', sector: 'C3120', hits: [at('built_up')] }),
  'failed standard, within the deadline': plant(13, {
    sector: 'C1310',
    compliance: [{ standard: 'environment', passed: false, assessed_on: '2024-03-01', rectify_by: '2025-12-01', note: null }],
  }),
  'failed standard, past the deadline': plant(14, {
    sector: 'C1310',
    compliance: [{ standard: 'energy', passed: false, assessed_on: '2023-03-01', rectify_by: '2024-06-01', note: 'kiln' }],
  }),
  'blast furnace of 580 m³': plant(15, {
    equipment: [{ kind: 'blast_furnace', size: 580, unit: 'm3', count: 2, commissioned_year: 2000 }],
  }),
  'converter of unknown size': plant(16, { equipment: [{ kind: 'converter', size: null, unit: null, count: 1, commissioned_year: null }] }),
  'converter of 60 t': plant(34, { equipment: [{ kind: 'converter', size: 60, unit: 't', count: 1, commissioned_year: null }] }),
  'cement above the unit power limit': plant(35, {
    region_code: '150900',
    sector: 'C3011',
    indicators: [indicatorRow(2024, { unit_power_kwh: 120 })],
  }),
  'aluminium smelter above the ladder': plant(17, {
    sector: 'C3216',
    indicators: [indicatorRow(2024, { unit_power_kwh: 13_491, added_value: 1, energy_tce: 1 })],
  }),
  'steel above the unit power limit': plant(18, { region_code: '130200', indicators: [indicatorRow(2024, { unit_power_kwh: 600 })] }),
  'new cement in a key region': plant(19, { region_code: '130500', sector: 'C3011', commissioned_year: 2020, hits: [at('key_region')] }),
  'planned coking in a river basin': plant(20, {
    sector: 'C2521',
    status: 'construction',
    commissioned_year: null,
    hits: [at('river_basin')],
  }),
  'older flat glass in a key region': plant(21, {
    region_code: '130500',
    sector: 'C3041',
    commissioned_year: 2010,
    hits: [at('key_region')],
  }),
  'scattered and dirty outside a park': plant(22, { sector: 'C1310', scattered_dirty: true, in_park: false }),
  'scattered and dirty in a park': plant(23, { sector: 'C1310', scattered_dirty: true, in_park: true, hits: [at('industrial_park')] }),
  'induction furnace at a steelworks': plant(24, {
    sector: 'C3120',
    equipment: [{ kind: 'induction_furnace', size: 10, unit: 't', count: 2, commissioned_year: 2010 }],
  }),
  'cement in the heating season': plant(25, { region_code: '150400', sector: 'C3011', commissioned_year: 2000 }),
  'green factory': plant(26, { sector: 'C1310', green_factory: true }),
  'Baotou steel whose energy intensity fell 10%': plant(27, {
    indicators: [indicatorRow(2015, { energy_tce: 1000, added_value: 1000 }), indicatorRow(2024, { energy_tce: 900, added_value: 1000 })],
  }),
  'Baotou steel without a 2015 baseline': plant(28, { indicators: [indicatorRow(2024, { energy_tce: 900, added_value: 1000 })] }),
  'Baotou steel with zero added value': plant(29, {
    indicators: [indicatorRow(2015, { energy_tce: 1, added_value: 1 }), indicatorRow(2024, { energy_tce: 900, added_value: 0 })],
  }),
  'approximate location 800 m from a reserve': plant(30, {
    sector: 'C2614',
    location_accuracy: 'approximate',
    hits: [at('nature_reserve', 'buffer', 800)],
  }),
  'no region': plant(31, { region_code: null, sector: 'C3120', hits: [at('built_up')] }),
  'retired, in a core zone': plant(32, { status: 'retired', hits: [at('nature_reserve', 'core')] }),
  'unknown scale and park': plant(33, { sector: 'C1310', above_scale: null, in_park: null, scattered_dirty: true }),
};

describe('screenBatch agrees with screenEnterprise', () => {
  it.each(['2025-01-01', '2026-06-01'])('on a plant for each kind of rule, as of %s', (asOf) => {
    expectAgreement(Object.values(FIXTURES), zones, asOf);
  });

  it('and the fixtures reach every rule of the default set and every kind of note', () => {
    const said = [
      ...expectAgreement(Object.values(FIXTURES), zones, '2025-01-01').values(),
      ...expectAgreement(Object.values(FIXTURES), zones, '2026-06-01').values(),
    ];
    const rules = new Set(said.flatMap((s) => s.flags.map((f) => f.rule_id)));
    expect([...rules].sort()).toEqual(RULES.rules.map((r) => r.id).sort());
    const notes = said.flatMap((s) => s.notes.map((n) => n.message));
    expect(notes.some((m) => m.includes('no 2015 baseline'))).toBe(true);
    expect(notes.some((m) => m.includes('added value is 0 in 2024'))).toBe(true);
    expect(notes.some((m) => m.startsWith('location is approximate'))).toBe(true);
    expect(said.some((s) => s.flags.some((f) => f.deadline === null))).toBe(true);
  });

  it('on zero enterprises', () => {
    const out = screenBatch(batchOf([]), zones, new RulePlan(RULES, '2025-01-01'));
    expect(out.flags.key).toHaveLength(0);
    expect(out.evidenceTexts).toEqual([]);
    expect(out.notes.key).toEqual([]);
  });

  it('on plants whose keys are not in input order, and share zones and evidence', () => {
    const twins = [plant(9, { sector: 'C3120', hits: [at('built_up')] }), plant(4, { sector: 'C3120', hits: [at('built_up')] })];
    const out = screenBatch(batchOf(twins), zones, new RulePlan(RULES, '2025-01-01'));
    expect(Array.from(out.flags.key)).toEqual([4, 9]);
    expect(out.evidenceTexts).toHaveLength(1);
    expectAgreement(twins, zones, '2025-01-01');
  });

  it('on 3,000 seeded synthetic plants over 40 zones', () => {
    const many = zoneTable(5);
    const plants = syntheticPlants(3000, 7, many);
    const said = expectAgreement(plants, many, '2025-01-01');
    // Not a vacuous agreement: most kinds of rule fire.
    expect(new Set([...said.values()].flatMap((s) => s.flags.map((f) => f.rule_id))).size).toBeGreaterThan(12);
  });
});
