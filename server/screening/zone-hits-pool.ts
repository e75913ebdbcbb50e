/**
 * Spreads zone-hit finding over worker threads (one per core, at most two on the reference
 * machine): points go to the workers through shared memory, hits come back as transferred typed
 * arrays. Small runs stay on the main thread, where starting workers would cost more than it saves.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { type HitArrays, HitBuffer, ZoneHitFinder, type ZoneShape } from '../domain/screening/zone-hit-finder.ts';
import { typeScriptWorker } from '../worker-thread.ts';

/** Below this many points one thread is faster than starting workers. */
const PARALLEL_THRESHOLD = 100_000;
const ENTRY = new URL('./zone-hits-worker.ts', import.meta.url);

export class ZoneHitPool {
  private constructor(
    private readonly workers: Worker[],
    private readonly local: ZoneHitFinder | null,
  ) {}

  /** Builds the zone indexes (in each worker, or locally for a single thread). */
  static async create(zones: ZoneShape[], bands: ReadonlyMap<string, number>, threads = defaultThreads()): Promise<ZoneHitPool> {
    if (threads <= 1) return new ZoneHitPool([], new ZoneHitFinder(zones, bands));
    const workers = await Promise.all(
      Array.from({ length: threads }, async () => {
        const worker = typeScriptWorker(ENTRY, { zones, bands: [...bands] });
        await new Promise<void>((resolve, reject) => {
          worker.once('message', () => resolve());
          worker.once('error', reject);
        });
        return worker;
      }),
    );
    return new ZoneHitPool(workers, null);
  }

  get threads(): number {
    return Math.max(1, this.workers.length);
  }

  async find(lon: Float64Array, lat: Float64Array): Promise<HitArrays> {
    if (this.local) return findLocally(this.local, lon, lat);
    return findOnWorkers(this.workers, lon, lat);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** A share of the points for a worker that holds a ZoneHitFinder; answered with its HitArrays. */
export interface HitJob {
  kind: 'hits';
  lon: SharedArrayBuffer;
  lat: SharedArrayBuffer;
  start: number;
  end: number;
}

export function findLocally(finder: ZoneHitFinder, lon: Float64Array, lat: Float64Array): HitArrays {
  const out = new HitBuffer();
  finder.find(lon, lat, 0, lon.length, out);
  return out.toArrays();
}

/** Splits the points over the workers through shared memory and joins their hits in order. */
export async function findOnWorkers(all: readonly Worker[], lon: Float64Array, lat: Float64Array): Promise<HitArrays> {
  const n = lon.length;
  const workers = n < PARALLEL_THRESHOLD ? all.slice(0, 1) : all;
  const sharedLon = new SharedArrayBuffer(n * 8);
  const sharedLat = new SharedArrayBuffer(n * 8);
  new Float64Array(sharedLon).set(lon);
  new Float64Array(sharedLat).set(lat);
  const share = Math.ceil(n / workers.length);
  const parts = await Promise.all(
    workers.map(
      (worker, w) =>
        new Promise<HitArrays>((resolve, reject) => {
          worker.once('message', (hits: HitArrays) => resolve(hits));
          worker.once('error', reject);
          const job: HitJob = { kind: 'hits', lon: sharedLon, lat: sharedLat, start: w * share, end: Math.min(n, (w + 1) * share) };
          worker.postMessage(job);
        }),
    ),
  );
  return concat(parts);
}

/** Answers a HitJob in a worker: the hits travel back as transferred buffers. */
export function answerHitJob(finder: ZoneHitFinder, job: HitJob, reply: (hits: HitArrays, transfer: ArrayBuffer[]) => void): void {
  const out = new HitBuffer();
  finder.find(new Float64Array(job.lon), new Float64Array(job.lat), job.start, job.end, out);
  const hits = out.toArrays();
  reply(hits, [hits.point.buffer, hits.zone.buffer, hits.distance.buffer]);
}

export function defaultThreads(): number {
  return Math.max(1, Math.min(availableParallelism(), 8));
}

function concat(parts: HitArrays[]): HitArrays {
  const total = parts.reduce((s, p) => s + p.point.length, 0);
  const out: HitArrays = { point: new Uint32Array(total), zone: new Uint32Array(total), distance: new Float64Array(total) };
  let o = 0;
  for (const p of parts) {
    out.point.set(p.point, o);
    out.zone.set(p.zone, o);
    out.distance.set(p.distance, o);
    o += p.point.length;
  }
  return out;
}
