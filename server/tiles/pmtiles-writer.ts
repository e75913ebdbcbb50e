/**
 * Writes a PMTiles v3 archive (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md):
 * a 127-byte header, a gzipped root directory of at most 16 KiB, JSON metadata, leaf directories
 * when the root would be larger, then the tile data. The pmtiles package only reads; this follows
 * the reference writer (python/pmtiles/writer.py): identical tiles are stored once, and a run of
 * consecutive tile ids with the same content is one directory entry — the interior of a large
 * polygon, the same bytes at every zoom, costs a few bytes however many tiles it covers.
 *
 * Tiles are appended to a temporary file as they come, so memory holds the directory entries
 * (about 40 bytes a tile) and not the tiles. They must come in ascending tile-id order (the
 * Hilbert order PMTiles numbers tiles in), which makes the archive "clustered": neighbouring
 * tiles lie next to each other, and the directory needs no sort.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tileIdToZxy } from 'pmtiles';

export const TILE_TYPE = { mvt: 1, png: 2 } as const;
const COMPRESSION = { none: 1, gzip: 2 } as const;
const HEADER_BYTES = 127;
/** The header and root directory fit the first 16 KiB a reader fetches. */
const ROOT_BUDGET = 16_384 - HEADER_BYTES;

interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

export interface ArchiveInfo {
  tileType: (typeof TILE_TYPE)[keyof typeof TILE_TYPE];
  /** Tiles handed to addTile are already gzipped (MVT tiles usually are). */
  tileCompression: 'gzip' | 'none';
  /** West, south, east, north in degrees. */
  bounds: [number, number, number, number];
  center: [lon: number, lat: number, zoom: number];
  /** JSON metadata: vector_layers, attribution, name… */
  metadata: Record<string, unknown>;
}

export interface ArchiveSummary {
  bytes: number;
  addressedTiles: number;
  tileContents: number;
  largestTile: number;
  minZoom: number;
  maxZoom: number;
}

export class PmtilesWriter {
  private readonly entries: Entry[] = [];
  private readonly offsets = new Map<string, number>();
  private readonly dataPath: string;
  private readonly dataFd: number;
  private offset = 0;
  private addressed = 0;
  private largest = 0;

  constructor(private readonly path: string) {
    this.dataPath = `${path}.tiles.tmp`;
    this.dataFd = openSync(this.dataPath, 'w', 0o600);
  }

  /** Adds one tile; empty tiles should simply not be added (readers treat a missing tile as empty). */
  addTile(tileId: number, bytes: Uint8Array): void {
    if (bytes.length === 0) throw new Error(`tile ${tileId} is empty: leave empty tiles out of the archive`);
    const last = this.entries.at(-1);
    if (last && tileId < last.tileId + last.runLength) {
      throw new Error(
        `tile ${tileIdToZxy(tileId).join('/')} (id ${tileId}) added after tile id ${last.tileId + last.runLength - 1}: add tiles in ascending tile-id order`,
      );
    }
    const hash = createHash('sha1').update(bytes).digest('base64');
    const found = this.offsets.get(hash);
    this.addressed++;
    if (found !== undefined) {
      if (last && tileId === last.tileId + last.runLength && last.offset === found) {
        last.runLength++;
      } else {
        this.entries.push({ tileId, offset: found, length: bytes.length, runLength: 1 });
      }
      return;
    }
    writeSync(this.dataFd, bytes);
    this.entries.push({ tileId, offset: this.offset, length: bytes.length, runLength: 1 });
    this.offsets.set(hash, this.offset);
    this.offset += bytes.length;
    this.largest = Math.max(this.largest, bytes.length);
  }

