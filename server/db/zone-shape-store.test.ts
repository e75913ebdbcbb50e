import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Zone } from '../domain/zone.ts';
import { Database } from './database.ts';
import { decodeWkb, listZoneShapes } from './zone-shape-store.ts';
import { insertZones, listZones } from './zone-store.ts';

let db: Database;

const zone = (id: string, kind: Zone['kind'], geometry: Zone['geometry']): Zone => ({
  id,
  kind,
  zone_type: null,
  level: null,
  name: id,
  name_en: null,
  region_code: null,
  attributes: {},
  geometry,
});

beforeAll(async () => {
  db = await Database.open(':memory:');
  await insertZones(db, [
    // Coordinates no decimal string of fewer digits reproduces.
    zone('b-hole', 'nature_reserve', {
      type: 'Polygon',
      coordinates: [
        [
          [0.1 + 0.2, 0],
          [10, 0],
          [10, 10 / 3],
          [0.1 + 0.2, 0],
        ],
        [
          [1, 0.5],
          [2, 0.5],
          [2, 1],
          [1, 0.5],
        ],
      ],
    }),
    zone('a-multi', 'nature_reserve', {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 0],
          ],
        ],
        [
          [
            [5, 5],
            [6, 5],
            [6, 6],
            [5, 5],
          ],
        ],
      ],
    }),
    zone('park', 'industrial_park', {
      type: 'Polygon',
      coordinates: [
        [
          [116.1, 39.9],
          [116.2, 39.9],
          [116.2, 40.0],
          [116.1, 39.9],
        ],
      ],
    }),
  ]);
});

afterAll(() => db.close());

describe('listZoneShapes', () => {
  it('gives the ids, kinds, order and geometry of listZones, holes and multipolygons included', async () => {
    const full = await listZones(db);
    const shapes = await listZoneShapes(db);
    expect(shapes.map((z) => z.id)).toEqual(['park', 'a-multi', 'b-hole']);
    expect(shapes).toEqual(full.map((z) => ({ id: z.id, kind: z.kind, geometry: z.geometry })));
    expect(shapes[2]?.geometry.coordinates[0]?.[0]).toEqual([0.1 + 0.2, 0]);
  });

  it('reads zero zones', async () => {
    const empty = await Database.open(':memory:');
    expect(await listZoneShapes(empty)).toEqual([]);
    empty.close();
  });
});

describe('decodeWkb', () => {
  it('reads big-endian WKB', () => {
    const view = new DataView(new ArrayBuffer(1 + 4 + 4 + 4 + 4 * 16));
    view.setUint8(0, 0);
    view.setUint32(1, 3);
    view.setUint32(5, 1);
    view.setUint32(9, 4);
    for (const [i, v] of [0, 0, 1, 0, 1, 1, 0, 0].entries()) view.setFloat64(13 + i * 8, v);
    expect(decodeWkb(new Uint8Array(view.buffer), 'z1')).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ],
    });
  });

  it('refuses a point, naming the zone', () => {
    const point = new Uint8Array([1, 1, 0, 0, 0, ...new Uint8Array(new Float64Array([1, 2]).buffer)]);
    expect(() => decodeWkb(point, 'R0007')).toThrow('zone R0007: stored geometry has WKB type 1, not a 2-D Polygon or MultiPolygon');
  });
});
