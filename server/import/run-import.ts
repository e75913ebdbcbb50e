/** Runs the import a target names (enterprises, a zone layer, indicators): one entry for callers that take the target as data. */
import type { Database } from '../db/database.ts';
import { parseMapOption } from './columns.ts';
import { importEnterprises } from './import-enterprises.ts';
import { importIndicators } from './import-indicators.ts';
import type { ImportKind, ImportOptions } from './import-options.ts';
import { importZones } from './import-zones.ts';
import { indicatorColumns } from './indicator-columns.ts';
import type { ImportTarget } from './preview-import.ts';
import type { ImportReport } from './problems.ts';

export interface RunImportOptions extends ImportOptions {
  target: ImportTarget;
  /** The zone layer, when the target is zones. */
  kind?: ImportKind;
  map?: string;
}

export function runImport(db: Database, { target, kind, map, ...options }: RunImportOptions): Promise<ImportReport> {
  if (target === 'zones') {
    if (!kind) throw new Error('a zone import needs a kind');
    return importZones(db, { ...options, kind });
  }
  if (target === 'indicators') return importIndicators(db, { ...options, ...(map ? { map } : {}) });
  return importEnterprises(db, { ...options, ...(map ? { map } : {}) });
}

/** Throws, naming the pair, if `map` is not a column map the target understands. */
export function checkColumnMap(target: ImportTarget, map: string | undefined): void {
  if (!map) return;
  if (target === 'indicators') indicatorColumns.parseMap(map);
  else parseMapOption(map);
}
