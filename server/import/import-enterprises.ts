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
import type { Database, Queryable } from '../db/database.ts';
import { bumpDataVersion } from '../db/meta-store.ts';
import { REBUILD_THRESHOLD, rebuildTable } from '../db/rebuild-table.ts';
import { columnNames, ENTERPRISE_COLUMNS } from '../db/tables.ts';
import { creditCodeProblem } from '../domain/credit-code.ts';
import { checkedBatches, type ReadProgress } from './checked-records.ts';
import { mapColumns, parseMapOption } from './columns.ts';
import { EnterpriseValidator, type ImportedEnterprise } from './enterprise-record.ts';
import { locationContext } from './import-context.ts';
import { recordImport, sha256File } from './import-log.ts';
import { type ImportOptions, importMode } from './import-options.ts';
import { failedReport, openImportSource } from './open-import-source.ts';
import { ImportFailedError, type ImportReport, type Problem, ProblemList, problem } from './problems.ts';
import type { SourceFormat } from './readers/record.ts';

export interface ImportEnterprisesOptions extends ImportOptions {
  /** `--map "经度=lon,纬度=lat"` */
  map?: string;
}

/** Formats whose records carry their own geometry; the others need lon/lat columns. */
export const SPATIAL_FORMATS: readonly SourceFormat[] = ['geojson', 'shapefile', 'kml', 'geoparquet'];

const BATCH = 5_000;
const COLUMN_LIST = columnNames(ENTERPRISE_COLUMNS).join(', ');
/** Tables keyed by enterprise_id that a --replace clears for enterprises no longer present. */
const CHILD_TABLES = ['indicators', 'equipment', 'compliance'] as const;

