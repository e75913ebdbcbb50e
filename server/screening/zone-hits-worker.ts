/** Worker thread: finds zone hits for its share of the points (see zone-hits-pool.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { ZoneHitFinder, type ZoneShape } from '../domain/screening/zone-hit-finder.ts';
import { answerHitJob, type HitJob } from './zone-hits-pool.ts';

const { zones, bands } = workerData as { zones: ZoneShape[]; bands: [string, number][] };
const finder = new ZoneHitFinder(zones, new Map(bands));
parentPort?.postMessage({ ready: true });
parentPort?.on('message', (job: HitJob) => answerHitJob(finder, job, (hits, transfer) => parentPort?.postMessage(hits, transfer)));
