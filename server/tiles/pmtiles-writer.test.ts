import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PMTiles, type RangeResponse, type Source, tileIdToZxy, zxyToTileId } from 'pmtiles';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Random } from '../../data/demo/random.ts';
import { type ArchiveInfo, PmtilesWriter, TILE_TYPE } from './pmtiles-writer.ts';

/** The pmtiles reader over a file on disk, the way it reads over HTTP ranges. */
class BufferSource implements Source {
  constructor(private readonly bytes: Buffer) {}
  getKey() {
    return 'test';
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const slice = this.bytes.subarray(offset, offset + length);
    return { data: slice.buffer.slice(slice.byteOffset, slice.byteOffset + slice.length) as ArrayBuffer };
  }
}

const INFO: ArchiveInfo = {
  tileType: TILE_TYPE.mvt,
  tileCompression: 'none',
  bounds: [100, 30, 120, 45],
  center: [110, 40, 3],
  metadata: { vector_layers: [{ id: 'test', fields: {} }], name: '测试' },
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pmtiles-writer-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const bytesOf = (text: string) => new TextEncoder().encode(text);
const read = (path: string) => new PMTiles(new BufferSource(readFileSync(path)));
const text = async (archive: PMTiles, z: number, x: number, y: number) => {
  const tile = await archive.getZxy(z, x, y);
  return tile ? new TextDecoder().decode(tile.data) : undefined;
};

describe('PmtilesWriter', () => {
  it('one tile at zoom 0 reads back with the header, bounds and metadata', async () => {
    const path = join(dir, 'one.pmtiles');
    const writer = new PmtilesWriter(path);
    writer.addTile(zxyToTileId(0, 0, 0), bytesOf('world'));
    const summary = writer.finish(INFO);
    const archive = read(path);
    expect(await text(archive, 0, 0, 0)).toBe('world');
    const header = await archive.getHeader();
    expect(header).toMatchObject({ minZoom: 0, maxZoom: 0, tileType: 1, minLon: 100, maxLat: 45, clustered: true, numAddressedTiles: 1 });
    expect(await archive.getMetadata()).toEqual(INFO.metadata);
    expect(summary.bytes).toBe(statSync(path).size);
  });

  it('a missing tile reads as absent, not as a neighbour', async () => {
    const path = join(dir, 'gap.pmtiles');
    const writer = new PmtilesWriter(path);
    writer.addTile(zxyToTileId(1, 0, 0), bytesOf('a'));
    writer.addTile(zxyToTileId(1, 1, 1), bytesOf('b'));
    writer.finish(INFO);
    const archive = read(path);
    expect(await text(archive, 1, 0, 0)).toBe('a');
    expect(await text(archive, 1, 0, 1)).toBeUndefined();
    expect(await text(archive, 1, 1, 1)).toBe('b');
  });

  it('identical tiles are stored once, and consecutive ones are one run', async () => {
    const path = join(dir, 'runs.pmtiles');
    const writer = new PmtilesWriter(path);
    const same = bytesOf('the same interior tile '.repeat(20));
    const ids = Array.from({ length: 256 }, (_, i) => zxyToTileId(4, i % 16, Math.floor(i / 16))).sort((a, b) => a - b);
    for (const id of ids) writer.addTile(id, same);
    const summary = writer.finish(INFO);
    expect(summary).toMatchObject({ addressedTiles: 256, tileContents: 1, largestTile: same.length });
    expect(summary.bytes).toBeLessThan(same.length + 1000);
    const archive = read(path);
    expect(await text(archive, 4, 15, 15)).toBe(new TextDecoder().decode(same));
    expect((await archive.getHeader()).numTileEntries).toBe(1);
  });

  it('a directory too large for the root is split into leaf directories that still find every tile', async () => {
    const path = join(dir, 'leaves.pmtiles');
    const writer = new PmtilesWriter(path);
    // 60,000 distinct tiles of irregular sizes at irregular ids (a regular pattern would gzip
    // into a root that fits): the root cannot hold them.
    const random = new Random(7);
    const start = zxyToTileId(10, 0, 0);
    const kept = new Map<number, string>();
    for (let id = start, n = 0; n < 60_000; n++) {
      id += random.int(1, 12);
      const body = `t${id}`.padEnd(random.int(4, 44), '.');
      kept.set(id, body);
      writer.addTile(id, bytesOf(body));
    }
    writer.finish(INFO);
    const archive = read(path);
    const header = await archive.getHeader();
    expect(header.leafDirectoryLength).toBeGreaterThan(0);
    expect(header.rootDirectoryLength).toBeLessThanOrEqual(16_384 - 127);
    const ids = [...kept.keys()];
    for (const id of [ids[0], ids[12_345], ids[40_000], ids.at(-1)] as number[]) {
      const [z, x, y] = tileIdToZxy(id);
      expect(await text(archive, z, x, y)).toBe(kept.get(id));
    }
    const gap = (ids.find((id, i) => (ids[i + 1] ?? id) - id > 1) as number) + 1;
    expect(await text(archive, ...tileIdToZxy(gap))).toBeUndefined();
  });

  it('refuses tiles out of tile-id order, naming the tile', () => {
    const writer = new PmtilesWriter(join(dir, 'order.pmtiles'));
    writer.addTile(zxyToTileId(2, 1, 1), bytesOf('a'));
    expect(() => writer.addTile(zxyToTileId(1, 0, 0), bytesOf('b'))).toThrow(/tile 1\/0\/0 .*ascending tile-id order/);
    writer.discard();
  });

  it('refuses an empty tile and an archive of zero tiles', () => {
    const writer = new PmtilesWriter(join(dir, 'empty.pmtiles'));
    expect(() => writer.addTile(0, new Uint8Array())).toThrow(/empty/);
    expect(() => writer.finish(INFO)).toThrow(/no tiles/);
  });
});
