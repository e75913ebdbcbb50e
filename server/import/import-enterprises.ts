/**
 * Imports enterprises from a file. All or nothing by default: rows are validated and staged in a
 * temporary table inside one transaction, and any invalid row rolls the whole import back, so the
 * database is exactly as it was. `skipInvalid` imports the valid rows and reports the rest;
 * `replace` swaps the whole enterprise layer; otherwise rows are upserted by id.
 */
import { basename } from 'node:path';
import { appendRecords } from '../db/bulk.ts';
import type { Database, Queryable } from '../db/database.ts';
import { bumpDataVersion } from '../db/meta-store.ts';
import { type Columns, columnNames, ENTERPRISE_COLUMNS } from '../db/tables.ts';
import { mapColumns, parseMapOption } from './columns.ts';
import { resolveCrs } from './crs.ts';
import { type ImportedEnterprise, validateEnterprise } from './enterprise-record.ts';
import { locationContext } from './import-context.ts';
import { recordImport, sha256File } from './import-log.ts';
import { ImportFailedError, type ImportReport, ProblemList, problem } from './problems.ts';
import { openSource } from './readers/index.ts';

export interface ImportEnterprisesOptions {
  /** Path of the file to read. */
  path: string;
  /** Name shown in reports and the import log; defaults to the path's base name. */
  fileName?: string;
  crs?: string;
  skipInvalid?: boolean;
  replace?: boolean;
  /** `--map "经度=lon,纬度=lat"` */
  map?: string;
  username?: string;
  onProgress?: (rows: number) => void;
}

const STAGE_COLUMNS: Columns = [...ENTERPRISE_COLUMNS, ['_row', 'INTEGER']];
const BATCH = 5_000;
const COLUMN_LIST = columnNames(ENTERPRISE_COLUMNS).join(', ');

export async function importEnterprises(db: Database, options: ImportEnterprisesOptions): Promise<ImportReport> {
  const file = options.fileName ?? basename(options.path);
  const source = await openSource(options.path, file);
  const crs = resolveCrs(options.crs ?? source.info.crs);
  const columns = mapColumns(source.info.headers, parseMapOption(options.map));
  const hasPoint = source.info.format !== 'csv' || (columns.fields.lon && columns.fields.lat);
  if (!columns.fields.name || !hasPoint) {
    const missing = [!columns.fields.name && 'name', !hasPoint && 'lon/lat'].filter(Boolean).join(' and ');
    throw new Error(`${file}: no ${missing} column among headers ${JSON.stringify(source.info.headers)}; use --map "HEADER=field"`);
  }
  const sha256 = await sha256File(options.path);
  const now = new Date();

  const run = async (tx: Queryable): Promise<ImportReport> => {
    const location = await locationContext(tx, crs);
    await tx.run('CREATE OR REPLACE TEMP TABLE stage_enterprises AS SELECT *, NULL::INTEGER AS _row FROM enterprises LIMIT 0');
    const errors = new ProblemList();
    const warnings = new ProblemList();
    const firstRowOfId = new Map<string, number>();
    const idOfCreditCode = new Map<string, string>();
    const badRows = new Set<number>();
    let pending: Record<string, unknown>[] = [];
    let rows = 0;
    let staged = 0;

    for await (const raw of source.records) {
      rows++;
      const result = validateEnterprise(raw, columns, location);
      for (const w of result.warnings) warnings.add(w);
      const e = result.enterprise;
      if (e) {
        const seen = firstRowOfId.get(e.id);
        if (seen !== undefined) {
          result.errors.push(problem(raw.row, columns.fields.id ?? 'id', e.id, `duplicate id; first used at row ${seen}`));
        } else {
          firstRowOfId.set(e.id, raw.row);
          if (e.credit_code) {
            const other = idOfCreditCode.get(e.credit_code);
            if (other !== undefined)
              warnings.add(
                problem(
                  raw.row,
                  columns.fields.credit_code ?? 'credit_code',
                  e.credit_code,
                  `credit code already used by enterprise ${other} in this file`,
                ),
              );
            else idOfCreditCode.set(e.credit_code, e.id);
          }
        }
      }
      if (result.errors.length > 0) {
        badRows.add(raw.row);
        for (const p of result.errors) errors.add(p);
        continue;
      }
      if (e) pending.push(stageRecord(e, raw.row, now));
      if (pending.length >= BATCH) {
        staged += await appendRecords(tx, 'stage_enterprises', STAGE_COLUMNS, pending);
        pending = [];
        options.onProgress?.(rows);
      }
    }
    staged += await appendRecords(tx, 'stage_enterprises', STAGE_COLUMNS, pending);
    options.onProgress?.(rows);

    if (rows === 0) errors.add(problem(null, null, null, 'the file has no data rows'));
    for (const w of await creditCodesTakenInDatabase(tx, options.replace === true)) warnings.add(w);

    const report: ImportReport = {
      file,
      imported: 0,
      updated: 0,
      skipped: badRows.size,
      errors: errors.items,
      warnings: warnings.items,
    };
    if (errors.total > 0 && (!options.skipInvalid || staged === 0)) throw new ImportFailedError(report);

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
      mode: options.replace ? 'replace' : options.skipInvalid ? 'skip-invalid' : 'upsert',
      report,
    });
    await tx.run('DROP TABLE stage_enterprises');
    return report;
  };
  return db.transaction(run);
}

function stageRecord(e: ImportedEnterprise, row: number, now: Date): Record<string, unknown> {
  return { ...e, key: null, updated_at: now, _row: row };
}

async function creditCodesTakenInDatabase(tx: Queryable, replace: boolean) {
  if (replace) return [];
  const rows = await tx.all<{ row: number; credit_code: string; other: string }>(
    `SELECT s._row AS row, s.credit_code, min(e.id) AS other FROM stage_enterprises s
     JOIN enterprises e ON e.credit_code = s.credit_code AND e.id <> s.id
     GROUP BY s._row, s.credit_code ORDER BY s._row LIMIT 1000`,
  );
  return rows.map((r) =>
    problem(r.row, 'credit_code', r.credit_code, `credit code already belongs to enterprise ${r.other} in the database`),
  );
}

/** Moves staged rows into enterprises, keeping the key of every enterprise that already exists. */
async function mergeStage(tx: Queryable, replace: boolean): Promise<number> {
  await tx.run('UPDATE stage_enterprises SET key = e.key FROM enterprises e WHERE e.id = stage_enterprises.id');
  const updated = (await tx.one<{ n: number }>('SELECT count(*) AS n FROM stage_enterprises WHERE key IS NOT NULL'))?.n ?? 0;
  await tx.run(
    `UPDATE stage_enterprises SET key = base.k + fresh.rn
     FROM (SELECT id, row_number() OVER (ORDER BY _row) AS rn FROM stage_enterprises WHERE key IS NULL) fresh,
          (SELECT coalesce(max(key), 0) AS k FROM enterprises) base
     WHERE stage_enterprises.id = fresh.id`,
  );
  if (replace) {
    for (const table of ['indicators', 'equipment', 'compliance']) {
      await tx.run(`DELETE FROM ${table} WHERE enterprise_id NOT IN (SELECT id FROM stage_enterprises)`);
    }
    await tx.run('DELETE FROM enterprises');
  } else {
    await tx.run('DELETE FROM enterprises WHERE id IN (SELECT id FROM stage_enterprises)');
  }
  await tx.run(`INSERT INTO enterprises (${COLUMN_LIST}) SELECT ${COLUMN_LIST} FROM stage_enterprises`);
  return updated;
}
