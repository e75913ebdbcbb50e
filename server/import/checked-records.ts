/**
 * Reads a source's record batches for an importer: enforces the row limit, turns a file that
 * breaks part-way (an unclosed quote, a truncated .shp) into a reported error rather than a crash,
 * warns about text the detected encoding could not decode, and passes the reader's notes on as
 * warnings.
 */
import { importLimits } from './limits.ts';
import { type ProblemList, problem } from './problems.ts';
import { type RawRecord, type Source, SourceError } from './readers/record.ts';

export interface ReadProgress {
  rows: number;
  /** The file could not be read to its end; the import must fail whatever the mode. */
  broken: boolean;
}

function warnUndecodable(batch: readonly RawRecord[], encoding: string, warnings: ProblemList): void {
  for (const raw of batch) {
    if (!raw.undecodable) continue;
    for (const field of raw.undecodable) {
      warnings.add(
        problem(
          raw.row,
          field,
          raw.values[field],
          `holds bytes that are not valid ${encoding}; the text is garbled (is the file in another encoding? try --encoding)`,
        ),
      );
    }
  }
}

export async function* checkedBatches(
  source: Source,
  errors: ProblemList,
  warnings: ProblemList,
  progress: ReadProgress,
  maxRows = importLimits().maxRows,
): AsyncGenerator<RawRecord[]> {
  for (const note of source.info.notes) warnings.add(problem(null, null, null, note));
  const encoding = source.info.encoding;
  try {
    for await (let batch of source.batches) {
      if (progress.rows + batch.length > maxRows) {
        batch = batch.slice(0, maxRows - progress.rows);
        const next = batch.length > 0 ? (batch[batch.length - 1] as RawRecord).row + 1 : null;
        errors.add(
          problem(
            next,
            null,
            null,
            `the file has more than ${maxRows.toLocaleString('en')} rows, the import limit (GREENLINE_MAX_IMPORT_ROWS); split it`,
          ),
        );
        progress.broken = true;
      }
      progress.rows += batch.length;
      warnUndecodable(batch, encoding ?? 'the detected encoding', warnings);
      yield batch;
      if (progress.broken) return;
    }
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    errors.add(problem(error.row, null, null, error.detail));
    progress.broken = true;
  } finally {
    await source.close();
  }
}
