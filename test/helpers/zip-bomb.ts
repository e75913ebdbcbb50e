/**
 * Zips whose entries expand enormously, built without ever holding the expansion: one 1 MiB run
 * of a repeated byte is deflated once with a full flush (so it refers to nothing before it) and
 * the segment is repeated. A gibibyte of spaces costs a megabyte of file and milliseconds.
 */
import { writeFileSync } from 'node:fs';
import { constants, crc32, deflateRawSync } from 'node:zlib';

const SEGMENT = 2 ** 20;
/** A final, empty block with fixed Huffman codes: what zlib writes on Z_FINISH with nothing left. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

export interface BombEntry {
  name: string;
  /** Expanded size, in whole MiB of `fill`; or `data` stored as given (deflated). */
  mib?: number;
  fill?: number;
  data?: Uint8Array;
  /** What the headers claim the entry expands to; the truth by default. */
  declaredSize?: number;
}

function deflated(entry: BombEntry): { body: Buffer[]; compressed: number; size: number; crc: number } {
  if (entry.data) {
    const body = deflateRawSync(entry.data);
    return { body: [body], compressed: body.length, size: entry.data.length, crc: crc32(entry.data) };
  }
  const run = Buffer.alloc(SEGMENT, entry.fill ?? 0x20);
  const segment = deflateRawSync(run, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const count = entry.mib ?? 1;
  let crc = 0;
  for (let i = 0; i < count; i++) crc = crc32(run, crc);
  const body = [...Array.from({ length: count }, () => segment), FINAL_BLOCK];
  return { body, compressed: segment.length * count + FINAL_BLOCK.length, size: SEGMENT * count, crc };
}

export function writeZipBomb(path: string, entries: readonly BombEntry[]): number {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const { body, compressed, size, crc } = deflated(entry);
    const claimed = Math.min(entry.declaredSize ?? size, 0xffffffff);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(compressed, 18);
    local.writeUInt32LE(claimed, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(crc >>> 0, 16);
    header.writeUInt32LE(compressed, 20);
    header.writeUInt32LE(claimed, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    parts.push(local, name, ...body);
    offset += local.length + name.length + compressed;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(path, Buffer.concat([...parts, directory, end]));
  return offset + directory.length + end.length;
}
