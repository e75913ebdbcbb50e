/**
 * CSV (and tab-separated text) through Papa Parse, streamed so a million-row file never sits in
 * memory whole: the parser pauses whenever a batch of rows waits to be consumed. The encoding is
 * detected from the first 64 KiB (UTF-8 with or without BOM, GBK/GB18030 and others) unless
 * given, and the delimiter from the header line.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { reason } from '../../domain/reasons.ts';
import { type DetectedEncoding, detectEncoding, encodingFromLabel, UNDECODABLE } from '../encoding.ts';
import { type RawRecord, type ReadOptions, type Source, SourceError, uniqueHeaders } from './record.ts';

const SAMPLE_BYTES = 64 * 1024;
/** Longer than any honest row; a larger one is almost always a quote left open. */
export const MAX_RECORD_CHARS = 1024 * 1024;
/** Rows parsed ahead of the importer before the parser pauses. */
const HIGH_WATER = 2_000;

async function readSample(path: string): Promise<{ bytes: Uint8Array; complete: boolean }> {
  const file = await open(path);
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await file.read(buffer, 0, SAMPLE_BYTES, 0);
    return { bytes: buffer.subarray(0, bytesRead), complete: bytesRead < SAMPLE_BYTES };
  } finally {
    await file.close();
  }
}

/** The most frequent of , tab ; | outside quotes on the first line. */
export function detectDelimiter(firstLine: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    ['\t', 0],
    [';', 0],
    ['|', 0],
  ]);
  let quoted = false;
  for (const c of firstLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && counts.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > (counts.get(best) ?? 0)) best = d;
  return best;
}

function bomLength(detected: DetectedEncoding): number {
  if (!detected.bom) return 0;
  return detected.encoding === 'utf-8' ? 3 : 2;
}

/** Papa Parse's step callback, turned into batches pulled one at a time, with backpressure. */
function parseRows(text: NodeJS.ReadableStream, delimiter: string, label: string) {
  let pending: string[][] = [];
  let ended = false;
  let failure: Error | undefined;
  let paused: Papa.Parser | undefined;
  let running: Papa.Parser | undefined;
  let wake: (() => void) | undefined;
  let row = 0;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const fail = (parser: Papa.Parser, error: SourceError) => {
    failure = error;
    parser.abort();
    notify();
  };
  Papa.parse<string[]>(text as unknown as Papa.LocalFile, {
    delimiter,
    skipEmptyLines: 'greedy',
    step(result, parser) {
      running = parser;
      row++;
      const quoteError = result.errors.find((e) => e.type === 'Quotes');
      if (quoteError) {
        const why =
          quoteError.code === 'MissingQuotes'
            ? reason('import_quote_unclosed')
            : reason('import_quote_malformed', { detail: quoteError.message });
        fail(parser, new SourceError(label, row, why));
        return;
      }
      let length = 0;
      for (const cell of result.data) length += cell.length;
      if (length > MAX_RECORD_CHARS) {
        fail(parser, new SourceError(label, row, reason('import_row_too_long', { max: MAX_RECORD_CHARS })));
        return;
      }
      pending.push(result.data);
      if (pending.length >= HIGH_WATER) {
        parser.pause();
        paused = parser;
        notify();
      }
    },
    complete() {
      ended = true;
      notify();
    },
    error(error) {
      failure = new SourceError(label, row, reason('import_csv_failed', { detail: error.message }));
      notify();
    },
  });

  /** The rows parsed so far (at most HIGH_WATER), or undefined at the end. Rows come before a failure. */
  async function next(): Promise<string[][] | undefined> {
    for (;;) {
      if (pending.length > 0 && (paused || ended || failure)) {
        const batch = pending;
        pending = [];
        if (paused) {
          const p = paused;
          paused = undefined;
          p.resume();
        }
        return batch;
      }
      if (failure) throw failure;
      if (ended) return undefined;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  }
  return { next, abort: () => (paused ?? running)?.abort() };
}

export async function readCsv(path: string, label: string, options: ReadOptions = {}): Promise<Source> {
  const sample = await readSample(path);
  if (sample.bytes.length === 0) throw new SourceError(label, null, reason('import_file_empty'));
  const sniffed = detectEncoding(sample.bytes, sample.complete);
  const detected: DetectedEncoding = options.encoding
    ? { encoding: encodingFromLabel(options.encoding), bom: sniffed.bom, by: 'declared' }
    : sniffed;
  const head = iconv.decode(Buffer.from(sample.bytes.subarray(bomLength(detected))), detected.encoding);
  const delimiter = detectDelimiter(head.split(/\r?\n/, 1)[0] ?? '');

  const bytes = createReadStream(path, { start: bomLength(detected), highWaterMark: 32 * 1024 });
  const text: NodeJS.ReadableStream =
    detected.encoding === 'utf-8' ? bytes.setEncoding('utf8') : bytes.pipe(iconv.decodeStream(detected.encoding));
  const parsed = parseRows(text, delimiter, label);
  const close = async () => {
    parsed.abort();
    bytes.destroy();
  };
  let first: string[][] | undefined;
  try {
    first = await parsed.next();
  } catch (error) {
    await close();
    throw error;
  }
  const headers = uniqueHeaders((first?.[0] ?? []).map((h) => h.trim()));
  if (headers.every((h) => h === '')) {
    await close();
    throw new SourceError(label, 1, reason('import_no_header'));
  }

  function toRecords(rows: string[][], from: number, firstRow: number): RawRecord[] {
    const out: RawRecord[] = [];
    for (let r = from; r < rows.length; r++) {
      const cells = rows[r] as string[];
      const values: Record<string, unknown> = {};
      let undecodable: string[] | undefined;
      const n = Math.min(cells.length, headers.length);
      for (let i = 0; i < n; i++) {
        const header = headers[i] as string;
        if (header === '') continue;
        const cell = (cells[i] as string).trim();
        values[header] = cell === '' ? null : cell;
        if (cell.includes(UNDECODABLE)) {
          undecodable ??= [];
          undecodable.push(header);
        }
      }
      out.push(undecodable ? { row: firstRow + r - from, values, undecodable } : { row: firstRow + r - from, values });
    }
    return out;
  }

  async function* batches(): AsyncGenerator<RawRecord[]> {
    let row = 2;
    if (first && first.length > 1) {
      yield toRecords(first, 1, row);
      row += first.length - 1;
    }
    for (;;) {
      const rows = await parsed.next();
      if (!rows) return;
      yield toRecords(rows, 0, row);
      row += rows.length;
    }
  }
  return {
    info: { format: 'csv', encoding: detected.encoding, encodingBy: detected.by, headers, notes: [] },
    batches: batches(),
    close,
  };
}
