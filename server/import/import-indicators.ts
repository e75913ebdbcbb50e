/**
 * Imports yearly indicators: one row per enterprise and year, the enterprise named by its id or
 * its credit code. A year is upserted as a whole: importing 2023 again replaces each named
 * enterprise's 2023 row (blank cells become empty) and leaves every other year as it was, so a
 * yearly report appends to the history rather than overwriting it. `replace` swaps the whole
 * indicators table. Every enterprise must already exist.
 */
import { appendRecords } from '../db/bulk.ts';
import type { Database } from '../db/database.ts';
import { bumpDataVersion } from '../db/meta-store.ts';
import { type Columns, columnNames, INDICATOR_COLUMNS } from '../db/tables.ts';
import { reason } from '../domain/reasons.ts';
import { checkedBatches, type ReadProgress } from './checked-records.ts';
import { recordImport, sha256File } from './import-log.ts';
import { type ImportOptions, importMode } from './import-options.ts';
import { indicatorColumns } from './indicator-columns.ts';
import { validateIndicator } from './indicator-record.ts';
import { failedReport, openImportSource } from './open-import-source.ts';
import { ImportFailedError, type ImportReport, ProblemList, problem } from './problems.ts';

export interface ImportIndicatorsOptions extends ImportOptions {
  map?: string;
}

const STAGE_COLUMNS: Columns = [...INDICATOR_COLUMNS, ['_ref', 'VARCHAR'], ['_ref_kind', 'VARCHAR'], ['_row', 'INTEGER']];
const BATCH = 20_000;
const COLUMN_LIST = columnNames(INDICATOR_COLUMNS).join(', ');

