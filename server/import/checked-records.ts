/**
 * Reads a source's record batches for an importer: enforces the row limit, turns a file that
 * breaks part-way (an unclosed quote, a truncated .shp) into a reported error rather than a crash,
 * refuses rows whose text cannot be stored (see record-text.ts), and passes the reader's notes on
 * as warnings.
 */
import { reason } from '../domain/reasons.ts';
import { yieldToEventLoop } from '../event-loop.ts';
import { importLimits } from './limits.ts';
import { type ProblemList, problem } from './problems.ts';
import { type RawRecord, type Source, SourceError } from './readers/record.ts';
import { RecordTextCheck } from './record-text.ts';

export interface ReadProgress {
  rows: number;
  /** The file could not be read to its end; the import must fail whatever the mode. */
  broken: boolean;
}

/** Drops the records whose text is refused (reporting them, and adding their rows to `refused`). */
function checkText(
  batch: RawRecord[],
  check: RecordTextCheck,
  errors: ProblemList,
  warnings: ProblemList,
  refused: Set<number>,
): RawRecord[] {
  let kept: RawRecord[] | undefined;
  for (let i = 0; i < batch.length; i++) {
    const raw = batch[i] as RawRecord;
    const found = check.check(raw);
    if (found) {
      for (const w of found.warnings) warnings.add(w);
      for (const e of found.errors) errors.add(e);
    }
    if (found && found.errors.length > 0) {
      refused.add(raw.row);
      kept ??= batch.slice(0, i);
    } else kept?.push(raw);
  }
  return kept ?? batch;
}

/** Rows refused here are added to `refused`, for the importer to count as skipped. */
export async function* checkedBatches(
  source: Source,
  errors: ProblemList,
  warnings: ProblemList,
  progress: ReadProgress,
  refused: Set<number>,
  maxRows = importLimits().maxRows,
): AsyncGenerator<RawRecord[]> {
  for (const note of source.info.notes) warnings.add(problem(null, null, null, note));
  const check = new RecordTextCheck(source.info);
  try {
    for await (let batch of source.batches) {
      if (progress.rows + batch.length > maxRows) {
        batch = batch.slice(0, maxRows - progress.rows);
        const next = batch.length > 0 ? (batch[batch.length - 1] as RawRecord).row + 1 : null;
        errors.add(problem(next, null, null, reason('import_too_many_rows', { max: maxRows, setting: 'GREENLINE_MAX_IMPORT_ROWS' })));
        progress.broken = true;
      }
      progress.rows += batch.length;
      // The importer validates and stores each batch synchronously: a turn of the event loop
      // between batches keeps the server answering during a large import.
      await yieldToEventLoop();
      yield checkText(batch, check, errors, warnings, refused);
      if (progress.broken) return;
    }
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    errors.add(problem(error.row, null, null, error.reason));
    progress.broken = true;
  } finally {
    await source.close();
  }
}
