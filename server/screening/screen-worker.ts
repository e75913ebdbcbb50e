/** Worker thread: screens batches of enterprises with the rule set and zones it was started with. */
import { parentPort, workerData } from 'node:worker_threads';
import type { RuleSetT } from '../domain/rules/rule-schema.ts';
import { type BatchInput, planOf, screenBatch, type ZoneTable } from '../domain/screening/screen-batch.ts';

const { ruleSet, asOf, zones } = workerData as { ruleSet: RuleSetT; asOf: string; zones: ZoneTable };
const plan = planOf(ruleSet, asOf);
parentPort?.postMessage({ ready: true });
parentPort?.on('message', (batch: BatchInput) => {
  parentPort?.postMessage(screenBatch(batch, zones, plan));
});
