/**
 * Import progress on stderr: a bar with rows per second on a terminal, a line every few seconds
 * in a log, nothing with --json (stdout must stay one object, and a script reading it does not
 * want stderr noise either). Short imports finish before anything is shown.
 */
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { SingleBar } from 'cli-progress';
import { cliIo } from './cli-io.ts';

const SHOW_AFTER_MS = 1000;
const LOG_EVERY_MS = 2000;

export interface Progress {
  update(rows: number): void;
  stop(): void;
}

const NONE: Progress = { update: () => undefined, stop: () => undefined };

/** Lines in a text file, a good estimate of its rows; other formats have no cheap count. */
export async function estimateRows(path: string): Promise<number | undefined> {
  if (!['.csv', '.txt', '.tsv'].includes(extname(path).toLowerCase())) return undefined;
  const file = await open(path);
  try {
    const buffer = Buffer.alloc(1 << 20);
    let lines = 0;
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length);
      if (bytesRead === 0) break;
      for (let at = buffer.indexOf(10); at !== -1 && at < bytesRead; at = buffer.indexOf(10, at + 1)) lines++;
    }
    return Math.max(lines - 1, 1);
  } finally {
    await file.close();
  }
}

export function importProgress(json: boolean, label: string, total: number | undefined): Progress {
  if (json) return NONE;
  const started = Date.now();
  const rate = (rows: number) => Math.round(rows / Math.max((Date.now() - started) / 1000, 0.001)).toLocaleString('en');
  const io = cliIo();
  // A bar needs a terminal of this process; through the server the terminal is the caller's.
  if (!io.stderrIsTTY || io.server) {
    let last = started;
    return {
      update(rows) {
        const now = Date.now();
        if (now - last < LOG_EVERY_MS) return;
        last = now;
        io.stderr(`  ${label}: ${rows.toLocaleString('en')} rows read, ${rate(rows)} rows/s\n`);
      },
      stop: () => undefined,
    };
  }
  const bar = new SingleBar({
    format: `  ${label} |{bar}| {value} / {total} rows · {speed} rows/s · {duration_formatted}`,
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: false,
    etaBuffer: 50,
  });
  let shown = false;
  return {
    update(rows) {
      if (!shown) {
        if (Date.now() - started < SHOW_AFTER_MS) return;
        bar.start(Math.max(total ?? rows, rows), rows, { speed: rate(rows) });
        shown = true;
      }
      if (rows > bar.getTotal()) bar.setTotal(rows);
      bar.update(rows, { speed: rate(rows) });
    },
    stop() {
      if (shown) bar.stop();
    },
  };
}
