/**
 * Opens an import file as a Source whose reading runs on a worker thread, so that the server's
 * event loop stays free while a 200 MB GeoJSON is parsed: health checks and map reads go on being
 * answered during an import. The records arrive in the same batches, with the same errors
 * (SourceError keeps its row and detail), as from openSource itself; a batch is read ahead while
 * the importer validates and stores the one before.
 *
 * Files below GREENLINE_IMPORT_THREAD_MB (default 8) are read in place: they parse in a few
 * milliseconds a batch, less than starting a worker costs.
 */
import { stat } from 'node:fs/promises';
import type { Worker } from 'node:worker_threads';
import { reason } from '../../domain/reasons.ts';
import { typeScriptWorker } from '../../worker-thread.ts';
import { openSource } from './index.ts';
import { type RawRecord, type ReadOptions, type Source, SourceError } from './record.ts';
import type { FromReader, ToReader } from './source-worker.ts';

const ENTRY = new URL('./source-worker.ts', import.meta.url);

let running = 0;
/** Reader threads alive now: each import's ends when its source is closed or read to the end. */
export const readerThreads = () => running;

export function threadThresholdBytes(env: NodeJS.ProcessEnv = process.env): number {
  const mb = Number(env.GREENLINE_IMPORT_THREAD_MB ?? 8);
  return (Number.isFinite(mb) && mb >= 0 ? mb : 8) * 2 ** 20;
}

export async function openSourceOffThread(path: string, label = path, options: ReadOptions = {}): Promise<Source> {
  const { size } = await stat(path);
  if (size < threadThresholdBytes()) return openSource(path, label, options);
  const reader = new Reader(typeScriptWorker(ENTRY, { path, label, options }), label);
  const first = await reader.receive();
  if (first.kind !== 'info') {
    await reader.stop();
    throw reader.error(first);
  }
  return { info: first.info, batches: reader.batches(), close: () => reader.close() };
}

/** The main thread's side of one worker: asks for a batch, receives answers in order. */
class Reader {
  private readonly waiting: { resolve(m: FromReader): void }[] = [];
  private failed: FromReader | null = null;
  private stopped = false;

  constructor(
    private readonly worker: Worker,
    private readonly label: string,
  ) {
    running++;
    worker.on('message', (m: FromReader) => this.waiting.shift()?.resolve(m));
    // A worker that dies (out of memory on a pathological file) fails this read, not the server.
    const die = (message: string) => {
      this.failed = { kind: 'error', source: null, message };
      for (const w of this.waiting.splice(0)) w.resolve(this.failed);
    };
    worker.on('error', (error) => die(error.message));
    worker.on('exit', (code) => {
      running--;
      this.stopped = true;
      die(`the reader stopped (exit code ${code})`);
    });
  }

  receive(ask?: ToReader): Promise<FromReader> {
    if (this.failed) return Promise.resolve(this.failed);
    return new Promise((resolve) => {
      this.waiting.push({ resolve });
      if (ask) this.worker.postMessage(ask);
    });
  }

  async *batches(): AsyncGenerator<RawRecord[]> {
    let ahead = this.receive('next');
    try {
      for (;;) {
        const message = await ahead;
        if (message.kind === 'end') return;
        if (message.kind !== 'batch') throw this.error(message);
        ahead = this.receive('next');
        yield message.batch as RawRecord[];
      }
    } finally {
      await this.close();
    }
  }

  error(message: FromReader): Error {
    if (message.kind !== 'error') return new Error(`the reader of ${this.label} answered ${message.kind} out of turn`);
    if (message.source) return new SourceError(message.source.file, message.source.row, message.source.reason);
    return new SourceError(this.label, null, reason('import_read_failed', { detail: message.message }));
  }

  /** Lets the reader release what it holds (temporary files), then ends the thread. */
  close(): Promise<void> {
    // Once: the batches' end and the importer both close the source.
    this.closing ??= (async () => {
      if (this.stopped) return;
      // Answers still on their way come first; the reader answers 'close' after them.
      await this.receive('close');
      await this.stop();
    })();
    return this.closing;
  }

  private closing: Promise<void> | null = null;

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.worker.terminate();
  }
}
