/**
 * CSV, UTF-8 with a byte-order mark: without it, Excel on Chinese Windows reads UTF-8 as GBK and
 * garbles every name. RFC 4180 quoting; numbers in their shortest exact form so they read back
 * identical; polygons as WKT.
 */
import { geoJSONToWkt } from 'betterknown';
import { csvCell } from '../csv-text.ts';
import { FileSink } from './file-sink.ts';
import { type ExportResult, type ExportTable, tabularGeometryColumns } from './table.ts';

export async function writeCsv(path: string, table: ExportTable): Promise<ExportResult> {
  const extra = tabularGeometryColumns(table);
  const sink = new FileSink(path);
  let rows = 0;
  try {
    await sink.write(`\uFEFF${[...table.columns, ...extra].map((c) => csvCell(c.name)).join(',')}\r\n`);
    for await (const batch of table.rows()) {
      let text = '';
      for (const row of batch) {
        const cells = row.values.map(csvCell);
        const g = row.geometry;
        if (extra.length === 1) cells.push(g ? csvCell(geoJSONToWkt(g)) : '');
        else if (extra.length === 2) cells.push(...(g?.type === 'Point' ? [String(g.coordinates[0]), String(g.coordinates[1])] : ['', '']));
        text += `${cells.join(',')}\r\n`;
        rows++;
      }
      await sink.write(text);
    }
    await sink.close();
  } catch (error) {
    sink.destroy();
    throw error;
  }
  return { rows, notes: [] };
}
