import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from './database.ts';
import { NULL_BOOL8, readColumns } from './read-columns.ts';

let db: Database;

beforeAll(async () => {
  db = await Database.open(':memory:');
  // 5,000 rows span three of DuckDB's 2,048-row chunks; every seventh row has nulls.
  await db.run(
    `CREATE TABLE t AS SELECT i::INTEGER AS i, (i / 4)::DOUBLE AS d,
       CASE WHEN i % 7 = 0 THEN NULL ELSE i * 10 END::INTEGER AS ni,
       CASE WHEN i % 7 = 0 THEN NULL ELSE i % 2 = 0 END AS nb,
       CASE WHEN i % 7 = 0 THEN NULL ELSE 'e-' || i END AS s,
       CASE WHEN i % 7 = 0 THEN NULL ELSE i / 2 END::DOUBLE AS nd
     FROM range(5000) r(i)`,
  );
});

afterAll(() => db.close());

describe('readColumns', () => {
  it('reads every kind the same as DuckDB’s generic reader, across chunk boundaries', async () => {
    const sql = 'SELECT i, d, ni, nb, s, nd FROM t ORDER BY i';
    const [i, d, ni, nb, s, nd] = await readColumns(db, sql, ['int32', 'float64', 'int32?', 'boolean?', 'text', 'float64?']);
    const generic = (await db.connection.runAndReadAll(sql)).getColumns();
    expect(i).toBeInstanceOf(Int32Array);
    expect(d).toBeInstanceOf(Float64Array);
    expect(Array.from(i)).toEqual(generic[0]);
    expect(Array.from(d)).toEqual(generic[1]);
    expect(ni).toEqual(generic[2]);
    expect(nb).toEqual(generic[3]);
    expect(s).toEqual(generic[4]);
    expect(nd).toEqual(generic[5]);
    expect(ni[7]).toBeNull();
    expect(ni[4998]).toBeNull();
    expect(ni[4997]).toBe(49_970);
    expect(nb[4999]).toBe(false);
  });

  it('reads a null in a never-null column as 0 or NaN rather than a stale value', async () => {
    const [ni, nd] = await readColumns(db, 'SELECT ni, nd FROM t WHERE i IN (7, 8) ORDER BY i', ['int32', 'float64']);
    expect(Array.from(ni)).toEqual([0, 80]);
    expect(Number.isNaN(nd[0])).toBe(true);
    expect(nd[1]).toBe(4);
  });

  it('gives empty columns for an empty result', async () => {
    const [i, s] = await readColumns(db, 'SELECT i, s FROM t WHERE false', ['int32', 'text']);
    expect(i.length).toBe(0);
    expect(s).toEqual([]);
  });

  it('refuses a column whose type differs from the declaration, naming it', async () => {
    await expect(readColumns(db, 'SELECT d FROM t', ['int32'])).rejects.toThrow('column 0 (d) is DOUBLE, declared int32');
    await expect(readColumns(db, 'SELECT i, d FROM t', ['int32'])).rejects.toThrow('returns 2 columns, 1 were declared');
  });

  it('reads booleans as bytes, null as NULL_BOOL8', async () => {
    const [b] = await readColumns(db, 'SELECT nb FROM t WHERE i BETWEEN 6 AND 8 ORDER BY i', ['bool8']);
    expect(Array.from(b)).toEqual([1, NULL_BOOL8, 1]);
  });

  it('binds parameters', async () => {
    const [i] = await readColumns(db, 'SELECT i FROM t WHERE i < $n ORDER BY i', ['int32'], { n: 3 });
    expect(Array.from(i)).toEqual([0, 1, 2]);
  });
});
