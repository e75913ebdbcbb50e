/**
 * What the shapefile reader needs to know about a .dbf beyond what the shapefile package gives:
 * its layout, its field names in order, the encoding of its text, and the records flagged deleted.
 * These read the fixed-size header and flag bytes only; records themselves are the package's to parse.
 */
import { open, readFile } from 'node:fs/promises';
import { type Reason, reason } from '../../domain/reasons.ts';
import { type DetectedEncoding, detectEncoding, encodingFromLabel, isMostlyUtf8 } from '../encoding.ts';
import type { ReadOptions } from './record.ts';

/** DBF language driver ids that name a code page (ESRI's table); 0x57 means "system ANSI", which says nothing. */
const LANGUAGE_DRIVERS: Record<number, string> = { 77: 'gb18030', 79: 'big5', 122: 'gb18030', 1: 'cp437', 3: 'windows-1252' };

export interface DbfLayout {
  records: number;
  headerLength: number;
  recordLength: number;
  languageDriver: number;
}

export async function dbfLayout(path: string): Promise<DbfLayout> {
  const file = await open(path);
  try {
    const head = Buffer.alloc(32);
    await file.read(head, 0, 32, 0);
    return {
      records: head.readUInt32LE(4),
      headerLength: head.readUInt16LE(8),
      recordLength: head.readUInt16LE(10),
      languageDriver: head[29] ?? 0,
    };
  } finally {
    await file.close();
  }
}

/** Field names and the first records, enough to tell GBK from UTF-8. */
export async function dbfSample(path: string, layout: DbfLayout): Promise<{ bytes: Uint8Array; complete: boolean }> {
  const file = await open(path);
  try {
    const want = Math.min(layout.headerLength + layout.recordLength * layout.records, 1024 * 1024);
    const buffer = Buffer.alloc(want);
    const { bytesRead } = await file.read(buffer, 0, want, 0);
    // Skip the 32-byte file header (binary) but keep field descriptors, whose names may be Chinese.
    const names = buffer.subarray(32, Math.min(layout.headerLength, bytesRead));
    const fieldNames = Buffer.concat(Array.from({ length: Math.floor(names.length / 32) }, (_, i) => names.subarray(i * 32, i * 32 + 11)));
    return { bytes: Buffer.concat([fieldNames, buffer.subarray(layout.headerLength, bytesRead)]), complete: bytesRead < want };
  } finally {
    await file.close();
  }
}

/** Indexes of records flagged deleted ('*'), which the reader would otherwise return. */
export async function deletedRecords(path: string, layout: DbfLayout): Promise<Set<number>> {
  const deleted = new Set<number>();
  const file = await open(path);
  try {
    const block = 4096;
    const buffer = Buffer.alloc(layout.recordLength * block);
    for (let first = 0; first < layout.records; first += block) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, layout.headerLength + first * layout.recordLength);
      for (let i = 0; i * layout.recordLength < bytesRead && first + i < layout.records; i++) {
        if (buffer[i * layout.recordLength] === 0x2a) deleted.add(first + i);
      }
    }
  } finally {
    await file.close();
  }
  return deleted;
}

export async function attributeEncoding(dbf: string, cpg: string | undefined, layout: DbfLayout, options: ReadOptions, notes: Reason[]) {
  if (options.encoding) return { encoding: encodingFromLabel(options.encoding), bom: false, by: 'declared' } satisfies DetectedEncoding;
  const sample = await dbfSample(dbf, layout);
  if (cpg !== undefined) {
    const declared = (await readFile(cpg, 'latin1')).trim();
    let encoding: string | undefined;
    try {
      encoding = encodingFromLabel(declared);
    } catch {
      notes.push(reason('import_cpg_unknown', { encoding: declared, ext: '.cpg' }));
    }
    // A .cpg saying UTF-8 over bytes that are not is common when a tool writes the .cpg by default;
    // over bytes that mostly are, it is right, and the records with bad bytes are reported.
    if (encoding === 'utf-8' && !isMostlyUtf8(sample.bytes, sample.complete)) {
      const detected = detectEncoding(sample.bytes, sample.complete);
      notes.push(reason('import_cpg_not_utf8', { encoding: detected.encoding, declared: 'UTF-8', ext: '.cpg' }));
      return detected;
    }
    if (encoding) return { encoding, bom: false, by: '.cpg' };
  }
  const fromDriver = LANGUAGE_DRIVERS[layout.languageDriver];
  if (fromDriver && !isMostlyUtf8(sample.bytes, sample.complete)) return { encoding: fromDriver, bom: false, by: 'DBF language driver' };
  return detectEncoding(sample.bytes, sample.complete);
}

/** Field names straight from the DBF header, in order, decoded like the values. */
export async function fieldNames(dbf: string, layout: DbfLayout, encoding: string): Promise<string[]> {
  const file = await open(dbf);
  try {
    const header = Buffer.alloc(layout.headerLength);
    await file.read(header, 0, layout.headerLength, 0);
    const decoder = new TextDecoder(encoding === 'gb18030' ? 'gb18030' : encoding);
    const names: string[] = [];
    for (let at = 32; at + 32 <= header.length && header[at] !== 0x0d; at += 32) {
      const raw = header.subarray(at, at + 11);
      const end = raw.indexOf(0);
      names.push(decoder.decode(end === -1 ? raw : raw.subarray(0, end)).trim());
    }
    return names;
  } finally {
    await file.close();
  }
}
