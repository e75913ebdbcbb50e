/** The imports table: one row for each import that committed (who, when, file and hash, counts, its report). */
import type { Queryable } from './database.ts';

export interface ImportLogRow {
  username: string;
  layer: string;
  fileName: string;
  sha256: string;
  format: string | null;
  encoding: string | null;
  crs: string | null;
  mode: 'upsert' | 'replace' | 'skip-invalid';
  imported: number;
  updated: number;
  skipped: number;
  warningCount: number;
  /** The report as JSON. */
  report: string;
}

export async function insertImportLog(q: Queryable, e: ImportLogRow): Promise<void> {
  await q.run(
    `INSERT INTO imports (username, layer, file_name, file_sha256, format, encoding, crs, mode, imported, updated,
                          skipped, warning_count, report)
     VALUES ($u, $layer, $file, $sha, $format, $encoding, $crs, $mode, $imported, $updated, $skipped, $warnings, $report)`,
    {
      u: e.username,
      layer: e.layer,
      file: e.fileName,
      sha: e.sha256,
      format: e.format,
      encoding: e.encoding,
      crs: e.crs,
      mode: e.mode,
      imported: e.imported,
      updated: e.updated,
      skipped: e.skipped,
      warnings: e.warningCount,
      report: e.report,
    },
  );
}

/** One committed import as the import log lists it (the report itself is left out). */
export interface ImportLogEntry {
  id: number;
  /** ISO 8601 in UTC, `YYYY-MM-DDTHH:MM:SSZ`. */
  imported_at: string;
  username: string;
  layer: string;
  file_name: string;
  file_sha256: string;
  format: string | null;
  encoding: string | null;
  crs: string | null;
  mode: string;
  imported: number;
  updated: number;
  skipped: number;
  warning_count: number;
}

/** The latest `limit` imports, newest first. */
export async function listImportLog(q: Queryable, limit: number): Promise<ImportLogEntry[]> {
  return q.all<ImportLogEntry>(
    `SELECT id, strftime(imported_at, '%Y-%m-%dT%H:%M:%SZ') AS imported_at, username, layer, file_name, file_sha256, format, encoding,
            crs, mode, imported, updated, skipped, warning_count
     FROM imports ORDER BY id DESC LIMIT $limit`,
    { limit },
  );
}
