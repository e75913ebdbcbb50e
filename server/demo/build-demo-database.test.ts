/**
 * A demo built on a base (the shipped regions and zones, copied) is the demo built from nothing:
 * the test runs build theirs that way, so it must not be a different database.
 */

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES_ENV } from '../../test/helpers/fixture-cache.ts';
import { demoBase, tempDir } from '../../test/helpers/temp-db.ts';
import { Database } from '../db/database.ts';
import { buildDemoBase, buildDemoDatabase } from './build-demo-database.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Each table's row count and a hash of its rows, without the times they were written. */
async function fingerprint(path: string): Promise<Record<string, string>> {
  const db = await Database.open(path);
  try {
    const out: Record<string, string> = {};
    for (const [table, written] of [
      ['regions', ''],
      ['zones', 'updated_at'],
      ['enterprises', 'updated_at'],
      ['indicators', ''],
      ['flags', ''],
      ['cases', 'created_at, updated_at'],
    ] as const) {
      const columns = written ? `* EXCLUDE (${written})` : '*';
      const [row] = await db.all<{ n: number; h: string }>(
        `SELECT count(*) AS n, coalesce(sum(hash(t::VARCHAR)), 0)::VARCHAR AS h FROM (SELECT ${columns} FROM ${table}) t`,
      );
      out[table] = `${row?.n} rows, hash ${row?.h}`;
    }
    return out;
  } finally {
    db.close();
  }
}

describe('buildDemoDatabase', () => {
  it('on a base of regions and zones gives the database it gives from nothing', async () => {
    // The base this run's tests build theirs on, when there is one: that is the base to hold to it.
    const cache = process.env[FIXTURES_ENV];
    const base = cache ? await demoBase(cache) : await buildDemoBase(join(dir, 'base.duckdb'));
    expect(base.regions).toBeGreaterThan(0);
    expect(base.zones).toBeGreaterThan(0);
    const options = { enterprises: 300, seed: 5, asOf: '2025-06-30' };
    const fromNothing = await buildDemoDatabase(join(dir, 'a.duckdb'), options);
    const onBase = await buildDemoDatabase(join(dir, 'b.duckdb'), { ...options, base });
    // Everything but where and how fast: the screening's counts of cases stay.
    const same = (s: typeof onBase) => ({ ...s, path: '', seconds: 0, screening: s.screening?.cases });
    expect(same(onBase)).toEqual(same(fromNothing));
    expect(await fingerprint(join(dir, 'b.duckdb'))).toEqual(await fingerprint(join(dir, 'a.duckdb')));
  });
});
