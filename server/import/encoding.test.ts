import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectEncoding, encodingFromLabel, isMostlyUtf8, isValidUtf8 } from './encoding.ts';

const TEXT = '内蒙古自治区包头市昆都仑区钢铁大街,企业名称,统一社会信用代码\n';

describe('detectEncoding', () => {
  it('tells ASCII, UTF-8 and UTF-8 with a BOM apart', () => {
    expect(detectEncoding(Buffer.from('id,name\n1,a\n'))).toEqual({ encoding: 'utf-8', bom: false, by: 'ascii' });
    expect(detectEncoding(Buffer.from(TEXT))).toEqual({ encoding: 'utf-8', bom: false, by: 'utf-8 check' });
    expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]))).toEqual({
      encoding: 'utf-8',
      bom: true,
      by: 'bom',
    });
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toMatchObject({ encoding: 'utf-16le', bom: true });
  });

  it('finds GBK (as GB18030), even for a few characters where the statistics are thin', () => {
    expect(detectEncoding(iconv.encode(TEXT, 'gbk'))).toEqual({ encoding: 'gb18030', bom: false, by: 'chardet' });
    expect(detectEncoding(iconv.encode('名称\n煤\n', 'gbk')).encoding).toBe('gb18030');
  });

  it('does not mistake UTF-8 cut mid-character at the end of a sample for something else', () => {
    const bytes = Buffer.from(TEXT);
    const cut = bytes.subarray(0, bytes.length - 2 - 1);
    expect(isValidUtf8(cut, true)).toBe(false);
    expect(detectEncoding(cut, false).encoding).toBe('utf-8');
  });

  it('prefers UTF-8 for Chinese UTF-8 with a few invalid bytes, which chardet took for Windows-1252', () => {
    const text = Buffer.from('id,name\nA1,包头测试一\nA2,包头测试二\nA3,坏');
    const bytes = Buffer.concat([text, Buffer.from([0xff, 0xfe]), Buffer.from('字\n')]);
    expect(isValidUtf8(bytes)).toBe(false);
    expect(detectEncoding(bytes)).toEqual({ encoding: 'utf-8', bom: false, by: 'mostly utf-8' });
  });

  it('still finds GBK whose bytes happen to hold a few valid UTF-8 sequences (包头 is B0FC CDB7, and CDB7 decodes)', () => {
    expect(isMostlyUtf8(iconv.encode(TEXT, 'gbk'))).toBe(false);
    expect(isMostlyUtf8(iconv.encode('包头\n', 'gbk'))).toBe(false);
    expect(isMostlyUtf8(iconv.encode(`企业名称\n${'包头钢铁集团,'.repeat(50)}\n`, 'gbk'))).toBe(false);
  });

  it('reads Latin-1 as Windows-1252', () => {
    expect(detectEncoding(iconv.encode('Müller,Straße,Äpfel,Größe,Öl,Übung\n'.repeat(5), 'latin1')).encoding).toBe('windows-1252');
  });
});

describe('encodingFromLabel', () => {
  it.each([
    ['UTF-8', 'utf-8'],
    ['65001', 'utf-8'],
    ['GBK', 'gb18030'],
    ['936', 'gb18030'],
    ['ANSI 936', 'gb18030'],
    ['CP936', 'gb18030'],
    ['GB2312', 'gb18030'],
    ['1252', 'windows-1252'],
    ['big5', 'big5'],
  ])('%s → %s', (label, encoding) => {
    expect(encodingFromLabel(label)).toBe(encoding);
  });

  it('refuses an unknown label, naming it', () => {
    expect(() => encodingFromLabel('klingon')).toThrow('unknown text encoding "klingon"');
  });
});
