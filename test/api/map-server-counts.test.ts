/**
 * The map's server-side mode counts what the browser counts: on the same data, the facet counts,
 * grid cells and plants in a box that DuckDB returns (/api/map/*) equal those of the browser's own
 * filter pass and grid (web/src/filter, web/src/map/level-of-detail) over the binary columns the
 * browser downloads, for every kind of filter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import type { IndicatorColumn } from '../../server/domain/column-payload.ts';
import { boxOfLonLat, cellSize, mercatorPoints } from '../../server/domain/geometry/mercator.ts';
import { compileFilter, EMPTY_FILTER, type FilterState } from '../../server/domain/map-filter.ts';
import { decodePoints } from '../../server/domain/point-payload.ts';
import { createApp } from '../../server/http/app.ts';
import type { ColumnIndex, MapData } from '../../web/src/data/map-data.ts';
import { mapFilterQuery } from '../../web/src/export/export-url.ts';
import { type FilterCounts, runFilter } from '../../web/src/filter/filter-pass.ts';
import { gridCounts } from '../../web/src/map/level-of-detail/grid-counts.ts';
import { browserColumns } from '../helpers/browser-columns.ts';
import { TEST_CONFIG, type TempDb, tempDemoDb } from '../helpers/temp-db.ts';

let temp: TempDb;
let db: Database;
let app: ReturnType<typeof createApp>;
let prefectureOrder: string[];
let index: ColumnIndex;
let data: MapData;
const year = 2024;

beforeAll(async () => {
  temp = await tempDemoDb(3000, 42);
  db = await temp.open();
  app = createApp({ db, config: TEST_CONFIG });
  ({ prefectureOrder, index, data } = await browserColumns(app, year));
});
afterAll(() => {
  db.close();
  temp.cleanup();
});

function browserPass(filter: FilterState) {
  const result = runFilter(data, compileFilter(filter, { prefectureOrder, ruleIds: index.rules.map((r) => r.rule_id) }));
  if (!result) throw new Error('a column set is missing');
  return result;
}

/** The browser's counts as the server sends them: non-zero [value, count] pairs. */
function asPairs(counts: FilterCounts) {
  const pairs = (a: Uint32Array) => Array.from(a.entries()).filter(([, n]) => n > 0);
  const { visible, total, action, group, sector, region, status, zone, rule } = counts;
  return {
    visible,
    total,
    action: pairs(action),
    group: pairs(group),
    sector: pairs(sector),
    region: pairs(region),
    status: pairs(status),
    zone: pairs(zone),
    rule: pairs(rule),
  };
}

const query = (filter: FilterState) => mapFilterQuery(filter, year, null);

async function serverJson<T>(path: string): Promise<T> {
  const res = await app.request(path);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as T;
}

const range = (column: IndicatorColumn, min: number | null, max: number | null): FilterState => ({
  ...EMPTY_FILTER,
  ranges: { [column]: [min, max] },
});

const FILTERS: [string, FilterState][] = [
  ['no filter', EMPTY_FILTER],
  ['actions, with "not flagged"', { ...EMPTY_FILTER, actions: ['relocate', 'none'] }],
  ['a rule', { ...EMPTY_FILTER, rules: ['P1-reserve-core-buffer'] }],
  ['zone kinds', { ...EMPTY_FILTER, zones: ['nature_reserve', 'built_up'] }],
  ['a sector and a status', { ...EMPTY_FILTER, sectors: ['C31'], statuses: ['operating'] }],
  ['a province and a prefecture', { ...EMPTY_FILTER, regions: ['130000', '150200'] }],
  ['an open indicator range', range('energy_change', null, -18)],
  ['a closed range with other facets', { ...range('water_intensity', 0.5, 3), actions: ['none'], zones: ['river_basin'] }],
  [
    'every facet at once',
    {
      ...range('energy_intensity', 0.1, null),
      actions: ['upgrade', 'none'],
      sectors: ['C'],
      regions: ['150000'],
      statuses: ['operating', 'construction'],
      zones: ['key_region', 'built_up'],
    },
  ],
  [
    'every facet, a rule too',
    {
      ...EMPTY_FILTER,
      actions: ['withdraw', 'relocate', 'none'],
      rules: ['P1-reserve-core-buffer'],
      zones: ['nature_reserve'],
      regions: ['150000'],
    },
  ],
];

