/**
 * Spreads zone-hit finding over worker threads (one per core, at most two on the reference
 * machine): points go to the workers through shared memory, hits come back as transferred typed
 * arrays. Small runs stay on the main thread, where starting workers would cost more than it saves.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type HitArrays, HitBuffer, ZoneHitFinder, type ZoneShape } from '../domain/screening/zone-hit-finder.ts';

/** Below this many points one thread is faster than starting workers. */
const PARALLEL_THRESHOLD = 100_000;
const BOOTSTRAP = new URL('./worker-bootstrap.mjs', import.meta.url);
const ENTRY = new URL('./zone-hits-worker.ts', import.meta.url).href;

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
        const worker = new Worker(BOOTSTRAP, { workerData: { entry: ENTRY, zones, bands: [...bands] } });
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
    const n = lon.length;
    if (this.local) {
      const out = new HitBuffer();
      this.local.find(lon, lat, 0, n, out);
      return out.toArrays();
    }
    const workers = n < PARALLEL_THRESHOLD ? this.workers.slice(0, 1) : this.workers;
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
            worker.postMessage({ lon: sharedLon, lat: sharedLat, start: w * share, end: Math.min(n, (w + 1) * share) });
          }),
      ),
    );
    return concat(parts);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
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
