/**
 * A case as one row of the officials' ledger (台账), in the columns and order they keep in Excel.
 * Pure: names of regions come in as a lookup, so the same rows serve XLSX, CSV and tests.
 */
import { ACTION_NAMES } from './actions.ts';
import type { CaseView } from './case.ts';
import { CASE_STATUS_NAMES } from './case-lifecycle.ts';
import { lookupSector } from './sectors.ts';

export const LEDGER_COLUMNS = [
  '序号',
  '企业名称',
  '统一社会信用代码',
  '所在地区',
  '行业',
  '问题类型',
  '整治措施',
  '完成时限',
  '责任单位',
  '进展情况',
  '是否销号',
] as const;
export type LedgerColumn = (typeof LEDGER_COLUMNS)[number];

export type LedgerRow = Record<LedgerColumn, string | number> & { 序号: number };

/** Region code → name; falls back from a county to its prefecture, then to the code itself. */
export type RegionNames = (code: string) => string | undefined;

export function regionLabel(code: string | null, names: RegionNames): string {
  if (code === null) return '';
  return names(code) ?? names(`${code.slice(0, 4)}00`) ?? code;
}

export function sectorLabel(code: string | null): string {
  if (!code) return '';
  const sector = lookupSector(code);
  return sector ? `${sector.zh}（${code}）` : code;
}

export function progressText(c: Pick<CaseView, 'status' | 'status_reason' | 'last_note' | 'flagged'>): string {
  const parts: string[] = [CASE_STATUS_NAMES[c.status].zh];
  if (c.status_reason) parts.push(`原因：${c.status_reason}`);
  if (c.last_note && c.last_note !== c.status_reason) parts.push(`进展：${c.last_note}`);
  if (!c.flagged) parts.push('最新筛查已不再命中，待复核');
  return parts.join('；');
}

export function ledgerRow(index: number, c: CaseView, names: RegionNames): LedgerRow {
  return {
    序号: index,
    企业名称: c.enterprise_name ?? c.enterprise_id,
    统一社会信用代码: c.credit_code ?? '',
    所在地区: regionLabel(c.region_code, names),
    行业: sectorLabel(c.sector),
    问题类型: c.rules.map((r) => r.title_zh).join('；'),
    整治措施: ACTION_NAMES[c.action].zh,
    完成时限: c.deadline ?? '',
    责任单位: c.department ?? '',
    进展情况: progressText(c),
    是否销号: c.status === 'cancelled' ? '是' : '否',
  };
}
