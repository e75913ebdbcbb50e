/**
 * Screens batches on worker threads while the main thread reads the next batch from DuckDB, so
 * loading and evaluating overlap and both cores work. A pool of one evaluates on the main thread.
 */
import { Worker } from 'node:worker_threads';
import type { RuleSetT } from '../domain/rules/rule-schema.ts';
import type { RulePlan } from '../domain/screening/rule-plan.ts';
import { type BatchInput, type BatchOutput, screenBatch, type ZoneTable } from '../domain/screening/screen-batch.ts';

const BOOTSTRAP = new URL('./worker-bootstrap.mjs', import.meta.url);
const ENTRY = new URL('./screen-worker.ts', import.meta.url).href;

export class ScreenPool {
  private next = 0;
  private readonly queues: Promise<unknown>[];

  private constructor(
    private readonly workers: Worker[],
    private readonly local: { plan: RulePlan; zones: ZoneTable } | null,
  ) {
    this.queues = workers.map(() => Promise.resolve());
  }

  static async create(ruleSet: RuleSetT, plan: RulePlan, zones: ZoneTable, threads: number): Promise<ScreenPool> {
    if (threads <= 1) return new ScreenPool([], { plan, zones });
    const workers = await Promise.all(
      Array.from({ length: threads }, async () => {
        const worker = new Worker(BOOTSTRAP, {
          workerData: { entry: ENTRY, ruleSet, asOf: plan.asOf, zones },
          resourceLimits: { maxYoungGenerationSizeMb: 96 },
        });
        await new Promise<void>((resolve, reject) => {
          worker.once('message', () => resolve());
          worker.once('error', reject);
        });
        return worker;
      }),
    );
    return new ScreenPool(workers, null);
  }

  /** Screens one batch; batches go to the workers in turn, each worker's in order. */
  screen(batch: BatchInput): Promise<BatchOutput> {
    if (this.local) return Promise.resolve(screenBatch(batch, this.local.zones, this.local.plan));
    const w = this.next++ % this.workers.length;
    const worker = this.workers[w] as Worker;
    const result = (this.queues[w] as Promise<unknown>).then(
      () =>
        new Promise<BatchOutput>((resolve, reject) => {
          const onError = (error: Error) => reject(error);
          worker.once('error', onError);
          worker.once('message', (out: BatchOutput) => {
            worker.off('error', onError);
            resolve(out);
          });
          worker.postMessage(batch);
        }),
    );
    this.queues[w] = result.catch(() => undefined);
    return result;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
