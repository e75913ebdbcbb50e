/**
 * An export of "what the map shows" is exactly that: the URL the map's export button builds
 * (web/src/export/export-url.ts) is answered with the enterprises that the map's own filter pass
 * and selection code (web/src/filter, web/src/selection) draw, computed here from the same binary
 * columns the browser downloads.
 */
import { listValue } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { type Action, actionRank } from '../../server/domain/actions.ts';
import type { IndicatorColumn } from '../../server/domain/column-payload.ts';
import type { Shape } from '../../server/domain/geometry/shape.ts';
import { compileFilter, EMPTY_FILTER, type FilterState } from '../../server/domain/map-filter.ts';
import { createApp } from '../../server/http/app.ts';
import type { ColumnIndex, MapData } from '../../web/src/data/map-data.ts';
import { exportUrl } from '../../web/src/export/export-url.ts';
import { runFilter } from '../../web/src/filter/filter-pass.ts';
import { selectionStats } from '../../web/src/selection/selection-stats.ts';
import { browserColumns } from '../helpers/browser-columns.ts';
import { TEST_CONFIG, type TempDb, tempDemoDb } from '../helpers/temp-db.ts';

let temp: TempDb;
let db: Database;
let app: ReturnType<typeof createApp>;
let prefectureOrder: string[];
let index: ColumnIndex;
let keyOfId: Map<string, number>;
const year = 2024;

beforeAll(async () => {
  temp = await tempDemoDb(3000, 42);
  db = await temp.open();
  app = createApp({ db, config: TEST_CONFIG });
  ({ prefectureOrder, index } = await browserColumns(app, year));
  keyOfId = new Map((await db.all<{ id: string; key: number }>('SELECT id, key FROM enterprises')).map((r) => [r.id, r.key]));
});
afterAll(() => {
  db.close();
  temp.cleanup();
});

/** Fetched again for each check, as a page reloaded after the filter changed would. */
const mapData = async (): Promise<MapData> => (await browserColumns(app, year)).data;

/** Keys the map draws for a filter (and inside a shape, as the selection panel counts them). */
async function drawn(filter: FilterState, shape: Shape | null): Promise<number[]> {
  const data = await mapData();
  const result = runFilter(data, compileFilter(filter, { prefectureOrder, ruleIds: index.rules.map((r) => r.rule_id) }));
  if (!result) throw new Error('a column set is missing');
  const indices = shape
    ? Array.from(selectionStats(data, result.visible, shape).indices)
    : Array.from(result.visible.keys()).filter((i) => result.visible[i] === 1);
  return indices.map((i) => data.points.key[i] as number).sort((a, b) => a - b);
}

/** Keys in the GeoJSON export the map's button would download. */
async function exported(filter: FilterState, shape: Shape | null): Promise<number[]> {
  const res = await app.request(exportUrl('geojson', filter, year, shape));
  expect(res.status).toBe(200);
  const fc = (await res.json()) as { features: { properties: { id: string } }[] };
  return fc.features.map((f) => keyOfId.get(f.properties.id) as number).sort((a, b) => a - b);
}

async function expectSame(filter: FilterState, shape: Shape | null = null): Promise<number[]> {
  const want = await drawn(filter, shape);
  expect(await exported(filter, shape)).toEqual(want);
  expect(want.length).toBeLessThan(keyOfId.size);
  return want;
}

const range = (column: IndicatorColumn, min: number | null, max: number | null): FilterState => ({
  ...EMPTY_FILTER,
  ranges: { [column]: [min, max] },
});