export async function importIndicators(db: Database, options: ImportIndicatorsOptions): Promise<ImportReport> {
  const { file, source } = await openImportSource({ ...options, crs: 'EPSG:4326' });
  const columns = indicatorColumns.map(source.info.headers, indicatorColumns.parseMap(options.map));
  const missing = [!columns.fields.enterprise_id && !columns.fields.credit_code && 'enterprise_id', !columns.fields.year && 'year'].filter(
    Boolean,
  );
  if (missing.length > 0) {
    await source.close();
    throw new ImportFailedError(
      failedReport(file, [
        problem(
          1,
          null,
          null,
          reason('import_missing_columns', { missing: missing.join(','), headers: JSON.stringify(source.info.headers) }),
        ),
      ]),
    );
  }
  const sha256 = await sha256File(options.path);

  return db.transaction(async (tx) => {
    await tx.run(
      'CREATE OR REPLACE TEMP TABLE stage_indicators AS SELECT *, NULL::VARCHAR AS _ref, NULL::VARCHAR AS _ref_kind, NULL::INTEGER AS _row FROM indicators LIMIT 0',
    );
    const errors = new ProblemList();
    const warnings = new ProblemList();
    const progress: ReadProgress = { rows: 0, broken: false };
    const firstRow = new Map<string, number>();
    const badRows = new Set<number>();
    let pending: Record<string, unknown>[] = [];
    let staged = 0;

    for await (const batch of checkedBatches(source, errors, warnings, progress, badRows)) {
      for (const raw of batch) {
        const result = validateIndicator(raw, columns);
        for (const w of result.warnings) warnings.add(w);
        const ind = result.indicator;
        if (ind) {
          const key = `${ind.refKind}\u0000${ind.ref}\u0000${ind.year}`;
          const seen = firstRow.get(key);
          if (seen !== undefined)
            result.errors.push(
              problem(
                raw.row,
                columns.fields.year ?? 'year',
                ind.year,
                reason('import_indicator_year_twice', { ref: ind.ref, year: ind.year, first: seen }),
              ),
            );
          else firstRow.set(key, raw.row);
        }
        if (result.errors.length > 0) {
          badRows.add(raw.row);
          for (const e of result.errors) errors.add(e);
        } else if (ind) pending.push({ ...ind, enterprise_id: null, _ref: ind.ref, _ref_kind: ind.refKind, _row: raw.row });
      }
      if (pending.length >= BATCH) {
        staged += await appendRecords(tx, 'stage_indicators', STAGE_COLUMNS, pending);
        pending = [];
      }
      options.onProgress?.(progress.rows);
    }
    staged += await appendRecords(tx, 'stage_indicators', STAGE_COLUMNS, pending);
    options.onProgress?.(progress.rows);
    if (progress.rows === 0 && !progress.broken) errors.add(problem(null, null, null, reason('import_no_data_rows')));

    // Name → enterprise. A credit code shared by two enterprises cannot say which one is meant.
    await tx.run(`UPDATE stage_indicators SET enterprise_id = _ref WHERE _ref_kind = 'id' AND _ref IN (SELECT id FROM enterprises)`);
    await tx.run(
      `UPDATE stage_indicators SET enterprise_id = m.id
       FROM (SELECT credit_code, min(id) AS id FROM enterprises WHERE credit_code IS NOT NULL GROUP BY credit_code HAVING count(*) = 1) m
       WHERE _ref_kind = 'credit_code' AND m.credit_code = stage_indicators._ref`,
    );
    const unmatched = await tx.all<{ row: number; ref: string; kind: string; ambiguous: boolean }>(
      `SELECT s._row AS row, s._ref AS ref, s._ref_kind AS kind,
              (SELECT count(*) FROM enterprises e WHERE e.credit_code = s._ref) > 1 AS ambiguous
       FROM stage_indicators s WHERE s.enterprise_id IS NULL ORDER BY s._row`,
    );
    for (const u of unmatched) {
      const field = (u.kind === 'id' ? columns.fields.enterprise_id : columns.fields.credit_code) ?? u.kind;
      const why = reason(
        u.ambiguous ? 'import_credit_code_ambiguous' : u.kind === 'id' ? 'import_no_enterprise_with_id' : 'import_no_enterprise_with_code',
      );
      errors.add(problem(u.row, field, u.ref, why));
      badRows.add(u.row);
    }
    await tx.run('DELETE FROM stage_indicators WHERE enterprise_id IS NULL');
    staged -= unmatched.length;

    const report: ImportReport = {
      file,
      imported: 0,
      updated: 0,
      skipped: badRows.size,
      errors: errors.sorted(),
      warnings: warnings.sorted(),
    };
    if (progress.broken || (errors.total > 0 && (!options.skipInvalid || staged === 0))) throw new ImportFailedError(report);

    if (options.replace) {
      await tx.run('DELETE FROM indicators');
    } else {
      report.updated =
        (
          await tx.one<{ n: number }>(
            'SELECT count(*) AS n FROM indicators i SEMI JOIN stage_indicators s ON s.enterprise_id = i.enterprise_id AND s.year = i.year',
          )
        )?.n ?? 0;
      await tx.run(
        'DELETE FROM indicators i WHERE EXISTS (SELECT 1 FROM stage_indicators s WHERE s.enterprise_id = i.enterprise_id AND s.year = i.year)',
      );
    }
    await tx.run(`INSERT INTO indicators (${COLUMN_LIST}) SELECT ${COLUMN_LIST} FROM stage_indicators ORDER BY _row`);
    // Indicators feed the energy and water rules: their enterprises are re-screened (all, on --replace).
    await tx.run(
      options.replace
        ? 'UPDATE enterprises SET updated_at = current_timestamp::TIMESTAMP'
        : 'UPDATE enterprises SET updated_at = current_timestamp::TIMESTAMP WHERE id IN (SELECT DISTINCT enterprise_id FROM stage_indicators)',
    );
    report.imported = staged;
    await bumpDataVersion(tx);
    await recordImport(tx, {
      username: options.username ?? 'cli',
      layer: 'indicators',
      fileName: file,
      sha256,
      format: source.info.format,
      ...(source.info.encoding ? { encoding: source.info.encoding } : {}),
      mode: importMode(options),
      report,
    });
    await tx.run('DROP TABLE stage_indicators');
    return report;
  });
}
