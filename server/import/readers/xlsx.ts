/**
 * XLSX through exceljs's streaming reader, so a sheet of a million rows is read row by row. Reads
 * the sheet named by `layer`, else the first. Row numbers are the sheet's own.
 */
import ExcelJS from 'exceljs';
import './exceljs-utf8.ts';
import { reason } from '../../domain/reasons.ts';
import { BATCH_SIZE, type RawRecord, type ReadOptions, type Source, SourceError, uniqueHeaders } from './record.ts';

type Worksheet = AsyncIterable<ExcelJS.Row> & { name?: string; id?: number };

/** Cell values as a person reads them: formulas by their result, rich text as its text, dates as ISO. */
export function cellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value !== 'object') return typeof value === 'string' && value.trim() === '' ? null : value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return cellValue((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('formula' in value || 'sharedFormula' in value) return null;
  if ('text' in value) return cellValue((value as { text: ExcelJS.CellValue }).text);
  if ('error' in value) return null;
  return String(value);
}

function rowCells(row: ExcelJS.Row): unknown[] {
  // exceljs gives a sparse array indexed from 1.
  const values = row.values as ExcelJS.CellValue[];
  const out: unknown[] = [];
  for (let i = 1; i < values.length; i++) out.push(cellValue(values[i] ?? null));
  return out;
}

export async function readXlsx(path: string, label: string, options: ReadOptions = {}): Promise<Source> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const sheets = reader[Symbol.asyncIterator]() as AsyncIterator<Worksheet>;
  const seen: string[] = [];
  let sheet: Worksheet | undefined;
  try {
    for (;;) {
      const next = await sheets.next();
      if (next.done) break;
      const name = next.value.name ?? `Sheet${next.value.id ?? seen.length + 1}`;
      seen.push(name);
      if (options.layer === undefined || options.layer === name) {
        sheet = next.value;
        break;
      }
      // Sheets are emitted in order; one not read must still be drained before the next arrives.
      for await (const _ of next.value) {
      }
    }
  } catch (error) {
    throw new SourceError(label, null, reason('import_xlsx_unreadable', { format: 'XLSX', detail: (error as Error).message }));
  }
  if (!sheet) {
    throw new SourceError(
      label,
      null,
      options.layer !== undefined
        ? reason('import_sheet_not_found', { sheet: options.layer, sheets: seen.map((s) => `"${s}"`).join(', ') })
        : reason('import_no_sheets'),
    );
  }
  const sheetName = seen[seen.length - 1] as string;
  const rows = sheet[Symbol.asyncIterator]();
  let headerRow: ExcelJS.Row | undefined;
  for (;;) {
    const next = await rows.next();
    if (next.done) break;
    if (rowCells(next.value).some((v) => v !== null)) {
      headerRow = next.value;
      break;
    }
  }
  if (!headerRow) throw new SourceError(label, null, reason('import_sheet_empty', { sheet: sheetName }));
  const headers = uniqueHeaders(rowCells(headerRow).map((h) => (h === null ? '' : String(h).trim())));

  async function* batches(): AsyncGenerator<RawRecord[]> {
    let batch: RawRecord[] = [];
    for (;;) {
      const next = await rows.next();
      if (next.done) break;
      const cells = rowCells(next.value);
      if (cells.every((v) => v === null)) continue;
      const values: Record<string, unknown> = {};
      for (let i = 0; i < cells.length; i++) {
        const header = headers[i];
        if (header) values[header] = cells[i];
      }
      batch.push({ row: next.value.number, values });
      if (batch.length >= BATCH_SIZE) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }
  return {
    info: { format: 'xlsx', headers: headers.filter((h) => h !== ''), layer: sheetName, notes: [] },
    batches: batches(),
    close: async () => {
      await rows.return?.();
    },
  };
}
