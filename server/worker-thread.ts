/**
 * Worker threads running TypeScript modules. A worker does not inherit the TypeScript loader the
 * main thread was started with (tsx), so each starts from worker-bootstrap.mjs, which registers it
 * and imports the entry named in workerData.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

const BOOTSTRAP = new URL('./worker-bootstrap.mjs', import.meta.url);

export function typeScriptWorker(entry: URL, data: Record<string, unknown>, options: Omit<WorkerOptions, 'workerData'> = {}): Worker {
  return new Worker(BOOTSTRAP, { ...options, workerData: { ...data, entry: entry.href } });
}
