import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { createApp } from '../../server/http/app.ts';
import { TEST_CONFIG, type TempDb, tempDemoDb } from '../helpers/temp-db.ts';

let temp: TempDb;
let db: Database;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  temp = await tempDemoDb(800, 5);
  db = await temp.open();
  app = createApp({ db, config: TEST_CONFIG });
});
afterAll(() => {
  db.close();
  temp.cleanup();
});

interface Progress {
  name: string;
  years: { year: number; energy_intensity: number; energy_change: number | null; steel_capacity_mt: number }[];
  energy: { target: { change_percent: number }; change: number | null } | null;
  steel: { cap: { cap_mt: number }; capacity_mt: number | null } | null;
}

describe('GET /api/stats/region/{code}', () => {
  it('Hebei: intensities computed from the database, the −18% target and the 200 Mt cap', async () => {
    const res = await app.request('/api/stats/region/130000');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Progress;
    expect(body.name).toBe('河北省');
    const y2019 = body.years.find((y) => y.year === 2019);
    const expected = await db.one<{ e: number; v: number }>(
      `SELECT sum(i.energy_tce) AS e, sum(i.added_value) AS v FROM indicators i JOIN enterprises x ON x.id = i.enterprise_id
       WHERE x.region_code LIKE '13%' AND i.year = 2019 AND i.energy_tce IS NOT NULL AND i.added_value > 0`,
    );
    expect(y2019?.energy_intensity).toBeCloseTo((expected?.e ?? 0) / (expected?.v ?? 1), 9);
    expect(body.years.find((y) => y.year === 2015)?.energy_change).toBe(0);
    expect(body.energy?.target.change_percent).toBe(-18);
    expect(body.steel?.cap.cap_mt).toBe(200);
    const steel = await db.one<{ c: number }>(
      `SELECT sum(x.capacity) AS c FROM indicators i JOIN enterprises x ON x.id = i.enterprise_id
       WHERE x.region_code LIKE '13%' AND i.year = 2019 AND x.sector LIKE 'C312%'`,
    );
    expect(body.years.find((y) => y.year === 2019)?.steel_capacity_mt).toBeCloseTo((steel?.c ?? 0) / 100, 6);
  });

  it('adds steel capacities recorded in different mass units by converting them, and leaves out other quantities', async () => {
    // A fresh app each time: the shared one caches answers per data version for 100 ms.
    const mt = async () => {
      const fresh = createApp({ db, config: TEST_CONFIG });
      const body = (await (await fresh.request('/api/stats/region/130000')).json()) as Progress;
      return body.years.find((y) => y.year === 2019)?.steel_capacity_mt ?? Number.NaN;
    };
    const plant = await db.one<{ id: string; capacity: number }>(
      `SELECT x.id, x.capacity FROM indicators i JOIN enterprises x ON x.id = i.enterprise_id
       WHERE x.region_code LIKE '13%' AND i.year = 2019 AND x.sector LIKE 'C312%' AND x.capacity > 0 ORDER BY x.id LIMIT 1`,
    );
    if (!plant) throw new Error('the demo has a steel plant in Hebei reporting 2019');
    const before = await mt();
    try {
      // The same plant in tonnes: the total does not move.
      await db.run("UPDATE enterprises SET capacity = capacity * 10000, capacity_unit = '吨/年' WHERE id = $id", { id: plant.id });
      expect(await mt()).toBeCloseTo(before, 6);
      // In a unit of another quantity: left out, never added as if it were tonnes.
      await db.run("UPDATE enterprises SET capacity_unit = 'MW' WHERE id = $id", { id: plant.id });
      expect(await mt()).toBeCloseTo(before - plant.capacity / 100, 6);
    } finally {
      await db.run("UPDATE enterprises SET capacity = $c, capacity_unit = '万吨/年' WHERE id = $id", { id: plant.id, c: plant.capacity });
    }
  });

  it('404 for an unknown region and 400 for a malformed code', async () => {
    expect((await app.request('/api/stats/region/990000')).status).toBe(404);
    const bad = await app.request('/api/stats/region/13');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('"13"');
  });
});

describe('GET /api/stats/regions', () => {
  it('one row per prefecture with data for the year', async () => {
    const res = await app.request('/api/stats/regions?year=2019');
    const rows = (await res.json()) as { code: string; energy_change: number | null }[];
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.every((r) => /^\d{4}00$/.test(r.code))).toBe(true);
    expect(rows.some((r) => typeof r.energy_change === 'number')).toBe(true);
  });
});
