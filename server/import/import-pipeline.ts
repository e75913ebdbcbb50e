/**
 * The one way through an import, whichever layer it writes (enterprises, a zone layer, indicators):
 * open the file → recognise its columns → read and check each record → stage the good ones →
 * resolve them against each other and the database → report → all or nothing → merge → log.
 *
 * A layer plugs in what is its own (an ImportLayer): its columns, its record checks, where its rows
 * wait, the checks that need every row or the database, and its merge. What every import promises
 * lives here, once: every problem is reported with its row, field, value and reason; by default
 * any problem fails the whole import and the database is left exactly as it was, because staging
 * (for database staging), resolve, merge and the import log all run in one transaction that the
 * failure rolls back (a process killed part-way leaves nothing either: DuckDB keeps nothing of an
 * uncommitted transaction). `skipInvalid` imports the valid rows and reports the rest; a file that
 * breaks part-way fails whatever the mode.
 */
import type { Database, Queryable } from '../db/database.ts';
import { bumpDataVersion } from '../db/meta-store.ts';
import { type ReasonKey, reason } from '../domain/reasons.ts';
import { checkedBatches, type ReadProgress } from './checked-records.ts';
import type { ResolvedCrs } from './crs.ts';
import { recordImport, sha256File } from './import-log.ts';
import { type ImportOptions, importMode } from './import-options.ts';
import { failedReport, openImportSource } from './open-import-source.ts';
import { ImportFailedError, type ImportReport, type Problem, ProblemList, problem } from './problems.ts';
import type { RawRecord, Source, SourceInfo } from './readers/record.ts';

/** One record as a layer checks it: what to stage, or why not (and what to warn about either way). */
export interface RecordCheck<T> {
  /** Staged when there are no errors. */
  item?: T | undefined;
  errors: Problem[];
  warnings: Problem[];
}

/** What the checks across rows and against the database found once every row was staged. */
export interface Resolution {
  errors: Problem[];
  warnings: Problem[];
  /** The staged rows these checks refused, already taken out of the stage. */
  refused: number[];
}

/** One import of a layer, from its first record to its merge. */
export interface LayerRun<T> {
  /** Checks one record on its own (and against the records before it, when that is cheap). */
  check(raw: RawRecord): RecordCheck<T>;
  /** Keeps checked items for the merge: in a staging table, or in memory. */
  stage(items: readonly T[]): Promise<void>;
  /** Checks that need every row or the database; runs in the import's transaction. */
  resolve(tx: Queryable): Promise<Resolution>;
  /** Moves the staged rows into the layer's tables; answers how many replaced a stored record. */
  merge(tx: Queryable): Promise<number>;
  /** Drops what staging left in the database, once the merge is done. */
  cleanUp?(tx: Queryable): Promise<void>;
}

export interface ImportLayer<T> {
  /** The layer as the import log names it: enterprises, indicators, or the zone kind. */
  readonly name: string;
  /**
   * Where rows wait between their check and the merge. `database`: in a staging table of the
   * import's transaction, so the file is read inside the transaction (large layers, whose rows do
   * not fit in memory). `memory`: the file is read before the transaction begins, which is then
   * held only for resolve and merge (zone layers: few rows, slow to check).
   */
  readonly staging: 'database' | 'memory';
  /** Checked items gathered before each call to `stage`. */
  readonly stageBatch: number;
  /** A CRS that overrides the option and the file's, for layers without coordinates; it is not logged. */
  readonly fixedCrs?: string;
  /** The reason given for a file without a single record. */
  readonly noRecords: ReasonKey;
  /** The columns a file must have that it lacks, by field name: the import fails at row 1 naming them. */
  missingColumns(info: SourceInfo): string[];
  /** Starts a run, reading what its checks need from `q`: the transaction for database staging, else the database. */
  begin(q: Queryable, context: LayerContext): Promise<LayerRun<T>>;
}

export interface LayerContext {
  /** The file's name as reports show it. */
  file: string;
  info: SourceInfo;
  crs: ResolvedCrs;
  /** When the import began: the updated_at of what it writes. */
  now: Date;
}