describe('the map export honours the map filters', () => {
  it('by most severe action, including "not flagged"', async () => {
    expect((await expectSame({ ...EMPTY_FILTER, actions: ['relocate'] })).length).toBeGreaterThan(0);
    expect((await expectSame({ ...EMPTY_FILTER, actions: ['withdraw', 'none'] })).length).toBeGreaterThan(0);
  });

  it('by rule and by zone kind', async () => {
    expect((await expectSame({ ...EMPTY_FILTER, rules: ['P1-reserve-core-buffer'] })).length).toBeGreaterThan(0);
    expect((await expectSame({ ...EMPTY_FILTER, zones: ['nature_reserve', 'built_up'] })).length).toBeGreaterThan(0);
  });

  it('by indicator ranges of a year, open on either side, against float32 columns', async () => {
    expect((await expectSame(range('energy_change', null, -18))).length).toBeGreaterThan(0);
    expect((await expectSame(range('water_intensity', 0.5, 3))).length).toBeGreaterThan(0);
    expect(
      (await expectSame({ ...range('energy_intensity', 0.1, null), sectors: ['C31'], statuses: ['operating'] })).length,
    ).toBeGreaterThan(0);
  });

  it('inside a drawn circle, rectangle or polygon, together with other filters', async () => {
    const circle: Shape = { kind: 'circle', centre: [109.84, 40.66], radiusM: 30_000 };
    expect((await expectSame(EMPTY_FILTER, circle)).length).toBeGreaterThan(0);
    expect((await expectSame({ ...EMPTY_FILTER, actions: ['none'] }, circle)).length).toBeGreaterThan(0);
    const rectangle: Shape = { kind: 'rectangle', bbox: [117.8, 39.4, 118.6, 39.9] };
    expect((await expectSame(EMPTY_FILTER, rectangle)).length).toBeGreaterThan(0);
    const polygon: Shape = {
      kind: 'polygon',
      ring: [
        [111.3, 40.6],
        [112.0, 40.6],
        [111.9, 41.0],
        [111.5, 41.1],
      ],
    };
    expect((await expectSame(EMPTY_FILTER, polygon)).length).toBeGreaterThan(0);
  });

  it('refuses an unknown rule, a bad range and a bad shape, naming the parameter', async () => {
    const message = async (query: string) => {
      const res = await app.request(`/api/enterprises/export?format=csv&${query}`);
      expect(res.status).toBe(400);
      return ((await res.json()) as { error: { message: string } }).error.message;
    };
    expect(await message('rule=P99-nothing')).toContain('P99-nothing');
    expect(await message('energy_change=5,-5')).toContain('energy_change');
    expect(await message('shape=x:1,2')).toContain('shape');
    expect(await message('action=demolish')).toContain('action');
  });
});

describe('the map export carries the screening', () => {
  /** Each enterprise's flags as the database holds them, summarised as the export should. */
  async function expectedScreening(ids: string[]) {
    const flags = await db.all<{
      enterprise_id: string;
      rule_id: string;
      policy: string;
      citation: string;
      action: string;
      severity: number;
      deadline: string | null;
    }>(
      `SELECT enterprise_id, rule_id, policy, citation, action, severity, strftime(deadline, '%Y-%m-%d') AS deadline
       FROM flags WHERE list_contains($ids, enterprise_id)`,
      { ids: listValue(ids) },
    );
    const out = new Map<string, Record<string, unknown>>();
    for (const id of ids) {
      const mine = flags.filter((f) => f.enterprise_id === id);
      if (mine.length === 0) {
        out.set(id, { action: null, severity: null, rules: null, policy: null, citation: null, deadline: null });
        continue;
      }
      const worst = mine.reduce((a, b) => (actionRank(b.action as Action) < actionRank(a.action as Action) ? b : a));
      const deadlines = mine
        .map((f) => f.deadline)
        .filter((d): d is string => d !== null)
        .sort();
      out.set(id, {
        action: worst.action,
        severity: Math.max(...mine.map((f) => f.severity)),
        rules: mine
          .map((f) => f.rule_id)
          .sort()
          .join(';'),
        policy: [...new Set(mine.map((f) => f.policy))].sort().join(';'),
        citation: [...new Set(mine.map((f) => f.citation))].sort().join(' | '),
        deadline: deadlines[0] ?? null,
      });
    }
    return out;
  }

  it('one row per enterprise with its most severe action, severity, rules, policies, citations and earliest deadline', async () => {
    const res = await app.request(exportUrl('geojson', { ...EMPTY_FILTER, actions: ['withdraw', 'relocate', 'none'] }, year, null));
    const fc = (await res.json()) as { features: { properties: Record<string, unknown> }[] };
    const ids = fc.features.map((f) => f.properties.id as string);
    expect(new Set(ids).size).toBe(ids.length);
    const want = await expectedScreening(ids);
    const pick = (p: Record<string, unknown>) =>
      Object.fromEntries(['action', 'severity', 'rules', 'policy', 'citation', 'deadline'].map((k) => [k, p[k] ?? null]));
    for (const f of fc.features) expect(pick(f.properties), f.properties.id as string).toEqual(want.get(f.properties.id as string));
    // Several rules joined in one row, and enterprises without any flag, are both in the sample.
    expect(fc.features.some((f) => String(f.properties.rules ?? '').includes(';'))).toBe(true);
    expect(fc.features.some((f) => f.properties.action === null || f.properties.action === undefined)).toBe(true);
  });

  it('in CSV too, after the fixed columns', async () => {
    const res = await app.request(exportUrl('csv', { ...EMPTY_FILTER, actions: ['withdraw'] }, year, null));
    const header = (await res.text()).replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
    expect(header.split(',').slice(0, 6)).toEqual(['id', 'name', 'credit_code', 'sector', 'lon', 'lat']);
    expect(header).toContain('action,severity,rules,policy,citation,deadline');
  });
});