  /** Writes the archive to its path and removes the temporary tile file. */
  finish(info: ArchiveInfo): ArchiveSummary {
    closeSync(this.dataFd);
    try {
      if (this.entries.length === 0) throw new Error(`no tiles were added to ${this.path}`);
      const { root, leaves } = directories(this.entries);
      const metadata = gzipSync(JSON.stringify(info.metadata));
      const minZoom = tileIdToZxy((this.entries[0] as Entry).tileId)[0];
      const maxZoom = tileIdToZxy((this.entries.at(-1) as Entry).tileId)[0];
      const header = Buffer.alloc(HEADER_BYTES);
      header.write('PMTiles', 0, 'ascii');
      header.writeUInt8(3, 7);
      const u64 = (at: number, v: number) => header.writeBigUInt64LE(BigInt(v), at);
      const rootOffset = HEADER_BYTES;
      const metadataOffset = rootOffset + root.length;
      const leafOffset = metadataOffset + metadata.length;
      const dataOffset = leafOffset + leaves.length;
      u64(8, rootOffset);
      u64(16, root.length);
      u64(24, metadataOffset);
      u64(32, metadata.length);
      u64(40, leafOffset);
      u64(48, leaves.length);
      u64(56, dataOffset);
      u64(64, this.offset);
      u64(72, this.addressed);
      u64(80, this.entries.length);
      u64(88, this.offsets.size);
      header.writeUInt8(1, 96); // clustered
      header.writeUInt8(COMPRESSION.gzip, 97);
      header.writeUInt8(COMPRESSION[info.tileCompression], 98);
      header.writeUInt8(info.tileType, 99);
      header.writeUInt8(minZoom, 100);
      header.writeUInt8(maxZoom, 101);
      const e7 = (degrees: number) => Math.round(degrees * 1e7);
      const [w, s, e, n] = info.bounds;
      header.writeInt32LE(e7(w), 102);
      header.writeInt32LE(e7(s), 106);
      header.writeInt32LE(e7(e), 110);
      header.writeInt32LE(e7(n), 114);
      header.writeUInt8(Math.max(minZoom, Math.min(maxZoom, Math.round(info.center[2]))), 118);
      header.writeInt32LE(e7(info.center[0]), 119);
      header.writeInt32LE(e7(info.center[1]), 123);

      const out = openSync(this.path, 'w', 0o644);
      try {
        for (const part of [header, root, metadata, leaves]) writeSync(out, part);
        copyInto(this.dataPath, out, this.offset);
      } finally {
        closeSync(out);
      }
      return {
        bytes: dataOffset + this.offset,
        addressedTiles: this.addressed,
        tileContents: this.offsets.size,
        largestTile: this.largest,
        minZoom,
        maxZoom,
      };
    } finally {
      unlinkSync(this.dataPath);
    }
  }

  /** Abandons the archive (on an error elsewhere), removing the temporary file. */
  discard(): void {
    try {
      closeSync(this.dataFd);
    } catch {
      // Already closed by finish.
    }
    try {
      unlinkSync(this.dataPath);
    } catch {
      // Already removed.
    }
  }
}

function copyInto(from: string, to: number, length: number): void {
  const fd = openSync(from, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    let done = 0;
    while (done < length) {
      const n = readSync(fd, buffer, 0, buffer.length, done);
      if (n === 0) throw new Error(`${from} ended at byte ${done} of ${length}`);
      writeSync(to, buffer, 0, n);
      done += n;
    }
  } finally {
    closeSync(fd);
  }
}

function varints(out: number[], n: number): void {
  let v = n;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

/** One directory as the spec lays it out: ids as deltas, then run lengths, lengths, offsets (0 = contiguous). */
export function serializeDirectory(entries: readonly Entry[]): Buffer {
  const out: number[] = [];
  varints(out, entries.length);
  let lastId = 0;
  for (const e of entries) {
    varints(out, e.tileId - lastId);
    lastId = e.tileId;
  }
  for (const e of entries) varints(out, e.runLength);
  for (const e of entries) varints(out, e.length);
  entries.forEach((e, i) => {
    const previous = entries[i - 1];
    varints(out, previous && e.offset === previous.offset + previous.length ? 0 : e.offset + 1);
  });
  return gzipSync(Buffer.from(out));
}

/** The root alone when it fits; else leaves of 4096 entries or more, doubled until the root fits. */
function directories(entries: readonly Entry[]): { root: Buffer; leaves: Buffer } {
  const whole = serializeDirectory(entries);
  if (whole.length <= ROOT_BUDGET) return { root: whole, leaves: Buffer.alloc(0) };
  for (let leafSize = 4096; ; leafSize *= 2) {
    const rootEntries: Entry[] = [];
    const leaves: Buffer[] = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += leafSize) {
      const leaf = serializeDirectory(entries.slice(i, i + leafSize));
      // A run length of 0 marks an entry that points at a leaf directory.
      rootEntries.push({ tileId: (entries[i] as Entry).tileId, offset, length: leaf.length, runLength: 0 });
      leaves.push(leaf);
      offset += leaf.length;
    }
    const root = serializeDirectory(rootEntries);
    if (root.length <= ROOT_BUDGET) return { root, leaves: Buffer.concat(leaves) };
  }
}
