/**
 * Seeded benchmark of screenBatch, the rule evaluation every screening run spends most of its
 * worker time in:
 *   node --import tsx server/domain/screening/screen-batch.bench.ts [enterprises]
 * One batch of 100,000 synthetic plants as screening cuts them (test-batch.ts, seed 42: the demo's
 * prefectures and sector mix, half of them near or in one of 40 zones, indicators, equipment and
 * failed assessments), against the default rule set as of 2025-01-01. Times the batch on this
 * thread, as each worker does; the median of five runs after a warm-up.
 */
import { readFileSync } from 'node:fs';
import { parseRuleSet } from '../rules/parse-rule-set.ts';
import { RulePlan } from './rule-plan.ts';
import { type BatchOutput, screenBatch } from './screen-batch.ts';
import { batchOf, syntheticPlants, zoneTable } from './test-batch.ts';

const n = Number(process.argv[2] ?? 100_000);
const rules = parseRuleSet(readFileSync(new URL('../../../data/rules/default.json', import.meta.url), 'utf8'), 'default.json');
const zones = zoneTable(5);
const batch = batchOf(syntheticPlants(n, 42, zones));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
// A fresh plan per run: a worker starts each run with empty profile caches.
const run = (): BatchOutput => screenBatch(batch, zones, new RulePlan(rules, '2025-01-01'));

run();
const runs: number[] = [];
let out = run();
for (let k = 0; k < 5; k++) {
  const started = performance.now();
  out = run();
  runs.push(performance.now() - started);
}
const ms = median(runs);
console.log(
  JSON.stringify(
    {
      enterprises: n,
      flags: out.flags.key.length,
      evidence_texts: out.evidenceTexts.length,
      notes: out.notes.key.length,
      'screenBatch (median of 5)': `${ms.toFixed(0)} ms`,
      'per enterprise': `${((ms * 1000) / n).toFixed(2)} µs`,
      runs: runs.map((r) => Math.round(r)),
    },
    null,
    2,
  ),
);
