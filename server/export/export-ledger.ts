/**
 * The ledger as officials keep it: XLSX (exceljs) or CSV in the columns of domain/ledger-row.ts,
 * overdue deadlines in red, then the relocation destination of relocate and withdraw cases
 * (SITE_COLUMNS) after them, so the columns officials already rely on keep their places. Used by
 * GET /api/ledger/export and `greenline export ledger`.
 */
import ExcelJS from 'exceljs';
import type { CaseFilter } from '../db/case-query.ts';
import { allCaseSites, type CaseSite } from '../db/case-site-store.ts';
import { allCases } from '../db/case-store.ts';
import type { Queryable } from '../db/database.ts';
import { regionNameMap } from '../db/region-store.ts';
import { chinaToday } from '../domain/case-lifecycle.ts';
import { LEDGER_COLUMNS, type LedgerRow, ledgerRow } from '../domain/ledger-row.ts';
import { csvText } from './csv-text.ts';

import type { LEDGER_FORMATS } from './export-kinds.ts';
export type LedgerFormat = (typeof LEDGER_FORMATS)[number];

export const LEDGER_MEDIA_TYPES: Record<LedgerFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** The destination of a relocate or withdraw case: the proposed site, its position, and its approval. */
export const SITE_COLUMNS = ['拟迁入地', '迁入地经纬度', '迁入地批准人', '迁入地批准时间', '位置更新时间'] as const;
export type SiteColumn = (typeof SITE_COLUMNS)[number];

/** Every column of the exported ledger, in order. */
export const LEDGER_EXPORT_COLUMNS = [...LEDGER_COLUMNS, ...SITE_COLUMNS] as const;
export type LedgerExportRow = LedgerRow & Record<SiteColumn, string>;

/** The site columns of one case; blank where it has no site. A time reads as China's calendar and clock, as the officials' do. */
export function siteCells(site: CaseSite | undefined): Record<SiteColumn, string> {
  return {
    拟迁入地: site ? (site.site_name ?? '') : '',
    迁入地经纬度: site ? `${site.lon.toFixed(6)}, ${site.lat.toFixed(6)}` : '',
    迁入地批准人: site?.approved_by ?? '',
    迁入地批准时间: chinaTime(site?.approved_at ?? null),
    位置更新时间: chinaTime(site?.applied_at ?? null),
  };
}

function chinaTime(iso: string | null): string {
  if (!iso) return '';
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

const WIDTHS: Record<(typeof LEDGER_EXPORT_COLUMNS)[number], number> = {
  序号: 6,
  企业名称: 30,
  统一社会信用代码: 22,
  所在地区: 12,
  行业: 22,
  问题类型: 40,
  整治措施: 12,
  完成时限: 12,
  责任单位: 20,
  进展情况: 40,
  是否销号: 9,
  拟迁入地: 24,
  迁入地经纬度: 24,
  迁入地批准人: 14,
  迁入地批准时间: 17,
  位置更新时间: 17,
};

export interface LedgerExport {
  rows: LedgerExportRow[];
  overdue: boolean[];
}

export async function ledgerRows(q: Queryable, filter: CaseFilter, today: string = chinaToday()): Promise<LedgerExport> {
  const names = await regionNameMap(q);
  const cases = await allCases(q, filter, today);
  const sites = await allCaseSites(q);
  return {
    rows: cases.map((c, i) => ({ ...ledgerRow(i + 1, c, (code) => names.get(code)), ...siteCells(sites.get(c.id)) })),
    overdue: cases.map((c) => c.overdue),
  };
}

export function ledgerCsv({ rows }: LedgerExport): string {
  return csvText(
    LEDGER_EXPORT_COLUMNS,
    rows.map((r) => LEDGER_EXPORT_COLUMNS.map((col) => r[col])),
  );
}

export function ledgerWorkbook({ rows, overdue }: LedgerExport): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = 'Greenline';
  const sheet = book.addWorksheet('台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = LEDGER_EXPORT_COLUMNS.map((col) => ({ header: col, key: col, width: WIDTHS[col] }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2EFDA' } };
  rows.forEach((r, i) => {
    // A real date cell (not text), so Excel sorts and filters it as a date.
    const deadline = r.完成时限 ? new Date(`${r.完成时限}T00:00:00Z`) : '';
    const row = sheet.addRow({ ...r, 完成时限: deadline });
    row.alignment = { vertical: 'top', wrapText: true };
    const cell = row.getCell('完成时限');
    cell.numFmt = 'yyyy-mm-dd';
    if (overdue[i]) cell.font = { color: { argb: 'FFC00000' }, bold: true };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: LEDGER_EXPORT_COLUMNS.length } };
  return book;
}

export async function ledgerFile(
  q: Queryable,
  format: LedgerFormat,
  filter: CaseFilter,
): Promise<{ body: Uint8Array<ArrayBuffer>; count: number }> {
  const data = await ledgerRows(q, filter);
  const body =
    format === 'csv'
      ? new TextEncoder().encode(ledgerCsv(data))
      : new Uint8Array((await ledgerWorkbook(data).xlsx.writeBuffer()) as ArrayBuffer);
  return { body, count: data.rows.length };
}

/** 台账-20240501.xlsx: the date in China, as officials file them. */
export function ledgerFileName(format: LedgerFormat, today: string = chinaToday()): string {
  return `台账-${today.replace(/-/g, '')}.${format}`;
}
