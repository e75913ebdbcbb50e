/**
 * Imports enterprises from a file. All or nothing by default: rows are validated and staged in a
 * temporary table inside one transaction, and any invalid row rolls the whole import back, so the
 * database is exactly as it was (a process killed part-way leaves it so too: DuckDB keeps nothing
 * of an uncommitted transaction). `skipInvalid` imports the valid rows and reports the rest;
 * `replace` swaps the whole enterprise layer; otherwise rows are upserted by id, keeping each
 * enterprise's key and its indicators, equipment and compliance history.
 *
 * Ids against the database: an id already there is an update. It is refused when the stored
 * enterprise and the row carry different credit codes that both pass their check character —
 * two legal entities under one id, which an upsert would silently merge. A credit code that
 * changes where either side fails its check is a correction, and only warned about.
 */
import { listValue } from '@duckdb/node-api';
import { appendRows } from '../db/bulk.ts';
import type { Database } from '../db/database.ts';
import { bumpDataVersion } from '../db/meta-store.ts';
import { reason } from '../domain/reasons.ts';
import { enterpriseSearchText } from '../domain/search-text.ts';
import { checkedBatches, type ReadProgress } from './checked-records.ts';
import { mapColumns, parseMapOption } from './columns.ts';
import { creditCodesTakenInDatabase, duplicateCreditCodes, duplicateIds, idClashesWithDatabase } from './enterprise-checks.ts';
import { EnterpriseValidator, type ImportedEnterprise } from './enterprise-record.ts';
import { locationContext } from './import-context.ts';
import { recordImport, sha256File } from './import-log.ts';
import { type ImportOptions, importMode } from './import-options.ts';
import { mergeStage } from './merge-enterprises.ts';
import { failedReport, openImportSource } from './open-import-source.ts';
import { ImportFailedError, type ImportReport, ProblemList, problem } from './problems.ts';
import type { SourceFormat } from './readers/record.ts';

export interface ImportEnterprisesOptions extends ImportOptions {
  /** `--map "经度=lon,纬度=lat"` */
  map?: string;
}

/** Formats whose records carry their own geometry; the others need lon/lat columns. */
export const SPATIAL_FORMATS: readonly SourceFormat[] = ['geojson', 'shapefile', 'kml', 'geoparquet'];

const BATCH = 5_000;

export async function importEnterprises(db: Database, options: ImportEnterprisesOptions): Promise<ImportReport> {
  const { file, source, crs } = await openImportSource(options);
  const columns = mapColumns(source.info.headers, parseMapOption(options.map));
  const hasPoint = SPATIAL_FORMATS.includes(source.info.format) || (columns.fields.lon && columns.fields.lat);
  if (!columns.fields.name || !hasPoint) {
    await source.close();
    const missing = [!columns.fields.name && 'name', !hasPoint && 'lon/lat'].filter(Boolean).join(',');
    const why = reason('import_missing_columns', { missing, headers: JSON.stringify(source.info.headers) });
    throw new ImportFailedError(failedReport(file, [problem(1, null, null, why)]));
  }
  const sha256 = await sha256File(options.path);
  const now = new Date();

  return db.transaction(async (tx) => {
    const location = await locationContext(tx, crs);
    await tx.run('CREATE OR REPLACE TEMP TABLE stage_enterprises AS SELECT *, NULL::INTEGER AS _row FROM enterprises LIMIT 0');
    const errors = new ProblemList();
    const warnings = new ProblemList();
    const progress: ReadProgress = { rows: 0, broken: false };
    const badRows = new Set<number>();
    let pending: unknown[][] = [];
    let staged = 0;

    const validator = new EnterpriseValidator(columns, location);
    for await (const batch of checkedBatches(source, errors, warnings, progress, badRows)) {
      for (const raw of batch) {
        const result = validator.validate(raw);
        for (const w of result.warnings) warnings.add(w);
        if (result.errors.length > 0) {
          badRows.add(raw.row);
          for (const p of result.errors) errors.add(p);
        } else if (result.enterprise) pending.push(stageRow(result.enterprise, raw.row, now));
      }
      if (pending.length >= BATCH) {
        staged += await appendRows(tx, 'stage_enterprises', pending);
        pending = [];
      }
      options.onProgress?.(progress.rows);
    }
    staged += await appendRows(tx, 'stage_enterprises', pending);
    pending = [];
    if (progress.rows === 0 && !progress.broken) errors.add(problem(null, null, null, reason('import_no_data_rows')));

    // Checks across rows run in SQL over the staged rows: a million-key Map in JS costs seconds of GC.
    const idField = columns.fields.id ?? columns.fields.credit_code ?? 'id';
    const codeField = columns.fields.credit_code ?? 'credit_code';
    const rejected: number[] = [];
    for (const d of await duplicateIds(tx)) {
      errors.add(problem(d.row, idField, d.id, reason('import_duplicate_id', { first: d.first })));
      rejected.push(d.row);
    }
    for (const d of await duplicateCreditCodes(tx)) {
      warnings.add(problem(d.row, codeField, d.credit_code, reason('import_credit_code_in_file', { other: d.other })));
    }
    if (!options.replace) {
      for (const w of await creditCodesTakenInDatabase(tx, codeField)) warnings.add(w);
      const clashes = await idClashesWithDatabase(tx, idField, codeField);
      for (const w of clashes.warnings) warnings.add(w);
      for (const e of clashes.errors) {
        errors.add(e);
        rejected.push(e.row as number);
      }
    }
    for (const row of rejected) badRows.add(row);
    if (rejected.length > 0) {
      await tx.run('DELETE FROM stage_enterprises WHERE list_contains($rows, _row)', { rows: listValue(rejected) });
      staged -= new Set(rejected).size;
    }

    const report: ImportReport = {
      file,
      imported: 0,
      updated: 0,
      skipped: badRows.size,
      errors: errors.sorted(),
      warnings: warnings.sorted(),
    };
    if (progress.broken || (errors.total > 0 && (!options.skipInvalid || staged === 0))) throw new ImportFailedError(report);

    report.updated = await mergeStage(tx, options.replace === true);
    report.imported = staged;
    await bumpDataVersion(tx);
    await recordImport(tx, {
      username: options.username ?? 'cli',
      layer: 'enterprises',
      fileName: file,
      sha256,
      format: source.info.format,
      ...(source.info.encoding ? { encoding: source.info.encoding } : {}),
      crs: crs.name,
      mode: importMode(options),
      report,
    });
    await tx.run('DROP TABLE stage_enterprises');
    return report;
  });
}

/** A staged row in STAGE_COLUMNS order (the enterprises table's, then _row). */
function stageRow(e: ImportedEnterprise, row: number, now: Date): unknown[] {
  return [
    e.id,
    null,
    e.name,
    e.credit_code,
    e.sector,
    e.region_code,
    e.lon,
    e.lat,
    e.location_accuracy,
    e.status,
    e.commissioned_year,
    e.above_scale,
    e.in_park,
    e.capacity,
    e.capacity_unit,
    e.scattered_dirty,
    e.green_factory,
    e.attributes === null ? null : JSON.stringify(e.attributes),
    now,
    enterpriseSearchText(e),
    row,
  ];
}
