import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../server/db/database.ts';
import { setSetting } from '../../server/db/settings-store.ts';
import { decodeColumns, INDICATOR_SCHEMA, PROFILE_SCHEMA, ruleMaskSchema } from '../../server/domain/column-payload.ts';
import { decodePoints } from '../../server/domain/point-payload.ts';
import { SECTORS } from '../../server/domain/sectors.ts';
import { createApp } from '../../server/http/app.ts';
import { TEST_CONFIG, type TempDb, tempDemoDb, tempDir } from '../helpers/temp-db.ts';

let temp: TempDb;
let db: Database;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  temp = await tempDemoDb(500, 11);
  db = await temp.open();
  app = createApp({ db, config: TEST_CONFIG });
});
afterAll(() => {
  db.close();
  temp.cleanup();
});

const bin = async (path: string) => {
  const res = await app.request(path);
  expect(res.status).toBe(200);
  return res.arrayBuffer();
};

describe('on-demand column payloads', () => {
  it('profile: capacity and sector in point order', async () => {
    const points = decodePoints(await bin('/api/enterprises/points'));
    const profile = decodeColumns(await bin('/api/enterprises/profile.bin'), PROFILE_SCHEMA);
    expect(profile.count).toBe(points.count);
    const key = points.key[17] as number;
    const row = await db.one<{ capacity: number; sector: string }>('SELECT capacity, sector FROM enterprises WHERE key = $key', { key });
    expect(profile.columns.capacity[17]).toBeCloseTo(row?.capacity ?? Number.NaN, 3);
    const sector = SECTORS[(profile.columns.sector[17] as number) - 1];
    expect(row?.sector.startsWith(sector?.code ?? '?')).toBe(true);
  });

  it('indicators of a year agree with the database, NaN where no value', async () => {
    const points = decodePoints(await bin('/api/enterprises/points'));
    const set = decodeColumns(await bin('/api/enterprises/indicators.bin?year=2019'), INDICATOR_SCHEMA);
    expect(set.tag).toBe(2019);
    const rows = await db.all<{ key: number; e: number; v: number; e0: number; v0: number }>(
      `SELECT x.key, i.energy_tce AS e, i.added_value AS v, b.energy_tce AS e0, b.added_value AS v0
       FROM enterprises x JOIN indicators i ON i.enterprise_id = x.id AND i.year = 2019
       JOIN indicators b ON b.enterprise_id = x.id AND b.year = 2015 WHERE i.added_value > 0 AND b.added_value > 0 LIMIT 5`,
    );
    expect(rows.length).toBe(5);
    for (const r of rows) {
      const i = points.key.indexOf(r.key);
      expect(set.columns.energy_intensity[i]).toBeCloseTo(r.e / r.v, 4);
      expect(set.columns.energy_change[i]).toBeCloseTo((r.e / r.v / (r.e0 / r.v0) - 1) * 100, 2);
    }
    const planned = await db.one<{ key: number }>("SELECT key FROM enterprises WHERE status = 'announced' LIMIT 1");
    expect(Number.isNaN(set.columns.energy_intensity[points.key.indexOf(planned?.key ?? -1)])).toBe(true);
  });

  it('rule masks: one bit per rule in the order of the column index, as many as the flags table says', async () => {
    const index = (await (await app.request('/api/enterprises/columns')).json()) as {
      screening_run: number;
      years: number[];
      rules: { rule_id: string; enterprises: number }[];
    };
    const run = await db.one<{ value: string }>("SELECT value FROM meta WHERE key = 'screening_run'");
    expect(index.screening_run).toBe(Number(run?.value));
    expect(index.years).toContain(2015);
    const expected = await db.all<{ rule_id: string; n: number }>(
      'SELECT rule_id, count(DISTINCT enterprise_id) AS n FROM flags GROUP BY rule_id ORDER BY rule_id',
    );
    expect(expected.length).toBeGreaterThan(3);
    expect(index.rules.map((r) => [r.rule_id, r.enterprises])).toEqual(expected.map((r) => [r.rule_id, r.n]));
    const words = Math.ceil(index.rules.length / 32);
    const masks = decodeColumns(await bin('/api/enterprises/rules.bin'), ruleMaskSchema(words));
    expect(masks.tag).toBe(index.screening_run);
    index.rules.forEach((rule, bit) => {
      let n = 0;
      for (let i = 0; i < masks.count; i++) if ((masks.columns.mask[i * words + (bit >>> 5)] as number) & (1 << (bit & 31))) n++;
      expect(n).toBe(rule.enterprises);
    });
  });

  it('answers 304 to a matching ETag and 400 to a bad year', async () => {
    const first = await app.request('/api/enterprises/profile.bin');
    const etag = first.headers.get('etag') ?? '';
    expect((await app.request('/api/enterprises/profile.bin', { headers: { 'if-none-match': etag } })).status).toBe(304);
    const bad = await app.request('/api/enterprises/indicators.bin?year=twenty');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('twenty');
  });
});

describe('GET /api/enterprises/names', () => {
  it('answers names for the keys asked, in key order', async () => {
    const res = await app.request('/api/enterprises/names?keys=5,2,9999999');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { key: number; name: string; name_en: string | null }[];
    expect(body.map((r) => r.key)).toEqual([2, 5]);
    expect(body[0]?.name).toMatch(/有限公司$/);
    expect(body[0]?.name_en).toMatch(/Co\., Ltd\.$/);
  });

  it('refuses a malformed key list, naming it', async () => {
    const res = await app.request('/api/enterprises/names?keys=1;DROP');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('1;DROP');
  });
});

describe('before any screening, and with zero enterprises', () => {
  it('answers an empty rule list and masks of zeros, and empty column sets', async () => {
    // A new, empty database: migrations only, nothing imported or screened.
    const dir = tempDir();
    const edb = await Database.open(join(dir, 'empty.duckdb'));
    try {
      // A new database's planner map is closed to the public; these columns are read anonymously here.
      await setSetting(edb, 'public-map', 'on');
      const eapp = createApp({ db: edb, config: TEST_CONFIG });
      const index = (await (await eapp.request('/api/enterprises/columns')).json()) as { rules: unknown[] };
      expect(index.rules).toEqual([]);
      for (const path of ['/api/enterprises/rules.bin', '/api/enterprises/profile.bin', '/api/enterprises/indicators.bin?year=2019']) {
        const res = await eapp.request(path);
        expect(res.status).toBe(200);
        expect(new Uint32Array(await res.arrayBuffer(), 0, 4)[1]).toBe(0);
      }
    } finally {
      edb.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rule masks are all zero when flags are empty', async () => {
    const fresh = await tempDemoDb(50, 2);
    const fdb = await fresh.open();
    try {
      await fdb.run('DELETE FROM flag_rows');
      const fapp = createApp({ db: fdb, config: TEST_CONFIG });
      const res = await fapp.request('/api/enterprises/rules.bin');
      expect(res.status).toBe(200);
      const masks = decodeColumns(await res.arrayBuffer(), ruleMaskSchema(1));
      expect(masks.count).toBe(50);
      expect([...masks.columns.mask].every((m) => m === 0)).toBe(true);
    } finally {
      fdb.close();
      fresh.cleanup();
    }
  });
});
