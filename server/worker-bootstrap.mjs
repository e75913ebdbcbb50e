// Worker threads do not inherit the TypeScript loader registered in the main thread (tsx), so each
// worker registers it before importing its TypeScript entry, named in workerData.entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
