/**
 * factsOfBatch (screening/screen-batch.ts), which relocation uses to screen a plant at many sites:
 * the plain facts it builds from a batch's columns are those screening reads, and screen alike.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRuleSet } from '../rules/parse-rule-set.ts';
import { RulePlan } from '../screening/rule-plan.ts';
import { factsOfBatch } from '../screening/screen-batch.ts';
import { screenEnterprise } from '../screening/screen-enterprise.ts';
import { batchOf, factsOf, syntheticPlants, zoneTable } from '../screening/test-batch.ts';

const RULES = parseRuleSet(readFileSync(new URL('../../../data/rules/default.json', import.meta.url), 'utf8'), 'default.json');

describe('factsOfBatch', () => {
  it('gives each row as the facts screening reads, in key order', () => {
    const zones = zoneTable(2);
    const plants = syntheticPlants(400, 11, zones);
    const asOf = '2024-06-30';
    const facts = factsOfBatch(batchOf(plants), zones, asOf);
    expect(facts).toEqual(plants.map((p) => factsOf(p, zones, asOf)));
  });

  it('screens to the same flags as the facts built by hand', () => {
    const zones = zoneTable(2);
    const plants = syntheticPlants(400, 12, zones);
    const plan = new RulePlan(RULES, '2020-06-30');
    const facts = factsOfBatch(batchOf(plants), zones, plan.asOf);
    const flags = facts.map((f) => screenEnterprise(f, plan).flags);
    expect(flags).toEqual(plants.map((p) => screenEnterprise(factsOf(p, zones, plan.asOf), plan).flags));
    expect(flags.flat().length).toBeGreaterThan(50);
  });

  it('zero enterprises', () => {
    expect(factsOfBatch(batchOf([]), zoneTable(), '2024-01-01')).toEqual([]);
  });
});
