import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LEDGER, writeText } from '../../../test/helpers/import-fixtures.ts';
import { readCsv } from './csv.ts';
import { type RawRecord, type Source, SourceError } from './record.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'greenline-csv-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function all(source: Source): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for await (const batch of source.batches) out.push(...batch);
  return out;
}

async function failure(source: Promise<Source>): Promise<{ error: SourceError; rows: RawRecord[] }> {
  const rows: RawRecord[] = [];
  try {
    for await (const batch of (await source).batches) rows.push(...batch);
  } catch (error) {
    if (error instanceof SourceError) return { error, rows };
    throw error;
  }
  throw new Error('expected a SourceError');
}

describe('readCsv encodings', () => {
  const expected = [
    {
      row: 2,
      values: {
        企业编号: 'T1',
        企业名称: '包头市钢铁有限公司',
        统一社会信用代码: '91150200MA0N000001',
        行业代码: 'C3120',
        经度: '109.85',
        纬度: '40.62',
        联系人: '张三',
      },
    },
    {
      row: 3,
      values: {
        企业编号: 'T2',
        企业名称: '唐山𠀀水泥厂',
        统一社会信用代码: null,
        行业代码: 'C3011',
        经度: '118.2',
        纬度: '39.65',
        联系人: '李四',
      },
    },
  ];

  it.each([
    ['UTF-8', 'utf-8', false, 'utf-8', 'utf-8 check'],
    ['UTF-8 with BOM', 'utf-8', true, 'utf-8', 'bom'],
    ['GB18030 (GBK plus four-byte characters)', 'gb18030', false, 'gb18030', 'chardet'],
  ])('reads %s without being told', async (_label, encoding, bom, found, by) => {
    const source = await readCsv(writeText(dir, 'ledger.csv', LEDGER, encoding, bom), 'ledger.csv');
    expect(source.info).toMatchObject({ format: 'csv', encoding: found, encodingBy: by });
    expect(source.info.headers[0]).toBe('企业编号');
    expect(await all(source)).toEqual(expected);
  });

  it('reads GBK saved by Excel on Chinese Windows (no four-byte characters) as GB18030', async () => {
    const text = LEDGER.replace('𠀀', '');
    const source = await readCsv(writeText(dir, 'excel.csv', text, 'gbk'), 'excel.csv');
    expect(source.info.encoding).toBe('gb18030');
    expect((await all(source))[1]?.values.企业名称).toBe('唐山水泥厂');
  });

  it('flags text a declared encoding cannot decode instead of importing garbage silently', async () => {
    const source = await readCsv(writeText(dir, 'gbk.csv', LEDGER, 'gbk'), 'gbk.csv', { encoding: 'utf-8' });
    const rows = await all(source);
    expect(source.info.encodingBy).toBe('declared');
    // The Chinese name and contact cells, under headers garbled the same way.
    expect(rows[0]?.undecodable).toHaveLength(2);
    for (const field of rows[0]?.undecodable ?? []) expect(String(rows[0]?.values[field])).toContain('\uFFFD');
  });
});

describe('readCsv mostly UTF-8', () => {
  it('reads Chinese UTF-8 with two stray bytes as UTF-8, flagging only the row that holds them', async () => {
    const path = join(dir, 'stray.csv');
    writeFileSync(
      path,
      Buffer.concat([Buffer.from('id,name\nA1,包头测试一\nA2,坏'), Buffer.from([0xff, 0xfe]), Buffer.from('字\nA3,包头测试三\n')]),
    );
    const source = await readCsv(path, 'stray.csv');
    expect(source.info).toMatchObject({ encoding: 'utf-8', encodingBy: 'mostly utf-8' });
    expect(await all(source)).toEqual([
      { row: 2, values: { id: 'A1', name: '包头测试一' } },
      { row: 3, values: { id: 'A2', name: '坏\ufffd\ufffd字' }, undecodable: ['name'] },
      { row: 4, values: { id: 'A3', name: '包头测试三' } },
    ]);
  });
});

describe('readCsv dialects', () => {
  it('finds tab and semicolon delimiters from the header line', async () => {
    for (const [name, d] of [
      ['t.tsv', '\t'],
      ['s.csv', ';'],
    ] as const) {
      const source = await readCsv(writeText(dir, name, `name${d}lon${d}lat\n"a${d}b"${d}110${d}40\n`), name);
      expect(await all(source)).toEqual([{ row: 2, values: { name: `a${d}b`, lon: '110', lat: '40' } }]);
    }
  });

  it('numbers rows as a spreadsheet does, across batches, with quoted line breaks inside a row', async () => {
    const lines = ['id,note'];
    for (let i = 1; i <= 5000; i++) lines.push(i === 3 ? `${i},"two\nlines"` : `${i},ok`);
    const rows = await all(await readCsv(writeText(dir, 'many.csv', lines.join('\n')), 'many.csv'));
    expect(rows.length).toBe(5000);
    expect(rows.every((r, i) => r.row === i + 2 && r.values.id === String(i + 1))).toBe(true);
    expect(rows[2]?.values.note).toBe('two\nlines');
  });

  it('keeps a repeated header as a second column instead of overwriting the first', async () => {
    const source = await readCsv(writeText(dir, 'dup.csv', '名称,备注,备注\n甲,一,二\n'), 'dup.csv');
    expect(source.info.headers).toEqual(['名称', '备注', '备注_2']);
    expect((await all(source))[0]?.values).toEqual({ 名称: '甲', 备注: '一', 备注_2: '二' });
  });

  it('trims cells and reads blank ones (including an ideographic space) as missing', async () => {
    const rows = await all(await readCsv(writeText(dir, 'b.csv', 'a,b,c\n  x  ,\u3000, \n'), 'b.csv'));
    expect(rows[0]?.values).toEqual({ a: 'x', b: null, c: null });
  });
});

describe('readCsv broken files', () => {
  it('refuses an empty file', async () => {
    const path = join(dir, 'empty.csv');
    writeFileSync(path, '');
    await expect(readCsv(path, 'empty.csv')).rejects.toThrow('empty.csv: the file is empty');
  });

  it('reads a header-only file as no rows', async () => {
    expect(await all(await readCsv(writeText(dir, 'h.csv', 'id,name\n'), 'h.csv'))).toEqual([]);
  });

  it('stops at a quote left open, naming its row, after the rows before it', async () => {
    const { error, rows } = await failure(readCsv(writeText(dir, 'q.csv', 'id,name\n1,a\n2,"b\n3,c\n4,d\n'), 'q.csv'));
    expect(rows.map((r) => r.row)).toEqual([2]);
    expect(error.row).toBe(3);
    expect(error.message).toBe('q.csv: row 3: a quoted cell is never closed, so the rest of the file reads as one cell');
  });

  it('refuses a huge row (a 2 MB cell) with its row number', async () => {
    const { error } = await failure(
      readCsv(writeText(dir, 'huge.csv', `id,name\n1,a\n2,${'x'.repeat(2 * 1024 * 1024)}\n3,c\n`), 'huge.csv'),
    );
    expect(error.row).toBe(3);
    expect(error.detail).toContain('longer than 1,048,576 characters');
  });
});
