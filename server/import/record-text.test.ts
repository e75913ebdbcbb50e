import { describe, expect, it } from 'vitest';
import type { RawRecord } from './readers/record.ts';
import { escapeControls, RecordTextCheck, singleLineProblem } from './record-text.ts';

const detected = new RecordTextCheck({ encoding: 'utf-8', encodingBy: 'mostly utf-8' });
const declared = new RecordTextCheck({ encoding: 'utf-8', encodingBy: 'declared' });
const record = (values: Record<string, unknown>, undecodable?: string[]): RawRecord => ({
  row: 7,
  values,
  ...(undecodable ? { undecodable } : {}),
});

describe('control characters', () => {
  it('refuses a NUL inside a name, showing it escaped', () => {
    expect(detected.check(record({ 名称: '包头\u0000钢铁', 经度: '110' }))).toEqual({
      errors: [
        {
          row: 7,
          field: '名称',
          value: '包头\\u0000钢铁',
          reason: { key: 'import_control_character', params: { char: '\\u0000' } },
          message: 'holds the control character \\u0000; text may hold no control characters but tab and line breaks',
        },
      ],
      warnings: [],
    });
  });

  it('refuses escape, bell, DEL and the other C0 controls in any field', () => {
    for (const c of ['\u0001', '\u0007', '\u001b', '\u000b', '\u000c', '\u001f', '\u007f']) {
      expect(detected.check(record({ 备注: `a${c}b` }))?.errors).toHaveLength(1);
    }
  });

  it('lets free text hold tab, line feed and carriage return (a remark typed with Alt+Enter)', () => {
    expect(detected.check(record({ 备注: '第一行\r\n第二行\t完' }))).toBeUndefined();
  });

  it('passes numbers, booleans, nulls and nested values by', () => {
    expect(detected.check(record({ a: 1, b: true, c: null, d: { e: '\u0000' } }))).toBeUndefined();
  });

  it('refuses tab and line breaks in a name or id too, so that with the check above it holds none at all', () => {
    expect(singleLineProblem(3, '企业名称', '包头\n钢铁')).toEqual({
      row: 3,
      field: '企业名称',
      value: '包头\\u000a钢铁',
      reason: { key: 'import_not_single_line', params: { char: '\\u000a' } },
      message: 'holds the control character \\u000a; names and ids must be a single line of text',
    });
    expect(singleLineProblem(3, 'id', 'A\t1')?.value).toBe('A\\u00091');
    expect(singleLineProblem(3, 'id', '包头钢铁 (集团)')).toBeUndefined();
  });

  it('escapes only control characters', () => {
    expect(escapeControls('a\u0000b\u001fc\u007f 中 \ufffd')).toBe('a\\u0000b\\u001fc\\u007f 中 \ufffd');
  });
});

describe('undecodable bytes', () => {
  it('refuse the row when the encoding was detected, naming the field and how to accept them', () => {
    const found = detected.check(record({ 名称: '坏\ufffd\ufffd字', 经度: '110' }, ['名称']));
    expect(found?.warnings).toEqual([]);
    expect(found?.errors).toEqual([
      {
        row: 7,
        field: '名称',
        value: '坏\ufffd\ufffd字',
        reason: { key: 'import_bad_bytes_detected', params: { encoding: 'utf-8', replacement: '\ufffd' } },
        message:
          'holds bytes that are not valid utf-8, the encoding detected (shown as \ufffd); fix them, or pass --encoding utf-8 to import them as \ufffd',
      },
    ]);
  });

  it('are only a warning when the user named the encoding', () => {
    const found = declared.check(record({ 名称: '坏\ufffd字' }, ['名称']));
    expect(found?.errors).toEqual([]);
    expect(found?.warnings[0]?.message).toBe('holds bytes that are not valid utf-8, the encoding given; they are imported as \ufffd');
  });
});
