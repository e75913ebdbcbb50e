/** Exports zones (one kind or all) in any export format, atomically like every export. */
import type { Queryable } from '../db/database.ts';
import type { ZoneKind } from '../domain/zone.ts';
import { EXPORT_FORMATS, type ExportFormat } from './formats/index.ts';
import type { ExportResult } from './formats/table.ts';
import { writeAtomic } from './write-atomic.ts';
import { zoneTable } from './zone-table.ts';

export async function exportZones(q: Queryable, format: ExportFormat, out: string, kind?: ZoneKind): Promise<ExportResult> {
  const table = await zoneTable(q, kind);
  let result: ExportResult = { rows: 0, notes: [] };
  await writeAtomic(out, async (tmp) => {
    result = await EXPORT_FORMATS[format].write(tmp, table);
  });
  return result;
}