/** Imports a file into a layer: all or nothing unless `skipInvalid`. Throws ImportFailedError with the report when nothing was imported. */
export async function importLayer<T>(db: Database, layer: ImportLayer<T>, options: ImportOptions): Promise<ImportReport> {
  const { file, source, crs } = await openImportSource(layer.fixedCrs ? { ...options, crs: layer.fixedCrs } : options);
  const missing = layer.missingColumns(source.info);
  if (missing.length > 0) {
    await source.close();
    const why = reason('import_missing_columns', { missing: missing.join(','), headers: JSON.stringify(source.info.headers) });
    throw new ImportFailedError(failedReport(file, [problem(1, null, null, why)]));
  }
  const sha256 = await sha256File(options.path);
  const context: LayerContext = { file, info: source.info, crs, now: new Date() };
  const commit = (tx: Queryable, run: LayerRun<T>, read: ReadResult) =>
    resolveAndMerge(tx, layer, run, read, options, { ...context, sha256 });

  const begin = async (q: Queryable) => {
    try {
      return await layer.begin(q, context);
    } catch (error) {
      // Reading closes the source when it ends; a run that never began must close it here.
      await source.close();
      throw error;
    }
  };

  if (layer.staging === 'database') {
    return db.transaction(async (tx) => {
      const run = await begin(tx);
      return commit(tx, run, await readRecords(layer, run, source, options));
    });
  }
  const run = await begin(db);
  const read = await readRecords(layer, run, source, options);
  return db.transaction((tx) => commit(tx, run, read));
}

interface ReadResult {
  errors: ProblemList;
  warnings: ProblemList;
  progress: ReadProgress;
  /** Rows not imported: refused while reading, by their check, or by the resolve. */
  badRows: Set<number>;
  staged: number;
}

/** Reads every record, checks it and stages the good ones; collects every problem. */
async function readRecords<T>(layer: ImportLayer<T>, run: LayerRun<T>, source: Source, options: ImportOptions): Promise<ReadResult> {
  const read: ReadResult = {
    errors: new ProblemList(),
    warnings: new ProblemList(),
    progress: { rows: 0, broken: false },
    badRows: new Set(),
    staged: 0,
  };
  const { errors, warnings, badRows } = read;
  let pending: T[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    await run.stage(pending);
    read.staged += pending.length;
    pending = [];
  };
  for await (const batch of checkedBatches(source, errors, warnings, read.progress, badRows)) {
    for (const raw of batch) {
      const result = run.check(raw);
      for (const w of result.warnings) warnings.add(w);
      if (result.errors.length > 0) {
        badRows.add(raw.row);
        for (const e of result.errors) errors.add(e);
      } else if (result.item !== undefined) pending.push(result.item);
    }
    if (pending.length >= layer.stageBatch) await flush();
    options.onProgress?.(read.progress.rows);
  }
  await flush();
  options.onProgress?.(read.progress.rows);
  if (read.progress.rows === 0 && !read.progress.broken) errors.add(problem(null, null, null, reason(layer.noRecords)));
  return read;
}

/** Resolves, decides, merges and logs, inside the transaction: any throw here rolls everything back. */
async function resolveAndMerge<T>(
  tx: Queryable,
  layer: ImportLayer<T>,
  run: LayerRun<T>,
  read: ReadResult,
  options: ImportOptions,
  opened: LayerContext & { sha256: string },
): Promise<ImportReport> {
  const { errors, warnings, badRows } = read;
  const resolution = await run.resolve(tx);
  for (const e of resolution.errors) errors.add(e);
  for (const w of resolution.warnings) warnings.add(w);
  for (const row of resolution.refused) badRows.add(row);
  const staged = read.staged - new Set(resolution.refused).size;

  const report: ImportReport = {
    file: opened.file,
    imported: 0,
    updated: 0,
    skipped: badRows.size,
    errors: errors.sorted(),
    warnings: warnings.sorted(),
  };
  // All or nothing: thrown inside the transaction, so whatever was staged or written goes with it.
  if (read.progress.broken || (errors.total > 0 && (!options.skipInvalid || staged === 0))) throw new ImportFailedError(report);

  report.updated = await run.merge(tx);
  report.imported = staged;
  await bumpDataVersion(tx);
  const { info } = opened;
  await recordImport(tx, {
    username: options.username ?? 'cli',
    layer: layer.name,
    fileName: opened.file,
    sha256: opened.sha256,
    format: info.format,
    ...(info.encoding ? { encoding: info.encoding } : {}),
    ...(layer.fixedCrs ? {} : { crs: opened.crs.name }),
    mode: importMode(options),
    report,
  });
  await run.cleanUp?.(tx);
  return report;
}
