/**
 * Screens batches on worker threads while the main thread reads the next batch from DuckDB, so
 * loading and evaluating overlap and both cores work. A pool of one evaluates on the main thread.
 * Given zone shapes, the same workers first find the scope's zone hits: starting one set of
 * workers rather than two saves each of them loading its code and warming up again.
 */
import type { Worker } from 'node:worker_threads';
import type { RuleSetT } from '../domain/rules/rule-schema.ts';
import type { BatchInput } from '../domain/screening/batch-columns.ts';
import type { RulePlan } from '../domain/screening/rule-plan.ts';
import { type BatchOutput, screenBatch, type ZoneTable } from '../domain/screening/screen-batch.ts';
import { type HitArrays, ZoneHitFinder, type ZoneShape } from '../domain/screening/zone-hit-finder.ts';
import { typeScriptWorker } from '../worker-thread.ts';
import { findLocally, findOnWorkers } from './zone-hits-pool.ts';

const ENTRY = new URL('./screen-worker.ts', import.meta.url);

/** Zones to find hits against, with how far to look per zone kind. */
export interface HitZones {
  shapes: ZoneShape[];
  bands: ReadonlyMap<string, number>;
}

export class ScreenPool {
  private next = 0;
  private readonly queues: Promise<unknown>[];

  private constructor(
    private readonly workers: Worker[],
    private readonly local: { plan: RulePlan; zones: ZoneTable; finder: ZoneHitFinder | null } | null,
  ) {
    this.queues = workers.map(() => Promise.resolve());
  }

  static async create(ruleSet: RuleSetT, plan: RulePlan, zones: ZoneTable, threads: number, hitZones?: HitZones): Promise<ScreenPool> {
    if (threads <= 1) {
      const finder = hitZones ? new ZoneHitFinder(hitZones.shapes, hitZones.bands) : null;
      return new ScreenPool([], { plan, zones, finder });
    }
    const hits = hitZones ? { shapes: hitZones.shapes, bands: [...hitZones.bands] } : null;
    const workers = await Promise.all(
      Array.from({ length: threads }, async () => {
        const worker = typeScriptWorker(
          ENTRY,
          { ruleSet, asOf: plan.asOf, zones, hits },
          { resourceLimits: { maxYoungGenerationSizeMb: 96 } },
        );
        await new Promise<void>((resolve, reject) => {
          worker.once('message', () => resolve());
          worker.once('error', reject);
        });
        return worker;
      }),
    );
    return new ScreenPool(workers, null);
  }

  /** Zone hits of the points, in point order within each worker's share; needs hitZones. */
  findHits(lon: Float64Array, lat: Float64Array): Promise<HitArrays> {
    if (this.local) {
      if (!this.local.finder) throw new Error('ScreenPool: created without zones to find hits against');
      return Promise.resolve(findLocally(this.local.finder, lon, lat));
    }
    return findOnWorkers(this.workers, lon, lat);
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
          worker.postMessage({ kind: 'batch', batch });
        }),
    );
    this.queues[w] = result.catch(() => undefined);
    return result;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
