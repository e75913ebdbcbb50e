import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VectorTile } from '@mapbox/vector-tile';
import type { FeatureCollection, Polygon } from 'geojson';
import { PbfReader } from 'pbf';
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeAreaTiles } from './area-tiles.ts';
import { PmtilesWriter, TILE_TYPE } from './pmtiles-writer.ts';
import { tileOf } from './tile-math.ts';

class FileBytes implements Source {
  constructor(private readonly bytes: Buffer) {}
  getKey() {
    return 'areas';
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const b = this.bytes.subarray(offset, offset + length);
    return { data: b.buffer.slice(b.byteOffset, b.byteOffset + b.length) as ArrayBuffer };
  }
}

const square = (x: number, y: number, d: number, props: Record<string, unknown>): FeatureCollection<Polygon> => ({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: props,
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [x, y],
            [x + d, y],
            [x + d, y + d],
            [x, y + d],
            [x, y],
          ],
        ],
      },
    },
  ],
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'area-tiles-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeAreaTiles', () => {
  it('each tile carries every layer that reaches it, with its properties', async () => {
    const path = join(dir, 'a.pmtiles');
    const writer = new PmtilesWriter(path);
    writeAreaTiles(
      writer,
      { zones: square(110, 40, 1, { name: '保护区', kind: 'nature_reserve' }), land: square(100, 30, 20, {}) },
      { maxZoom: 6 },
    );
    writer.finish({ tileType: TILE_TYPE.mvt, tileCompression: 'gzip', bounds: [100, 30, 120, 50], center: [110, 40, 4], metadata: {} });
    const archive = new PMTiles(new FileBytes(readFileSync(path)));
    const [x, y] = tileOf(110.5, 40.5, 6);
    const tile = await archive.getZxy(6, x, y);
    const vt = new VectorTile(new PbfReader(new Uint8Array(tile?.data ?? new ArrayBuffer(0))));
    expect(Object.keys(vt.layers).sort()).toEqual(['land', 'zones']);
    expect(vt.layers.zones?.feature(0).properties).toEqual({ name: '保护区', kind: 'nature_reserve' });
  });

  it('the inside of a large polygon is one stored tile however many it covers', () => {
    const path = join(dir, 'big.pmtiles');
    const writer = new PmtilesWriter(path);
    const stats = writeAreaTiles(writer, { land: square(90, 20, 40, {}) }, { maxZoom: 7 });
    const summary = writer.finish({
      tileType: TILE_TYPE.mvt,
      tileCompression: 'gzip',
      bounds: [90, 20, 130, 60],
      center: [110, 40, 4],
      metadata: {},
    });
    expect(stats.tiles).toBeGreaterThan(300);
    expect(summary.tileContents).toBeLessThan(stats.tiles / 2);
  });

  it('an empty layer is left out rather than written empty', () => {
    const writer = new PmtilesWriter(join(dir, 'e.pmtiles'));
    const stats = writeAreaTiles(writer, { zones: { type: 'FeatureCollection', features: [] } }, { maxZoom: 4 });
    writer.discard();
    expect(stats.tiles).toBe(0);
  });
});
