import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeXlsx } from '../../../test/helpers/import-fixtures.ts';
import type { RawRecord, Source } from './record.ts';
import { readXlsx } from './xlsx.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'greenline-xlsx-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function all(source: Source): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for await (const batch of source.batches) out.push(...batch);
  return out;
}

const SHEETS = {
  说明: [['本表为企业台账'], ['请勿修改表头']],
  企业: [
    ['企业名称', '行业代码', '经度', '纬度', '投产日期', '合计'],
    ['包头钢铁', 'C3120', 109.85, 40.62, new Date(Date.UTC(2005, 5, 1)), { formula: '1+1', result: 2 }],
    [],
    ['唐山水泥', 'C3011', 118.2, 39.65, null, { richText: [{ text: '三' }, { text: '十' }] }],
  ],
};

describe('readXlsx', () => {
  it('reads thousands of Chinese names intact, whatever chunk boundary their bytes fall on (exceljs-utf8.ts)', async () => {
    // Distinct names, so they all land in the shared strings part, long enough to span many chunks.
    const names = Array.from({ length: 6000 }, (_, i) => `沧州泰和化工${i}号有限公司（第${i % 97}分厂）`);
    const path = await writeXlsx(dir, 'names.xlsx', { 企业: [['企业名称', '备注'], ...names.map((n) => [n, `${n}·备注`])] });
    const source = await readXlsx(path, 'names.xlsx');
    const rows = await all(source);
    await source.close();
    expect(rows.map((r) => r.values.企业名称)).toEqual(names);
    expect(rows.map((r) => r.values.备注)).toEqual(names.map((n) => `${n}·备注`));
  });

  it('reads the first sheet unless one is named', async () => {
    const path = await writeXlsx(dir, 'book.xlsx', SHEETS);
    const first = await readXlsx(path, 'book.xlsx');
    expect(first.info).toMatchObject({ format: 'xlsx', layer: '说明', headers: ['本表为企业台账'] });
    await first.close();
  });

  it('reads a named sheet: numbers as numbers, dates as ISO dates, formulas by result, rich text as text, empty rows skipped', async () => {
    const source = await readXlsx(await writeXlsx(dir, 'book.xlsx', SHEETS), 'book.xlsx', { layer: '企业' });
    expect(source.info.headers).toEqual(['企业名称', '行业代码', '经度', '纬度', '投产日期', '合计']);
    expect(await all(source)).toEqual([
      { row: 2, values: { 企业名称: '包头钢铁', 行业代码: 'C3120', 经度: 109.85, 纬度: 40.62, 投产日期: '2005-06-01', 合计: 2 } },
      { row: 4, values: { 企业名称: '唐山水泥', 行业代码: 'C3011', 经度: 118.2, 纬度: 39.65, 投产日期: null, 合计: '三十' } },
    ]);
  });

  it('names the sheets there are when the asked one is missing', async () => {
    const path = await writeXlsx(dir, 'book.xlsx', SHEETS);
    await expect(readXlsx(path, 'book.xlsx', { layer: 'Sheet9' })).rejects.toThrow(
      'book.xlsx: no sheet named "Sheet9"; the workbook has "说明", "企业"',
    );
  });

  it('refuses a file that is not a workbook, and an empty sheet', async () => {
    const bad = join(dir, 'bad.xlsx');
    writeFileSync(bad, 'id,name\n1,a\n');
    await expect(readXlsx(bad, 'bad.xlsx')).rejects.toThrow(/bad\.xlsx: not a readable XLSX workbook/);
    const empty = await writeXlsx(dir, 'empty.xlsx', { 空: [] });
    await expect(readXlsx(empty, 'empty.xlsx')).rejects.toThrow('empty.xlsx: sheet "空" is empty');
  });
});
