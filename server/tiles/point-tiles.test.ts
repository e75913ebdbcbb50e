import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Random } from '../../data/demo/random.ts';
import { PmtilesWriter, TILE_TYPE } from './pmtiles-writer.ts';
import { writePointTiles } from './point-tiles.ts';
import { tileOf } from './tile-math.ts';

class FileBytes implements Source {
  constructor(private readonly bytes: Buffer) {}
  getKey() {
    return 'points';
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const b = this.bytes.subarray(offset, offset + length);
    return { data: b.buffer.slice(b.byteOffset, b.byteOffset + b.length) as ArrayBuffer };
  }
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'point-tiles-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function build(lon: number[], lat: number[], category: number[], options = { clusterMaxZoom: 5, maxZoom: 7 }) {
  const path = join(dir, 'p.pmtiles');
  const writer = new PmtilesWriter(path);
  const stats = writePointTiles(writer, { count: lon.length, lon, lat, category }, { layer: 'enterprises', ...options });
  writer.finish({ tileType: TILE_TYPE.mvt, tileCompression: 'gzip', bounds: [100, 30, 120, 45], center: [110, 40, 4], metadata: {} });
  const archive = new PMTiles(new FileBytes(readFileSync(path)));
  const features = async (z: number, x: number, y: number) => {
    const tile = await archive.getZxy(z, x, y);
    if (!tile) return [];
    // The reader un-gzips tiles itself, as it does in the browser.
    const layer = new VectorTile(new PbfReader(new Uint8Array(tile.data))).layers.enterprises;
    return layer ? Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties) : [];
  };
  return { stats, features };
}

describe('writePointTiles', () => {
  it('zoomed out, nearby points are one cluster counting them all, coloured by the lowest non-zero category', async () => {
    const { features } = await build([110, 110.001, 110.002], [40, 40, 40], [3, 0, 1]);
    const [x, y] = tileOf(110, 40, 2);
    const props = await features(2, x, y);
    expect(props).toHaveLength(1);
    expect(props[0]).toMatchObject({ point_count: 3, c: 1 });
  });

  it('beyond the cluster zoom every point is its own feature with its row and category', async () => {
    const { features } = await build([110, 110.3, 110.6], [40, 40, 40], [3, 0, 1]);
    const [x, y] = tileOf(110.3, 40, 7);
    const props = await features(7, x, y);
    expect(props).toContainEqual({ i: 1, c: 0 });
  });

  it('every point is in a tile at the deepest zoom, counted once by the clusters above it', async () => {
    const random = new Random(3);
    const n = 5_000;
    const lon = Array.from({ length: n }, () => random.range(105, 115));
    const lat = Array.from({ length: n }, () => random.range(36, 44));
    const { stats } = await build(lon, lat, new Array(n).fill(0));
    // Clusters at zoom 0 add up to every point (a tile's buffer may repeat a neighbour's, never at zoom 0).
    expect(stats.featuresByZoom[0]).toBeGreaterThan(0);
    expect(stats.featuresByZoom.at(-1)).toBeGreaterThanOrEqual(n);
  });

  it('points on the antimeridian and near the poles land in edge tiles without error', async () => {
    const { stats } = await build([180, -180, 0], [89, -89, 0], [1, 1, 1], { clusterMaxZoom: 1, maxZoom: 3 });
    expect(stats.tiles).toBeGreaterThan(0);
  });

  it('zero points make no tiles (the caller leaves the archive out)', () => {
    const writer = new PmtilesWriter(join(dir, 'none.pmtiles'));
    const stats = writePointTiles(writer, { count: 0, lon: [], lat: [], category: [] }, { layer: 'e', clusterMaxZoom: 3, maxZoom: 4 });
    writer.discard();
    expect(stats.tiles).toBe(0);
  });
});
