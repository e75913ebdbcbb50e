import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendColumns } from './bulk.ts';
import { Database } from './database.ts';
import { readColumns } from './read-columns.ts';

let db: Database;

beforeAll(async () => {
  db = await Database.open(':memory:');
});

afterAll(() => db.close());

describe('appendColumns', () => {
  it('copies typed columns into vectors as they are, across chunks and from a view into a larger buffer', async () => {
    await db.run('CREATE TABLE t (i INTEGER, u INTEGER, d DOUBLE, s VARCHAR)');
    const n = 5000;
    // Views that start part-way into their buffers, as batch slices do.
    const i = new Int32Array(n + 3).subarray(3).map((_, k) => k - 2500);
    const u = new Uint32Array(n + 1).subarray(1).map((_, k) => k * 7);
    const d = new Float64Array(n + 2).subarray(2).map((_, k) => k / 3);
    const s = Array.from({ length: n }, (_, k) => (k % 5 === 0 ? null : `s${k}`));
    await appendColumns(
      db,
      't',
      [
        ['i', 'INTEGER'],
        ['u', 'INTEGER'],
        ['d', 'DOUBLE'],
        ['s', 'VARCHAR'],
      ],
      [i, u, d, s],
    );
    const [ri, ru, rd, rs] = await readColumns(db, 'SELECT i, u, d, s FROM t', ['int32?', 'int32?', 'float64?', 'text']);
    expect(ri).toEqual(Array.from(i));
    expect(ru).toEqual(Array.from(u));
    expect(rd).toEqual(Array.from(d));
    expect(rs).toEqual(s);
  });

  it('still converts plain arrays value by value, nulls included', async () => {
    await db.run('CREATE TABLE p (i INTEGER, d DOUBLE)');
    await appendColumns(
      db,
      'p',
      [
        ['i', 'INTEGER'],
        ['d', 'DOUBLE'],
      ],
      [
        [1, null, 3],
        [0.5, 1.5, null],
      ],
    );
    const [i, d] = await readColumns(db, 'SELECT i, d FROM p', ['int32?', 'float64?']);
    expect(i).toEqual([1, null, 3]);
    expect(d).toEqual([0.5, 1.5, null]);
  });
});
