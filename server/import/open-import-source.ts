/**
 * Opens the file an import reads and resolves its CRS. A file that cannot be opened, or names a
 * CRS that cannot be converted, fails the import with a report like any other problem, so the CLI
 * prints it and the web dialog shows it in its table.
 */
import { basename } from 'node:path';
import { crsProblem, type ResolvedCrs, resolveCrs } from './crs.ts';
import type { ImportOptions } from './import-options.ts';
import { ImportFailedError, type ImportReport, type Problem, problem } from './problems.ts';
import { openSourceOffThread } from './readers/off-thread.ts';
import { type Source, SourceError } from './readers/record.ts';

export function failedReport(file: string, errors: Problem[]): ImportReport {
  return { file, imported: 0, updated: 0, skipped: 0, errors, warnings: [] };
}

export interface OpenedImport {
  file: string;
  source: Source;
  crs: ResolvedCrs;
}

export async function openImportSource(options: ImportOptions): Promise<OpenedImport> {
  const file = options.fileName ?? basename(options.path);
  let source: Source;
  try {
    source = await openSourceOffThread(options.path, file, {
      ...(options.layer ? { layer: options.layer } : {}),
      ...(options.encoding ? { encoding: options.encoding } : {}),
      ...(options.unzippedDir ? { unzippedDir: options.unzippedDir } : {}),
    });
  } catch (error) {
    if (error instanceof SourceError) throw new ImportFailedError(failedReport(file, [problem(error.row, null, null, error.reason)]));
    throw error;
  }
  const spec = options.crs ?? source.info.crs;
  try {
    return { file, source, crs: resolveCrs(spec) };
  } catch (error) {
    await source.close();
    const field = options.crs ? '--crs' : source.info.format === 'shapefile' ? '.prj' : 'crs';
    throw new ImportFailedError(failedReport(file, [crsProblem(field, spec, error)]));
  }
}
