/**
 * The worker pool screens as the main thread does: batches sent to two worker threads come back
 * exactly as screenBatch answers them on this thread, in the order they were sent.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRuleSet } from '../domain/rules/parse-rule-set.ts';
import { RulePlan } from '../domain/screening/rule-plan.ts';
import { screenBatch } from '../domain/screening/screen-batch.ts';
import { batchOf, syntheticPlants, zoneTable } from '../domain/screening/test-batch.ts';
import { ScreenPool } from './screen-pool.ts';

const RULES = parseRuleSet(readFileSync(new URL('../../data/rules/default.json', import.meta.url), 'utf8'), 'default.json');

describe('ScreenPool', () => {
  it('on two threads gives what one thread gives, batch by batch', async () => {
    const zones = zoneTable(5);
    const plan = new RulePlan(RULES, '2025-01-01');
    const plants = syntheticPlants(4000, 11, zones);
    // Five batches, so that each worker screens more than one and their answers interleave.
    const batches = [0, 800, 1600, 2400, 3200].map((from) => batchOf(plants.slice(from, from + 800)));
    const expected = batches.map((b) => screenBatch(b, zones, new RulePlan(RULES, plan.asOf)));
    expect(expected.reduce((n, out) => n + out.flags.key.length, 0)).toBeGreaterThan(1000);

    const pool = await ScreenPool.create(RULES, plan, zones, 2);
    try {
      const answers = await Promise.all(batches.map((b) => pool.screen(b)));
      expect(answers).toEqual(expected);
    } finally {
      await pool.close();
    }
  });

  it('of one thread screens on this thread, as screenBatch does', async () => {
    const zones = zoneTable(2);
    const plan = new RulePlan(RULES, '2026-06-01');
    const batch = batchOf(syntheticPlants(500, 3, zones));
    const pool = await ScreenPool.create(RULES, plan, zones, 1);
    try {
      expect(await pool.screen(batch)).toEqual(screenBatch(batch, zones, new RulePlan(RULES, plan.asOf)));
    } finally {
      await pool.close();
    }
  });
});
