/**
 * The plants around a view, as the server-side map loads them: the catalogue says which way the map
 * works, and GET /api/map/plants (no filter) with GET /api/map/columns.bin send the plants in a box
 * with their profile, indicators and rule masks — the very values the browser's whole-map download
 * holds for those plants, so every filter, count and statistic the page runs over them is the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { decodeColumns, INDICATOR_SCHEMA, PROFILE_SCHEMA, ruleMaskSchema, ruleMaskWords } from '../../server/domain/column-payload.ts';
import { decodePoints } from '../../server/domain/point-payload.ts';
import { createApp } from '../../server/http/app.ts';
import { indexOfKey } from '../../web/src/data/key-index.ts';
import type { ColumnIndex, MapData } from '../../web/src/data/map-data.ts';
import { browserColumns } from '../helpers/browser-columns.ts';
import { TEST_CONFIG, type TempDb, tempDemoDb } from '../helpers/temp-db.ts';

let temp: TempDb;
let db: Database;
let app: ReturnType<typeof createApp>;
let index: ColumnIndex;
let data: MapData;
const year = 2024;

beforeAll(async () => {
  temp = await tempDemoDb(3000, 42);
  db = await temp.open();
  app = createApp({ db, config: { ...TEST_CONFIG, mapServerAbove: 0 } });
  ({ index, data } = await browserColumns(app, year));
});
afterAll(() => {
  db.close();
  temp.cleanup();
});

const bin = async (path: string) => {
  const res = await app.request(path);
  expect(res.status, `${path}: ${res.status}`).toBe(200);
  return res.arrayBuffer();
};

describe('the way the map works', () => {
  it('is told by the catalogue from the count of enterprises and the configured threshold', async () => {
    const server = await (await app.request('/api/catalogue')).json();
    expect(server.map).toEqual({ mode: 'server', enterprises: 3000 });
    const browser = await (await createApp({ db, config: { ...TEST_CONFIG, mapServerAbove: 3000 } }).request('/api/catalogue')).json();
    expect(browser.map).toEqual({ mode: 'browser', enterprises: 3000 });
    const byDefault = await (await createApp({ db, config: TEST_CONFIG }).request('/api/catalogue')).json();
    expect(byDefault.map.mode).toBe('browser');
  });
});

describe('the plants around a view', () => {
  // A box around the first plant, a degree and a half wide: a city and its surroundings.
  const lon = () => data.points.position[0] as number;
  const lat = () => data.points.position[1] as number;
  const box = () => [lon() - 0.75, lat() - 0.75, lon() + 0.75, lat() + 0.75].map((v) => v.toFixed(5)).join(',');

  it('are sent with the same columns as the whole-map download holds for them', async () => {
    const window = decodePoints(await bin(`/api/map/plants?box=${box()}&limit=200000`));
    expect(window.count).toBeGreaterThan(10);
    expect(window.count).toBeLessThan(data.points.count);
    const at = Array.from(window.key, (key) => {
      const i = indexOfKey(data.points, key);
      if (i === null) throw new Error(`key ${key} is not in the whole-map points`);
      return i;
    });
    // In key order, as the whole payload is, so a key is found by bisection in either.
    expect([...window.key]).toEqual([...window.key].sort((a, b) => a - b));
    const [w, s, e, n] = box().split(',').map(Number) as [number, number, number, number];
    for (let k = 0; k < window.count; k++) {
      const x = window.position[2 * k] as number;
      const y = window.position[2 * k + 1] as number;
      expect(x >= w && x <= e && y >= s && y <= n).toBe(true);
    }
    const everyInBox = Array.from({ length: data.points.count }, (_, i) => i).filter((i) => {
      const x = data.points.position[2 * i] as number;
      const y = data.points.position[2 * i + 1] as number;
      // Away from the edges, where float32 degrees and Web Mercator may round either way.
      return x > w + 1e-4 && x < e - 1e-4 && y > s + 1e-4 && y < n - 1e-4;
    });
    for (const i of everyInBox) expect(at).toContain(i);

    const profile = decodeColumns(await bin(`/api/map/columns.bin?set=profile&box=${box()}&limit=200000`), PROFILE_SCHEMA);
    const indicators = decodeColumns(
      await bin(`/api/map/columns.bin?set=indicators&year=${year}&box=${box()}&limit=200000`),
      INDICATOR_SCHEMA,
    );
    const words = ruleMaskWords(index.rules.length);
    const rules = decodeColumns(await bin(`/api/map/columns.bin?set=rules&box=${box()}&limit=200000`), ruleMaskSchema(words));
    for (const set of [profile, indicators, rules]) expect(set.count).toBe(window.count);
    const whole = data as Required<{ [K in keyof MapData]: NonNullable<MapData[K]> }>;
    expect([...profile.columns.capacity]).toEqual(at.map((i) => whole.profile.columns.capacity[i]));
    expect([...profile.columns.unit]).toEqual(at.map((i) => whole.profile.columns.unit[i]));
    expect([...profile.columns.sector]).toEqual(at.map((i) => whole.profile.columns.sector[i]));
    for (const c of INDICATOR_SCHEMA.map((s) => s.name))
      expect([...indicators.columns[c]]).toEqual(at.map((i) => whole.indicators.columns[c][i]));
    expect(indicators.tag).toBe(year);
    expect([...rules.columns.mask]).toEqual(at.flatMap((i) => [...whole.rules.mask.subarray(i * words, (i + 1) * words)]));
    expect([...window.action]).toEqual(at.map((i) => data.points.action[i]));
    expect([...window.region]).toEqual(at.map((i) => data.points.region[i]));
  });

  it('are refused past the limit, with the reason, for the points and the columns alike', async () => {
    for (const path of [`/api/map/plants?box=${box()}&limit=5`, `/api/map/columns.bin?set=profile&box=${box()}&limit=5`]) {
      const res = await app.request(path);
      expect(res.status).toBe(422);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/more than 5 enterprises/);
    }
  });

  it('refuse an unknown set and a box that is not one', async () => {
    expect((await app.request(`/api/map/columns.bin?set=names&box=${box()}`)).status).toBe(400);
    expect((await app.request('/api/map/columns.bin?set=profile&box=1,2,3')).status).toBe(400);
  });
});
