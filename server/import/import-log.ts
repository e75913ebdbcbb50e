/** Records each import (who, when, file and hash, counts, warnings) in the imports table. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Queryable } from '../db/database.ts';
import { insertImportLog } from '../db/import-log-store.ts';
import type { ImportReport } from './problems.ts';

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export interface ImportLogEntry {
  username: string;
  layer: string;
  fileName: string;
  sha256: string;
  format?: string;
  encoding?: string;
  crs?: string;
  mode: 'upsert' | 'replace' | 'skip-invalid';
  report: ImportReport;
}

export async function recordImport(q: Queryable, e: ImportLogEntry): Promise<void> {
  await insertImportLog(q, {
    username: e.username,
    layer: e.layer,
    fileName: e.fileName,
    sha256: e.sha256,
    format: e.format ?? null,
    encoding: e.encoding ?? null,
    crs: e.crs ?? null,
    mode: e.mode,
    imported: e.report.imported,
    updated: e.report.updated,
    skipped: e.report.skipped,
    warningCount: e.report.warnings.length,
    // The stored report keeps the first problems only; the full one went back to the caller.
    report: JSON.stringify({ ...e.report, warnings: e.report.warnings.slice(0, 200), errors: e.report.errors.slice(0, 200) }),
  });
}
