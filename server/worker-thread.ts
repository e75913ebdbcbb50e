/**
 * Worker threads running TypeScript modules. A worker does not inherit the TypeScript loader the
 * main thread was started with (tsx). It runs the entry's JavaScript build when that build is
 * fresh (bin/cli-bundle.js builds the worker entries with the CLI); otherwise it starts from
 * worker-bootstrap.mjs, which registers the loader and imports the entry named in workerData:
 * correct but about two seconds of CPU slower to start.
 */
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { builtWorker } from '../bin/cli-bundle.js';

const BOOTSTRAP = new URL('./worker-bootstrap.mjs', import.meta.url);

export function typeScriptWorker(entry: URL, data: Record<string, unknown>, options: Omit<WorkerOptions, 'workerData'> = {}): Worker {
  const built = builtWorker(fileURLToPath(entry));
  if (built) return new Worker(built, { ...options, workerData: data });
  return new Worker(BOOTSTRAP, { ...options, workerData: { ...data, entry: entry.href } });
}
