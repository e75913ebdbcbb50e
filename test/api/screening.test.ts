import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { type ACTIONS, actionCode } from '../../server/domain/actions.ts';
import { decodePoints } from '../../server/domain/point-payload.ts';
import { createApp } from '../../server/http/app.ts';
import { runScreening, type ScreeningSummary } from '../../server/screening/run-screening.ts';
import { account, sessionOf } from '../helpers/ledger-fixtures.ts';
import { TEST_CONFIG, type TempDb, tempDemoDb } from '../helpers/temp-db.ts';

let temp: TempDb;
let db: Database;
let app: ReturnType<typeof createApp>;
let summary: ScreeningSummary;
/** Screening as of another date needs an account; the plain aggregate routes are public. */
let viewer: { cookie: string };

beforeAll(async () => {
  temp = await tempDemoDb(4000, 42);
  db = await temp.open();
  // A date in the heating season, after every default rule came into force.
  summary = await runScreening(db, { asOf: '2025-12-01' });
  app = createApp({ db, config: TEST_CONFIG });
  viewer = await sessionOf(db, (await account(db, 'viewer', 'viewer')).id);
});
afterAll(() => {
  db.close();
  temp.cleanup();
});

const json = async (path: string) => {
  const res = await app.request(path, { headers: { cookie: viewer.cookie } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('the default rule set on the demo data', () => {
  it('flags every policy P1–P9 and marks green factories (P12)', async () => {
    const policies = (await db.all<{ policy: string }>('SELECT DISTINCT policy FROM flags ORDER BY 1')).map((r) => r.policy);
    expect(policies).toEqual(expect.arrayContaining(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9', 'P12']));
  });

  it('applies the stricter local rules only inside their jurisdictions', async () => {
    const outside = await db.all<{ rule_id: string; region_code: string }>(
      `SELECT f.rule_id, e.region_code FROM flags f JOIN enterprises e ON e.id = f.enterprise_id
       WHERE (f.rule_id = 'HB-P2-built-up-wider' AND e.region_code NOT LIKE '13%')
          OR (f.rule_id = 'IM-P1-reserve-1km' AND e.region_code NOT LIKE '15%')
          OR (f.rule_id = 'BT-steel-energy-target' AND e.region_code NOT LIKE '1502%')`,
    );
    expect(outside).toEqual([]);
    const inside = await db.all<{ rule_id: string }>(
      `SELECT DISTINCT rule_id FROM flags WHERE rule_id IN ('HB-P2-built-up-wider', 'IM-P1-reserve-1km')`,
    );
    expect(inside.length).toBe(2);
    // Inside Hebei the national P2 rule is overridden, never applied alongside.
    const both = await db.one<{ n: number }>(
      `SELECT count(*) AS n FROM flags f JOIN enterprises e ON e.id = f.enterprise_id WHERE f.rule_id = 'P2-built-up-polluting' AND e.region_code LIKE '13%'`,
    );
    expect(both?.n).toBe(0);
  });

  it('every flag carries evidence, and zone flags cite a zone that really contains or neighbours the plant', async () => {
    const empty = await db.one<{ n: number }>('SELECT count(*) AS n FROM flags WHERE json_array_length(evidence) = 0');
    expect(empty?.n).toBe(0);
    const unsupported = await db.one<{ n: number }>(
      `SELECT count(*) AS n FROM flags f WHERE f.policy IN ('P1', 'P2') AND NOT EXISTS (
         SELECT 1 FROM zone_hits h WHERE h.enterprise_id = f.enterprise_id AND h.zone_id = (f.evidence->>'$[0].zone_id'))`,
    );
    expect(unsupported?.n).toBe(0);
  });

  it('surfaces the deliberate data problems as notes instead of guessing', async () => {
    const notes = await db.all<{ message: string }>('SELECT DISTINCT message FROM screening_notes');
    expect(notes.some((n) => n.message.includes('no 2015 baseline') || n.message.includes('added value is 0'))).toBe(true);
  });

  it('is deterministic: the same data, rules and date give the same flags', async () => {
    const before = await db.all('SELECT enterprise_id, rule_id, deadline::VARCHAR AS d, evidence::VARCHAR AS e FROM flags ORDER BY ALL');
    await runScreening(db, { asOf: '2025-12-01' });
    const after = await db.all('SELECT enterprise_id, rule_id, deadline::VARCHAR AS d, evidence::VARCHAR AS e FROM flags ORDER BY ALL');
    expect(after).toEqual(before);
  });
});

describe('screening over HTTP', () => {
  it('GET /api/enterprises/{id} explains each flag in both languages', async () => {
    const id = (await db.one<{ id: string }>("SELECT enterprise_id AS id FROM flags WHERE policy = 'P1' LIMIT 1"))?.id;
    const { body } = await json(`/api/enterprises/${id}`);
    const flag = (body.flags as { policy: string; explanation_zh: string; explanation_en: string; evidence: unknown[] }[]).find(
      (f) => f.policy === 'P1',
    );
    expect(flag?.explanation_zh).toMatch(/自然保护区/);
    expect(flag?.explanation_en).toMatch(/nature reserve/);
    expect(flag?.evidence.length).toBeGreaterThan(0);
  });

  it('GET /api/screening reports the run and counts that match the flags table', async () => {
    const { body } = await json('/api/screening');
    const run = body.run as { as_of: string; rule_set_version: number; enterprises: number; flags: number };
    expect(run).toMatchObject({ as_of: '2025-12-01', rule_set_version: 1, enterprises: 4000, flags: summary.flags });
    const byAction = body.flags_by_action as Record<string, number>;
    expect(Object.values(byAction).reduce((a, b) => a + b, 0)).toBe(summary.flags);
    const enterprises = body.enterprises_by_action as Record<string, number>;
    expect(Object.values(enterprises).reduce((a, b) => a + b, 0)).toBe(summary.flaggedEnterprises);
  });

  it('GET /api/stats/actions sums to the flags, by region and sector', async () => {
    const { body } = await json('/api/stats/actions?sector_level=group');
    const rows = body.rows as { region: string; sector: string; action: string; flags: number }[];
    expect(rows.reduce((a, r) => a + r.flags, 0)).toBe(summary.flags);
    expect(rows.some((r) => r.region === '130200' && r.sector === 'steel' && r.action === 'relocate')).toBe(true);
    const baotou = (await json('/api/stats/actions?region=150200')).body.rows as { region: string }[];
    expect(new Set(baotou.map((r) => r.region))).toEqual(new Set(['150200']));
  });

  it('GET /api/stats/actions-over-time screens each year end without storing anything', async () => {
    const flagsBefore = (await db.one<{ n: number }>('SELECT count(*) AS n FROM flags'))?.n;
    const { status, body } = await json('/api/stats/actions-over-time?region=150000&from=2018&to=2020');
    expect(status).toBe(200);
    const years = body.years as { year: number; counts: Record<string, number>; flagged: number }[];
    expect(years.map((y) => y.year)).toEqual([2018, 2019, 2020]);
    // Ladder pricing for aluminium starts in 2021: none in these years.
    for (const y of years) expect(y.flagged).toBeGreaterThan(0);
    expect((await db.one<{ n: number }>('SELECT count(*) AS n FROM flags'))?.n).toBe(flagsBefore);
  });

  it('refuses an upside-down or too long year range', async () => {
    expect((await json('/api/stats/actions-over-time?from=2020&to=2018')).status).toBe(400);
    expect((await json('/api/stats/actions-over-time?from=2000&to=2030')).status).toBe(400);
  });

  it('the point payload colours each enterprise by its most severe action', async () => {
    const points = decodePoints(await (await app.request('/api/enterprises/points')).arrayBuffer());
    const expected = await db.all<{ key: number; actions: string[] }>(
      'SELECT e.key, list(f.action) AS actions FROM enterprises e JOIN flags f ON f.enterprise_id = e.id GROUP BY e.key',
    );
    const indexOfKey = new Map(Array.from(points.key, (k, i) => [k, i]));
    for (const { key, actions } of expected) {
      const best = Math.min(...actions.map((a) => actionCode(a as (typeof ACTIONS)[number])));
      expect(points.action[indexOfKey.get(key) ?? -1]).toBe(best);
    }
    const unflagged = points.count - expected.length;
    expect(Array.from(points.action).filter((a) => a === 0).length).toBe(unflagged);
  });

  it('GET /api/screening/actions.bin gives the map as of another date', async () => {
    const res = await app.request('/api/screening/actions.bin?as_of=2019-12-31', { headers: { cookie: viewer.cookie } });
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes.length).toBe(4000);
    const bad = await app.request('/api/screening/actions.bin?as_of=2019-02-30', { headers: { cookie: viewer.cookie } });
    expect(bad.status).toBe(400);
  });

  it('screening as of another date needs an account', async () => {
    expect((await app.request('/api/screening/actions.bin?as_of=2019-12-31')).status).toBe(401);
    // Year-end counts by action are a planner-map read (test/api/actions-over-time-access.test.ts).
    expect((await app.request('/api/stats/actions-as-of?as_of=2019-12-31')).status).toBe(401);
  });

  it('GET /api/rules serves the rule set in force', async () => {
    const { body } = await json('/api/rules');
    expect(body.version).toBe(1);
    expect((body.rules as { id: string }[]).map((r) => r.id)).toContain('P1-reserve-core-buffer');
  });
});
