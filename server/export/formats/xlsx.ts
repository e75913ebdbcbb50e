/**
 * XLSX through exceljs's streaming writer, so a million rows never sit in memory. Excel's limits
 * are real: 1,048,576 rows a sheet (more fails with a clear message) and 32,767 characters a cell,
 * so a polygon's WKT that is longer continues in wkt_2, wkt_3 … (the importer joins them again).
 */
import { geoJSONToWkt } from 'betterknown';
import ExcelJS from 'exceljs';
import { type ExportColumn, type ExportResult, type ExportTable, tabularGeometryColumns } from './table.ts';

export const XLSX_MAX_ROWS = 1_048_575;
export const XLSX_MAX_CELL = 32_767;

function cellOf(value: unknown, column: ExportColumn): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (column.type === 'date' && typeof value === 'string') return new Date(`${value}T00:00:00Z`);
  return value as ExcelJS.CellValue;
}

/** How many wkt columns the longest polygon needs: a first pass over the rows. */
async function wktColumnsNeeded(table: ExportTable): Promise<number> {
  let longest = 0;
  for await (const batch of table.rows()) {
    for (const row of batch) if (row.geometry) longest = Math.max(longest, geoJSONToWkt(row.geometry).length);
  }
  return Math.max(1, Math.ceil(longest / XLSX_MAX_CELL));
}

export async function writeXlsx(path: string, table: ExportTable): Promise<ExportResult> {
  const extra = tabularGeometryColumns(table);
  const wktParts = table.geometry === 'polygon' ? await wktColumnsNeeded(table) : 0;
  const geometryColumns: ExportColumn[] =
    wktParts > 0
      ? Array.from({ length: wktParts }, (_, i) => ({ name: i === 0 ? 'wkt' : `wkt_${i + 1}`, type: 'string' as const }))
      : extra;
  const columns = [...table.columns, ...geometryColumns];
  // Shared strings, as Excel writes them: without, exceljs marks text cells t="str" (a formula's
  // result), which GDAL reads as a sheet without a header row.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  const sheet = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.name,
    key: c.name,
    width: Math.min(Math.max(c.name.length + 2, c.type === 'string' ? 16 : 12), 40),
    ...(c.type === 'date' ? { style: { numFmt: 'yyyy-mm-dd' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();

  const notes: string[] = [];
  let truncated = 0;
  let rows = 0;
  for await (const batch of table.rows()) {
    for (const row of batch) {
      if (++rows > XLSX_MAX_ROWS) {
        throw new Error(
          `${rows.toLocaleString('en')} rows do not fit an Excel sheet (at most ${XLSX_MAX_ROWS.toLocaleString('en')}); export CSV or GeoParquet instead`,
        );
      }
      const cells: ExcelJS.CellValue[] = table.columns.map((c, i) => {
        const v = row.values[i];
        if (typeof v === 'string' && v.length > XLSX_MAX_CELL) {
          truncated++;
          return v.slice(0, XLSX_MAX_CELL);
        }
        return cellOf(v, c);
      });
      const g = row.geometry;
      if (wktParts > 0) {
        const wkt = g ? geoJSONToWkt(g) : '';
        for (let i = 0; i < wktParts; i++) cells.push(wkt.slice(i * XLSX_MAX_CELL, (i + 1) * XLSX_MAX_CELL) || null);
      } else if (extra.length === 2)
        cells.push(...(g?.type === 'Point' ? [g.coordinates[0] ?? null, g.coordinates[1] ?? null] : [null, null]));
      sheet.addRow(cells).commit();
    }
  }
  sheet.commit();
  await workbook.commit();
  if (truncated > 0)
    notes.push(`${truncated} text value(s) longer than Excel's ${XLSX_MAX_CELL.toLocaleString('en')}-character cell limit were cut`);
  return { rows, notes };
}
