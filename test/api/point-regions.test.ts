/**
 * Regions past 255: China has about 333 prefecture-level divisions, and the point payload's region
 * was once a byte that wrapped. 300 prefectures in twelve provinces are packed by the server,
 * decoded as the browser decodes them, and filtered, counted and sorted by the map's own code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../server/db/database.ts';
import { setSetting } from '../../server/db/settings-store.ts';
import { compileFilter, EMPTY_FILTER } from '../../server/domain/map-filter.ts';
import { decodePoints } from '../../server/domain/point-payload.ts';
import { prefectureOf } from '../../server/domain/regions.ts';
import { createApp } from '../../server/http/app.ts';
import type { MapData } from '../../web/src/data/map-data.ts';
import { runFilter } from '../../web/src/filter/filter-pass.ts';
import { sortedIndices } from '../../web/src/list/sorted-indices.ts';
import { TEST_CONFIG } from '../helpers/temp-db.ts';

const PREFECTURES = 300;
let db: Database;
let data: MapData;
let prefectureOrder: string[];
/** The prefecture each enterprise key lies in, or null. */
let expected: Map<number, string | null>;

beforeAll(async () => {
  db = await Database.open(':memory:');
  // Provinces 110000 … 220000, each with 25 prefectures xx0100 … xx2500, in code order.
  await db.run(
    `INSERT INTO regions (code, name, level, parent) SELECT printf('%02d0000', 11 + p), 'P' || p, 'province', '000000' FROM range(12) t(p)`,
  );
  await db.run(
    `INSERT INTO regions (code, name, level, parent)
     SELECT printf('%02d%02d00', 11 + i // 25, i % 25 + 1), 'R' || i, 'prefecture', printf('%02d0000', 11 + i // 25) FROM range(${PREFECTURES}) t(i)`,
  );
  // 1–5 plants per prefecture, every other one recorded at county level (xxxx02), and two plants
  // outside every prefecture (no region; a code the catalogue does not know).
  await db.run(
    `INSERT INTO enterprises (id, key, name, sector, region_code, lon, lat)
     SELECT 'E' || k, k, 'plant', 'C3110', code, 110, 40 FROM (
       SELECT (row_number() OVER (ORDER BY i, j))::INTEGER AS k,
              printf('%02d%02d%s', 11 + i // 25, i % 25 + 1, CASE WHEN j % 2 = 0 THEN '00' ELSE '02' END) AS code
       FROM range(${PREFECTURES}) t(i), range(5) u(j) WHERE j <= i % 5)`,
  );
  await db.run(`INSERT INTO enterprises (id, key, name, sector, region_code, lon, lat) VALUES
    ('none', 10001, 'plant', 'C3110', NULL, 110, 40), ('unknown', 10002, 'plant', 'C3110', '990100', 110, 40)`);
  expected = new Map(
    (await db.all<{ key: number; region_code: string | null }>('SELECT key, region_code FROM enterprises')).map((r) => [
      r.key,
      r.region_code && r.region_code !== '990100' ? prefectureOf(r.region_code) : null,
    ]),
  );
  // The map's routes, as the demo serves them: open to anonymous readers.
  await setSetting(db, 'public-map', 'on');
  const app = createApp({ db, config: TEST_CONFIG });
  prefectureOrder = ((await (await app.request('/api/catalogue')).json()) as { prefectureOrder: string[] }).prefectureOrder;
  const points = decodePoints(await (await app.request('/api/enterprises/points')).arrayBuffer());
  data = { points, profile: null, indicators: null, rules: null };
});
afterAll(() => db.close());

const filtered = (regions: string[]) => {
  const result = runFilter(data, compileFilter({ ...EMPTY_FILTER, regions }, { prefectureOrder, ruleIds: [] }));
  if (!result) throw new Error('no column set is needed for a region filter');
  return result;
};
const plantsIn = (prefecture: string) => [...expected.values()].filter((p) => p === prefecture).length;

describe('300 prefectures in the point payload', () => {
  it('the catalogue lists all 300, and every plant decodes to its own prefecture', () => {
    expect(prefectureOrder).toHaveLength(PREFECTURES);
    const { points } = data;
    expect(points.count).toBe(expected.size);
    for (let i = 0; i < points.count; i++) {
      const region = points.region[i] as number;
      expect(region === 0 ? null : prefectureOrder[region - 1], `key ${points.key[i]}`).toBe(expected.get(points.key[i] as number));
    }
    expect(Math.max(...points.region)).toBe(PREFECTURES);
  });

  it.each([
    ['the 1st', '110100'],
    ['the 256th', '211600'],
    ['the 300th', '222500'],
  ])('a filter on %s prefecture (%s) draws its plants and no others', (_, code) => {
    const { visible, counts } = filtered([code]);
    expect(counts.visible).toBe(plantsIn(code));
    for (let i = 0; i < data.points.count; i++) {
      expect(visible[i] === 1, `key ${data.points.key[i]}`).toBe(expected.get(data.points.key[i] as number) === code);
    }
  });

  it('a filter on a province past the 255th prefecture counts each of its prefectures', () => {
    const { counts } = filtered(['220000']);
    const inProvince = prefectureOrder.filter((p) => p.startsWith('22'));
    expect(inProvince).toHaveLength(25);
    expect(counts.visible).toBe(inProvince.reduce((n, p) => n + plantsIn(p), 0));
    // Facet counts: what choosing each prefecture would give, whatever the region filter holds.
    prefectureOrder.forEach((code, i) => {
      expect(counts.region[i + 1], code).toBe(plantsIn(code));
    });
    expect(counts.region[0]).toBe(2);
  });

  it('the list sorts by region in catalogue order, past 255 too', () => {
    const all = new Float32Array(data.points.count).fill(1);
    const order = Array.from(sortedIndices(data, all, 'region', false), (i) => data.points.region[i] as number);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order.at(-1)).toBe(PREFECTURES);
  });
});
