/**
 * Exports enterprises (optionally filtered) in any export format, written beside the target and
 * moved into place only when complete.
 */
import type { Queryable } from '../db/database.ts';
import type { EnterpriseFilter } from '../db/enterprise-query.ts';
import { enterpriseTable } from './enterprise-table.ts';
import type { ENTERPRISE_EXPORT_FORMATS } from './export-kinds.ts';
import { EXPORT_FORMATS, type ExportFormat } from './formats/index.ts';
import type { ExportResult } from './formats/table.ts';
import { writeAtomic } from './write-atomic.ts';
export type EnterpriseExportFormat = (typeof ENTERPRISE_EXPORT_FORMATS)[number];

export async function exportEnterprises(
  q: Queryable,
  format: ExportFormat,
  out: string,
  filter: EnterpriseFilter = {},
): Promise<ExportResult> {
  const info = EXPORT_FORMATS[format];
  const table = await enterpriseTable(q, filter, info.spatial);
  let result: ExportResult = { rows: 0, notes: [] };
  await writeAtomic(out, async (tmp) => {
    result = await info.write(tmp, table);
  });
  return result;
}
