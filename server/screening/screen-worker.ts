/**
 * Worker thread: finds zone hits for its share of the points (when started with zones), then
 * screens batches of enterprises with the rule set and zones it was started with.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { RuleSetT } from '../domain/rules/rule-schema.ts';
import type { BatchInput } from '../domain/screening/batch-columns.ts';
import { planOf, screenBatch, type ZoneTable } from '../domain/screening/screen-batch.ts';
import { ZoneHitFinder, type ZoneShape } from '../domain/screening/zone-hit-finder.ts';
import { answerHitJob, type HitJob } from './zone-hits-pool.ts';

const { ruleSet, asOf, zones, hits } = workerData as {
  ruleSet: RuleSetT;
  asOf: string;
  zones: ZoneTable;
  hits: { shapes: ZoneShape[]; bands: [string, number][] } | null;
};
const plan = planOf(ruleSet, asOf);
const finder = hits ? new ZoneHitFinder(hits.shapes, new Map(hits.bands)) : null;
parentPort?.postMessage({ ready: true });
parentPort?.on('message', (message: HitJob | { kind: 'batch'; batch: BatchInput }) => {
  if (message.kind === 'batch') {
    parentPort?.postMessage(screenBatch(message.batch, zones, plan));
    return;
  }
  if (!finder) throw new Error('screen worker: asked for zone hits without zones');
  answerHitJob(finder, message, (found, transfer) => parentPort?.postMessage(found, transfer));
});