describe('the server counts what the browser counts', () => {
  it.each(FILTERS)('facet counts: %s', async (_, filter) => {
    const want = asPairs(browserPass(filter).counts);
    const got = await serverJson(`/api/map/facets?${query(filter)}`);
    expect(got).toEqual(want);
    expect(want.visible).toBeGreaterThan(0);
  });

  it('a range without a year reads the latest year with indicators', async () => {
    expect(index.years.at(-1)).toBe(year);
    const filter = range('energy_change', null, -18);
    const latest = await serverJson(`/api/map/facets?${mapFilterQuery(filter, null, null)}`);
    expect(latest).toEqual(asPairs(browserPass(filter).counts));
  });

  it('a range held while other facets change counts from the cube it made, and more ranges than are kept still count right', async () => {
    const held = range('energy_change', null, -18);
    for (const actions of [['relocate'], ['none'], ['close', 'none'], []]) {
      const filter = { ...held, actions };
      expect(await serverJson(`/api/map/facets?${query(filter)}`)).toEqual(asPairs(browserPass(filter).counts));
    }
    // Ten ranges in turn (more than the eight cubes kept), then the first again.
    for (const max of [-30, -25, -20, -15, -10, -5, 0, 5, 10, 15, -18]) {
      const filter = range('energy_change', null, max);
      expect(await serverJson(`/api/map/facets?${query(filter)}`)).toEqual(asPairs(browserPass(filter).counts));
    }
  });

  it('rule facets with the rules chosen after the index is known', async () => {
    const filter = { ...EMPTY_FILTER, rules: index.rules.slice(0, 3).map((r) => r.rule_id), actions: ['withdraw', 'relocate'] };
    expect(await serverJson(`/api/map/facets?${query(filter)}`)).toEqual(asPairs(browserPass(filter).counts));
  });

  const boxes: [number, [number, number, number, number]][] = [
    [4, [97, 36, 126.1, 53.4]],
    [5, [105, 38, 120, 45]],
    [6, [109, 39.5, 112, 41.5]],
    [9, [117.9, 39.45, 118.4, 39.8]],
  ];
  it.each(boxes)('grid cells at zoom %i over a box', async (zoom, bbox) => {
    const box = boxOfLonLat(...bbox);
    const { xy } = mercatorPoints(data.points.position, data.points.count);
    // Counted ahead at zooms 5 and below, from the plants above, and from the plants with a range.
    for (const [, filter] of [...FILTERS.slice(0, 4), FILTERS[6] as [string, FilterState]]) {
      const grid = gridCounts(xy, browserPass(filter).visible, box, cellSize(zoom));
      const got = await serverJson<{
        cells: [number, number][];
        cols: number;
        rows: number;
        x0: number;
        y0: number;
        total: number;
        max: number;
      }>(`/api/map/cells?${query(filter)}&box=${bbox.join(',')}&zoom=${zoom}`);
      expect(got).toMatchObject({ cols: grid.cols, rows: grid.rows, x0: grid.x0, y0: grid.y0, total: grid.total, max: grid.max });
      expect(got.cells).toEqual(Array.from(grid.counts.entries()).filter(([, n]) => n > 0));
    }
  });

  it('plants in a box, as point payload columns, and 422 past the limit', async () => {
    const bbox: [number, number, number, number] = [109.5, 40.3, 110.3, 40.9];
    const box = boxOfLonLat(...bbox);
    const { xy } = mercatorPoints(data.points.position, data.points.count);
    const filter: FilterState = { ...EMPTY_FILTER, actions: ['none', 'relocate'] };
    const visible = browserPass(filter).visible;
    const want: number[] = [];
    for (let i = 0; i < data.points.count; i++) {
      const x = xy[2 * i] as number;
      const y = xy[2 * i + 1] as number;
      if (visible[i] === 1 && x >= box.minX && x <= box.maxX && y >= box.minY && y <= box.maxY) want.push(i);
    }
    expect(want.length).toBeGreaterThan(10);
    const res = await app.request(`/api/map/plants?${query(filter)}&box=${bbox.join(',')}`);
    expect(res.status).toBe(200);
    const got = decodePoints(await res.arrayBuffer());
    expect(Array.from(got.key)).toEqual(want.map((i) => data.points.key[i]));
    expect(Array.from(got.action)).toEqual(want.map((i) => data.points.action[i]));
    expect(Array.from(got.position)).toEqual(want.flatMap((i) => [data.points.position[2 * i], data.points.position[2 * i + 1]]));

    const over = await app.request(`/api/map/plants?${query(filter)}&box=${bbox.join(',')}&limit=${want.length - 1}`);
    expect(over.status).toBe(422);
    expect(((await over.json()) as { error: { message: string } }).error.message).toContain(String(want.length - 1));
  });

  it('refuses an unknown rule and a box beyond the world, naming the parameter', async () => {
    const res = await app.request('/api/map/facets?rule=P99-nothing');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('P99-nothing');
    const bad = await app.request('/api/map/cells?box=100,40,190,50&zoom=4');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('box');
    const huge = await app.request('/api/map/cells?box=-180,-80,180,80&zoom=18');
    expect(huge.status).toBe(400);
    expect(((await huge.json()) as { error: { message: string } }).error.message).toMatch(/cells/);
  });
});
