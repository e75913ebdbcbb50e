/**
 * Worker entry: reads one import file with the ordinary readers (index.ts) and hands its batches
 * to the main thread one at a time, when asked (off-thread.ts). The parse — JSON.parse of a large
 * GeoJSON, a KML DOM, a workbook, CSV decoding — runs here, never on the server's event loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Reason } from '../../domain/reasons.ts';
import { openSource } from './index.ts';
import type { ReadOptions, Source } from './record.ts';
import { SourceError } from './record.ts';

export type FromReader =
  | { kind: 'info'; info: Source['info'] }
  | { kind: 'batch'; batch: unknown[] }
  | { kind: 'end' }
  | { kind: 'closed' }
  | { kind: 'error'; source: { file: string; row: number | null; reason: Reason } | null; message: string };

export type ToReader = 'next' | 'close';

const port = parentPort;
if (!port) throw new Error('source-worker.ts runs as a worker thread');
const { path, label, options } = workerData as { path: string; label: string; options: ReadOptions };

const failure = (error: unknown): FromReader => ({
  kind: 'error',
  source: error instanceof SourceError ? { file: error.file, row: error.row, reason: error.reason } : null,
  message: error instanceof Error ? error.message : String(error),
});

try {
  const source = await openSource(path, label, options);
  const batches = source.batches[Symbol.asyncIterator]();
  // One message at a time, answered in the order asked: the main thread matches answers to asks.
  let turn = Promise.resolve();
  const answer = async (message: ToReader) => {
    if (message === 'close') {
      await source.close();
      port.postMessage({ kind: 'closed' } satisfies FromReader);
      return;
    }
    try {
      const next = await batches.next();
      port.postMessage((next.done ? { kind: 'end' } : { kind: 'batch', batch: next.value }) satisfies FromReader);
    } catch (error) {
      port.postMessage(failure(error));
    }
  };
  port.on('message', (message: ToReader) => {
    turn = turn.then(() => answer(message));
  });
  port.postMessage({ kind: 'info', info: source.info } satisfies FromReader);
} catch (error) {
  port.postMessage(failure(error));
}
