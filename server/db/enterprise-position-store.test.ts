import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendRecords } from './bulk.ts';
import { Database } from './database.ts';
import { enterprisePositionsById } from './enterprise-position-store.ts';
import { enterprisePositionColumns } from './enterprise-store.ts';
import { ENTERPRISE_COLUMNS } from './tables.ts';

let db: Database;

beforeAll(async () => {
  db = await Database.open(':memory:');
  // 5,000 enterprises span three of DuckDB's 2,048-row chunks, inserted out of id order; some ids
  // are longer than the 12 bytes DuckDB stores inline, some are not ASCII.
  const now = new Date();
  await appendRecords(
    db,
    'enterprises',
    ENTERPRISE_COLUMNS,
    Array.from({ length: 5000 }, (_, i) => {
      const n = (i * 7919) % 5000;
      const id = n % 3 === 0 ? `91110000MA${String(n).padStart(8, '0')}` : n % 3 === 1 ? `E${n}` : `企业-${n}`;
      return {
        id,
        key: i + 1,
        name: id,
        sector: 'C2511',
        lon: 100 + n / 1000,
        lat: 40 - n / 1000,
        location_accuracy: 'exact',
        status: 'operating',
        scattered_dirty: false,
        green_factory: false,
        updated_at: now,
      };
    }),
  );
});

afterAll(() => db.close());

describe('enterprisePositionsById', () => {
  it('gives the positions and ids of the generic read, in id order, across chunks', async () => {
    const expected = await enterprisePositionColumns(db);
    const got = await enterprisePositionsById(db);
    expect(Array.from(got.lon)).toEqual(Array.from(expected.lon));
    expect(Array.from(got.lat)).toEqual(Array.from(expected.lat));
    expect(Array.from({ length: 5000 }, (_, i) => got.id(i))).toEqual(expected.id);
  });

  it('answers ids asked for out of order, and refuses a position out of range', async () => {
    const expected = await enterprisePositionColumns(db);
    const got = await enterprisePositionsById(db);
    for (const i of [4999, 0, 2048, 2047, 4096, 17, 3000]) expect(got.id(i)).toBe(expected.id[i]);
    expect(() => got.id(5000)).toThrow('enterprise position 5000 is out of range 0..4999');
  });

  it('reads zero enterprises', async () => {
    const empty = await Database.open(':memory:');
    const got = await enterprisePositionsById(empty);
    expect(got.lon.length).toBe(0);
    expect(() => got.id(0)).toThrow('out of range');
    empty.close();
  });
});
