/**
 * The dBase III attribute table of a shapefile, written in UTF-8 (the .cpg says so). Field names
 * hold at most 10 bytes; text at most 254 bytes; numbers are text right-aligned in their field.
 * Field sizes come from a first pass over the values (DbfLayout.measure).
 */
import type { ExportColumn } from '../table.ts';

export interface DbfField {
  name: string;
  type: 'C' | 'N' | 'L' | 'D';
  length: number;
  decimals: number;
}

const MAX_TEXT = 254;
const MAX_NUMBER = 24;

/** Cuts a name to 10 UTF-8 bytes at a character boundary. */
function cutBytes(s: string, max: number): string {
  let out = '';
  let bytes = 0;
  for (const c of s) {
    const n = Buffer.byteLength(c);
    if (bytes + n > max) break;
    out += c;
    bytes += n;
  }
  return out;
}

/** Unique 10-byte field names, cut and numbered the way GDAL launders them (name → nam_1 …). */
export function fieldNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    let candidate = cutBytes(name, 10) || 'field';
    for (let i = 1; used.has(candidate.toLowerCase()); i++) candidate = `${cutBytes(name, 10 - String(i).length - 1)}_${i}`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

export function numberText(n: number): string {
  const s = String(n);
  // Exponent forms are valid to readers but not to every DBF tool; plain digits fit the common width.
  return /e/i.test(s) ? n.toFixed(Math.min(20, Math.max(0, 15 - Math.floor(Math.log10(Math.abs(n)))))).replace(/\.?0+$/, '') : s;
}

export class DbfLayout {
  private readonly widths: number[];
  private readonly decimals: number[];
  truncated = 0;

  constructor(private readonly columns: readonly ExportColumn[]) {
    this.widths = columns.map(() => 1);
    this.decimals = columns.map(() => 0);
  }

  measure(values: readonly unknown[]): void {
    this.columns.forEach((c, i) => {
      const v = values[i];
      if (v === null || v === undefined) return;
      if (c.type === 'string') this.widths[i] = Math.max(this.widths[i] as number, Math.min(Buffer.byteLength(String(v)), MAX_TEXT));
      else if (c.type === 'integer' || c.type === 'number') {
        const text = numberText(Number(v));
        this.widths[i] = Math.max(this.widths[i] as number, Math.min(text.length, MAX_NUMBER));
        const dot = text.indexOf('.');
        if (dot >= 0) this.decimals[i] = Math.max(this.decimals[i] as number, text.length - dot - 1);
      }
    });
  }

  fields(names: readonly string[]): DbfField[] {
    return this.columns.map((c, i) => {
      const name = names[i] as string;
      switch (c.type) {
        case 'boolean':
          return { name, type: 'L', length: 1, decimals: 0 };
        case 'date':
          return { name, type: 'D', length: 8, decimals: 0 };
        case 'string':
          return { name, type: 'C', length: this.widths[i] as number, decimals: 0 };
        default: {
          const decimals = Math.min(this.decimals[i] as number, 15);
          return { name, type: 'N', length: Math.max(this.widths[i] as number, decimals + 2), decimals };
        }
      }
    });
  }
}

/** Text to bytes: UTF-8 here; tests write GBK tables (as Chinese GIS does) through the same code. */
export type Encode = (text: string) => Buffer;
const utf8: Encode = (text) => Buffer.from(text, 'utf8');

export function dbfHeader(fields: readonly DbfField[], records: number, date = new Date(), encode: Encode = utf8): Buffer {
  const headerLength = 32 + fields.length * 32 + 1;
  const recordLength = 1 + fields.reduce((sum, f) => sum + f.length, 0);
  const head = Buffer.alloc(headerLength);
  head.writeUInt8(0x03, 0);
  head.writeUInt8(date.getUTCFullYear() - 1900, 1);
  head.writeUInt8(date.getUTCMonth() + 1, 2);
  head.writeUInt8(date.getUTCDate(), 3);
  head.writeUInt32LE(records, 4);
  head.writeUInt16LE(headerLength, 8);
  head.writeUInt16LE(recordLength, 10);
  // Byte 29, the language driver, stays 0: the .cpg names the encoding.
  fields.forEach((f, i) => {
    const at = 32 + i * 32;
    encode(f.name).copy(head, at, 0, 10);
    head.write(f.type, at + 11, 'latin1');
    head.writeUInt8(f.length, at + 16);
    head.writeUInt8(f.decimals, at + 17);
  });
  head.writeUInt8(0x0d, headerLength - 1);
  return head;
}

/** One record: the deletion flag (a space), then every field at its width. */
export function dbfRecord(fields: readonly DbfField[], values: readonly unknown[], layout: DbfLayout, encode: Encode = utf8): Buffer {
  const length = 1 + fields.reduce((sum, f) => sum + f.length, 0);
  const out = Buffer.alloc(length, 0x20);
  let at = 1;
  fields.forEach((f, i) => {
    const v = values[i];
    if (v !== null && v !== undefined) {
      if (f.type === 'C') {
        const bytes = encode(String(v));
        let end = Math.min(bytes.length, f.length);
        // Never cut a UTF-8 character in half (the lengths measured are UTF-8 bytes, so other encodings fit).
        while (end < bytes.length && end > 0 && ((bytes[end] as number) & 0xc0) === 0x80) end--;
        if (end < bytes.length) layout.truncated++;
        bytes.copy(out, at, 0, end);
      } else if (f.type === 'N') {
        const text = numberText(Number(v));
        out.write(text.padStart(f.length).slice(-f.length), at, 'latin1');
      } else if (f.type === 'L') out.write(v ? 'T' : 'F', at, 'latin1');
      else if (f.type === 'D') out.write(String(v).replace(/-/g, '').slice(0, 8), at, 'latin1');
    } else if (f.type === 'L') out.write('?', at, 'latin1');
    at += f.length;
  });
  return out;
}