export async function importEnterprises(db: Database, options: ImportEnterprisesOptions): Promise<ImportReport> {
  const { file, source, crs } = await openImportSource(options);
  const columns = mapColumns(source.info.headers, parseMapOption(options.map));
  const hasPoint = SPATIAL_FORMATS.includes(source.info.format) || (columns.fields.lon && columns.fields.lat);
  if (!columns.fields.name || !hasPoint) {
    await source.close();
    const missing = [!columns.fields.name && 'name', !hasPoint && 'lon/lat'].filter(Boolean).join(' and ');
    throw new ImportFailedError(
      failedReport(file, [
        problem(1, null, null, `no ${missing} column among headers ${JSON.stringify(source.info.headers)}; use --map "HEADER=field"`),
      ]),
    );
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
    for await (const batch of checkedBatches(source, errors, warnings, progress)) {
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
    if (progress.rows === 0 && !progress.broken) errors.add(problem(null, null, null, 'the file has no data rows'));

    // Checks across rows run in SQL over the staged rows: a million-key Map in JS costs seconds of GC.
    const idField = columns.fields.id ?? columns.fields.credit_code ?? 'id';
    const codeField = columns.fields.credit_code ?? 'credit_code';
    const rejected: number[] = [];
    for (const d of await duplicateIds(tx)) {
      errors.add(problem(d.row, idField, d.id, `duplicate id; first used at row ${d.first}`));
      rejected.push(d.row);
    }
    for (const d of await duplicateCreditCodes(tx)) {
      warnings.add(problem(d.row, codeField, d.credit_code, `credit code already used by enterprise ${d.other} in this file`));
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

/** Every staged row whose id an earlier row already used. */
function duplicateIds(tx: Queryable) {
  return tx.all<{ row: number; id: string; first: number }>(
    `SELECT s._row AS row, s.id, f.first FROM stage_enterprises s
     JOIN (SELECT id, min(_row) AS first FROM stage_enterprises GROUP BY id HAVING count(*) > 1) f ON f.id = s.id
     WHERE s._row > f.first ORDER BY s._row`,
  );
}

function duplicateCreditCodes(tx: Queryable) {
  return tx.all<{ row: number; credit_code: string; other: string }>(
    `SELECT s._row AS row, s.credit_code, f.other FROM stage_enterprises s
     JOIN (SELECT credit_code, min(_row) AS first, arg_min(id, _row) AS other FROM stage_enterprises
           WHERE credit_code IS NOT NULL GROUP BY credit_code HAVING count(*) > 1) f ON f.credit_code = s.credit_code
     WHERE s._row > f.first AND s.id <> f.other ORDER BY s._row LIMIT 10000`,
  );
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
    row,
  ];
}

async function creditCodesTakenInDatabase(tx: Queryable, codeField: string): Promise<Problem[]> {
  const rows = await tx.all<{ row: number; credit_code: string; other: string }>(
    `SELECT s._row AS row, s.credit_code, min(e.id) AS other FROM stage_enterprises s
     JOIN enterprises e ON e.credit_code = s.credit_code AND e.id <> s.id
     GROUP BY s._row, s.credit_code ORDER BY s._row LIMIT 1000`,
  );
  return rows.map((r) => problem(r.row, codeField, r.credit_code, `credit code already belongs to enterprise ${r.other} in the database`));
}

async function idClashesWithDatabase(
  tx: Queryable,
  idField: string,
  codeField: string,
): Promise<{ errors: Problem[]; warnings: Problem[] }> {
  const rows = await tx.all<{ row: number; id: string; code: string; stored: string; name: string }>(
    `SELECT s._row AS row, s.id, s.credit_code AS code, e.credit_code AS stored, e.name
     FROM stage_enterprises s JOIN enterprises e ON e.id = s.id
     WHERE s.credit_code IS NOT NULL AND e.credit_code IS NOT NULL AND s.credit_code <> e.credit_code
     ORDER BY s._row LIMIT 10000`,
  );
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  for (const r of rows) {
    if (!creditCodeProblem(r.code) && !creditCodeProblem(r.stored)) {
      errors.push(
        problem(
          r.row,
          idField,
          r.id,
          `id already belongs to ${r.name} (credit code ${r.stored}) in the database, a different enterprise from this row's ${r.code}`,
        ),
      );
    } else {
      warnings.push(problem(r.row, codeField, r.code, `changes the credit code of ${r.id} from ${r.stored}`));
    }
  }
  return { errors, warnings };
}

/**
 * Moves staged rows into enterprises, keeping the key of every enterprise that already exists.
 * Large rewrites rebuild the tables instead of deleting row by row (see rebuildTable).
 */
async function mergeStage(tx: Queryable, replace: boolean): Promise<number> {
  await tx.run('UPDATE stage_enterprises SET key = e.key FROM enterprises e WHERE e.id = stage_enterprises.id');
  const updated = (await tx.one<{ n: number }>('SELECT count(*) AS n FROM stage_enterprises WHERE key IS NOT NULL'))?.n ?? 0;
  await tx.run(
    `UPDATE stage_enterprises SET key = base.k + fresh.rn
     FROM (SELECT id, row_number() OVER (ORDER BY _row) AS rn FROM stage_enterprises WHERE key IS NULL) fresh,
          (SELECT coalesce(max(key), 0) AS k FROM enterprises) base
     WHERE stage_enterprises.id = fresh.id`,
  );
  const existing = (await tx.one<{ n: number }>('SELECT count(*) AS n FROM enterprises'))?.n ?? 0;
  const staged = `SELECT ${COLUMN_LIST} FROM stage_enterprises ORDER BY _row`;
  if (replace) {
    for (const table of CHILD_TABLES) {
      const orphans = `FROM ${table} WHERE enterprise_id NOT IN (SELECT id FROM stage_enterprises)`;
      const n = (await tx.one<{ n: number }>(`SELECT count(*) AS n ${orphans}`))?.n ?? 0;
      if (n > REBUILD_THRESHOLD)
        await rebuildTable(tx, table, `SELECT * FROM ${table} WHERE enterprise_id IN (SELECT id FROM stage_enterprises)`);
      else if (n > 0) await tx.run(`DELETE ${orphans}`);
    }
    if (existing > REBUILD_THRESHOLD) await rebuildTable(tx, 'enterprises', staged);
    else {
      await tx.run('DELETE FROM enterprises');
      await tx.run(`INSERT INTO enterprises (${COLUMN_LIST}) ${staged}`);
    }
  } else if (updated > REBUILD_THRESHOLD) {
    await rebuildTable(
      tx,
      'enterprises',
      `SELECT ${COLUMN_LIST} FROM enterprises WHERE id NOT IN (SELECT id FROM stage_enterprises) UNION ALL SELECT * FROM (${staged})`,
    );
  } else {
    if (updated > 0) await tx.run('DELETE FROM enterprises WHERE id IN (SELECT id FROM stage_enterprises)');
    await tx.run(`INSERT INTO enterprises (${COLUMN_LIST}) ${staged}`);
  }
  return updated;
}
