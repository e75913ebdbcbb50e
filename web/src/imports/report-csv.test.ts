import { describe, expect, it } from 'vitest';
import { reason } from '../../../server/domain/reasons.ts';
import { type ImportReport, problem } from '../../../server/import/problems.ts';
import { IMPORT_MESSAGES } from './messages.ts';
import { reportCsv } from './report-csv.ts';

const report = (errors: ImportReport['errors'], warnings: ImportReport['warnings'] = []): ImportReport => ({
  file: 'plants.csv',
  imported: 0,
  updated: 0,
  skipped: errors.length,
  errors,
  warnings,
});

const lines = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');

describe('reportCsv', () => {
  it('words each problem in the page language: Chinese in the Chinese dialog, English in the English one', () => {
    const r = report(
      [problem(4, '经度', 'abc', reason('import_lon_not_number'))],
      [problem(null, null, null, reason('import_no_data_rows'))],
    );
    expect(lines(reportCsv(r, IMPORT_MESSAGES.zh, 'zh'))).toEqual([
      '类别,行,字段,值,说明',
      '错误,4,经度,abc,经度不是数字',
      '警告,,,,文件没有数据行',
    ]);
    expect(lines(reportCsv(r, IMPORT_MESSAGES.en, 'en'))).toEqual([
      'Kind,Row,Field,Value,Message',
      'Error,4,经度,abc,longitude is not a number',
      'Warning,,,,the file has no data rows',
    ]);
  });

  it('falls back to the message when a problem has no reason, or one this page does not know', () => {
    const old = { row: 2, field: 'name', value: null, message: 'missing enterprise name' } as ImportReport['errors'][number];
    const newer = { ...old, reason: { key: 'import_from_the_future', params: {} } } as unknown as ImportReport['errors'][number];
    expect(lines(reportCsv(report([old, newer]), IMPORT_MESSAGES.zh, 'zh')).slice(1)).toEqual([
      '错误,2,name,,missing enterprise name',
      '错误,2,name,,missing enterprise name',
    ]);
  });

  it('keeps a value Excel would run as a formula as text, as the server CSV export does', () => {
    const r = report([problem(3, 'name', '=HYPERLINK("http://x","y")', reason('import_not_a_number'))]);
    expect(lines(reportCsv(r, IMPORT_MESSAGES.en, 'en'))[1]).toBe(`Error,3,name,"'=HYPERLINK(""http://x"",""y"")",not a number`);
  });

  it('keeps each cell Excel would take for a formula as text: = + - @ first, a tab or CR first', () => {
    const values = ['=1+1', '+cmd', '-x', '@x', '\tsum', '\rcmd'];
    const r = report(values.map((v) => problem(5, 'name', v, reason('import_not_a_number'))));
    expect(lines(reportCsv(r, IMPORT_MESSAGES.en, 'en')).slice(1, 5)).toEqual([
      "Error,5,name,'=1+1,not a number",
      "Error,5,name,'+cmd,not a number",
      "Error,5,name,'-x,not a number",
      "Error,5,name,'@x,not a number",
    ]);
    const csv = reportCsv(r, IMPORT_MESSAGES.en, 'en');
    expect(csv).toContain(`Error,5,name,'\tsum,not a number`);
    expect(csv).toContain(`Error,5,name,"'\rcmd",not a number`);
  });

  it('leaves a signed number a number: -12.5 and +3 are values, not formulas', () => {
    const r = report([problem(6, 'lon', '-12.5', reason('import_not_a_number')), problem(7, 'lat', '+3', reason('import_not_a_number'))]);
    expect(lines(reportCsv(r, IMPORT_MESSAGES.en, 'en')).slice(1)).toEqual([
      'Error,6,lon,-12.5,not a number',
      'Error,7,lat,+3,not a number',
    ]);
  });

  it('starts with a byte-order mark, so Excel reads the Chinese as UTF-8', () => {
    expect(reportCsv(report([]), IMPORT_MESSAGES.zh, 'zh').startsWith('\uFEFF类别')).toBe(true);
  });
});
