import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { withPngText } from './save-chart.ts';

/** A 1×1 white RGB PNG, built by hand. */
function tinyPng(): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    out.set(data, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 255, 255]))),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** Every chunk: its type, its data, and whether its CRC is right. */
function chunks(png: Uint8Array) {
  const buf = Buffer.from(png);
  const out: { type: string; data: Buffer; crcOk: boolean }[] = [];
  for (let at = 8; at < buf.length; ) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + length);
    out.push({ type, data, crcOk: buf.readUInt32BE(at + 8 + length) === crc32(buf.subarray(at + 4, at + 8 + length)) });
    at += 12 + length;
  }
  return out;
}

describe('withPngText', () => {
  it('adds one iTXt chunk per entry right after the header, every CRC right', () => {
    const out = withPngText(tinyPng(), { Title: 'Greenline', Description: 'Legend' });
    expect(chunks(out).map((c) => [c.type, c.crcOk])).toEqual([
      ['IHDR', true],
      ['iTXt', true],
      ['iTXt', true],
      ['IDAT', true],
      ['IEND', true],
    ]);
  });

  it('keeps Chinese text as UTF-8, uncompressed, with empty language and translated keyword', () => {
    const out = withPngText(tinyPng(), { Title: '包头市 · 各处置措施企业数（按年）' });
    const data = chunks(out)[1]?.data as Buffer;
    expect(data.subarray(0, 10)).toEqual(Buffer.from([...Buffer.from('Title'), 0, 0, 0, 0, 0]));
    expect(data.subarray(10).toString('utf8')).toBe('包头市 · 各处置措施企业数（按年）');
  });

  it('zero entries: the same bytes', () => {
    const png = tinyPng();
    expect(Buffer.from(withPngText(png, {}))).toEqual(Buffer.from(png));
  });

  it('empty text is allowed', () => {
    expect(chunks(withPngText(tinyPng(), { Title: '' }))[1]?.data.length).toBe('Title'.length + 5);
  });

  it('refuses what is not a PNG, naming its first bytes', () => {
    expect(() => withPngText(new TextEncoder().encode('GIF89a........'), { Title: 'x' })).toThrow(
      /not a PNG: it starts with bytes 71,73,70/,
    );
  });

  it('refuses a keyword PNG readers cannot hold', () => {
    expect(() => withPngText(tinyPng(), { 标题: 'x' })).toThrow('got "标题"');
    expect(() => withPngText(tinyPng(), { ['k'.repeat(80)]: 'x' })).toThrow('1–79 printable');
  });
});
