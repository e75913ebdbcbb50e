/** Worker thread: finds zone hits for its share of the points (see zone-hits-pool.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { HitBuffer, ZoneHitFinder, type ZoneShape } from '../domain/screening/zone-hit-finder.ts';

interface Job {
  lon: SharedArrayBuffer;
  lat: SharedArrayBuffer;
  start: number;
  end: number;
}

const { zones, bands } = workerData as { zones: ZoneShape[]; bands: [string, number][] };
const finder = new ZoneHitFinder(zones, new Map(bands));
parentPort?.postMessage({ ready: true });
parentPort?.on('message', (job: Job) => {
  const out = new HitBuffer();
  finder.find(new Float64Array(job.lon), new Float64Array(job.lat), job.start, job.end, out);
  const hits = out.toArrays();
  parentPort?.postMessage(hits, [hits.point.buffer, hits.zone.buffer, hits.distance.buffer]);
});
