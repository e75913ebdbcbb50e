/**
 * Relocation sites through the real app on a screened demo database: ranked parks for a plant in
 * its official's region, refusals outside it, points and areas; and, the contract that matters,
 * that every site suggested really clears the plant: moved there and screened for real, it
 * raises no relocate/withdraw flag and no flag it did not have before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { bumpDataVersion } from '../../server/db/meta-store.ts';
import { type EnterprisePosition, enterprisePosition, moveEnterprise } from '../../server/db/move-enterprise.ts';
import { listZones } from '../../server/db/zone-store.ts';
import { PreparedPolygon } from '../../server/domain/geometry/prepared-polygon.ts';
import type { SiteSuggestions } from '../../server/domain/relocation/site.ts';
import { createApp } from '../../server/http/app.ts';
import { checkSites } from '../../server/relocation/check-sites.ts';
import { refreshRelocationReach } from '../../server/relocation/relocation-reach.ts';
import { suggestAll } from '../../server/relocation/suggest.ts';
import { runScreening } from '../../server/screening/run-screening.ts';
import { call } from '../helpers/ledger-app.ts';
import { account, sessionOf } from '../helpers/ledger-fixtures.ts';
import { TEST_CONFIG, type TempDb, tempDemoDb } from '../helpers/temp-db.ts';

const AS_OF = '2024-06-30';

interface Fixture {
  temp: TempDb;
  db: Database;
  app: ReturnType<typeof createApp>;
  session(role: 'official' | 'viewer' | 'planner', region: string | null): Promise<{ cookie: string; csrf: string }>;
}

async function fixture(): Promise<Fixture> {
  const temp = await tempDemoDb(3000, 42);
  const db = await temp.open();
  const app = createApp({ db, config: TEST_CONFIG });
  let n = 0;
  return {
    temp,
    db,
    app,
    session: async (role, region) => sessionOf(db, (await account(db, `${role}-${region ?? 'all'}-${n++}`, role, region)).id),
  };
}

/** Enterprises with a stored flag of this rule whose region code starts with `region`, in id order. */
async function flaggedBy(db: Database, rule: string, region: string, sector = ''): Promise<string[]> {
  const rows = await db.all<{ id: string }>(
    `SELECT DISTINCT e.id FROM flags f JOIN enterprises e ON e.id = f.enterprise_id
     WHERE f.rule_id = $rule AND e.region_code LIKE $p AND e.sector LIKE $s ORDER BY e.id`,
    { rule, p: `${region}%`, s: `${sector}%` },
  );
  return rows.map((r) => r.id);
}

describe('relocation routes', () => {
  let t: Fixture;
  beforeAll(async () => {
    t = await fixture();
  });
  afterAll(() => {
    t.db.close();
    t.temp.cleanup();
  });

  it('a Baotou official gets ranked parks for a steel plant in Baotou’s built-up area, same prefecture first', async () => {
    const [id] = await flaggedBy(t.db, 'P2-built-up-polluting', '1502', 'C31');
    const { status, json } = await call(t.app, 'GET', `/api/relocation/${id}/sites?as_of=${AS_OF}`, {
      session: await t.session('official', '150200'),
    });
    expect(status).toBe(200);
    const s = json as unknown as SiteSuggestions;
    expect(s.moving_rules.map((r) => r.rule_id)).toContain('P2-built-up-polluting');
    const good = s.sites.filter((v) => v.qualifies);
    expect(good.length).toBeGreaterThan(3);
    expect(good.map((v) => v.rank)).toEqual(good.map((_, i) => i + 1));
    expect(good[0]).toMatchObject({ same_prefecture: true, sector_fit: 'listed', site: { source: 'park', region_code: '150200' } });
    expect(good[0]?.reasons).toContainEqual(expect.objectContaining({ kind: 'clears', rule_id: 'P2-built-up-polluting' }));
    // The full metals park in Baotou is named, and why it does not qualify.
    const full = s.sites.find((v) => v.site.park_id === 'IP-baotou-metal');
    expect(full).toMatchObject({ qualifies: false, rank: null, land_free_ha: 0 });
    expect(full?.reasons.map((r) => r.kind)).toContain('no_room');
  });

  it('within and limit narrow the list', async () => {
    const [id] = await flaggedBy(t.db, 'P2-built-up-polluting', '1502', 'C31');
    const { json } = await call(t.app, 'GET', `/api/relocation/${id}/sites?as_of=${AS_OF}&within=100&limit=1`, {
      session: await t.session('official', null),
    });
    const s = json as unknown as SiteSuggestions;
    expect(s.sites.filter((v) => v.qualifies)).toHaveLength(1);
    expect(s.sites.every((v) => v.distance_km <= 100)).toBe(true);
  });

  it('403 for an enterprise in Hebei, naming both regions', async () => {
    const [id] = await flaggedBy(t.db, 'HB-P2-built-up-wider', '13');
    const session = await t.session('official', '150200');
    for (const [method, body] of [
      ['GET', undefined],
      ['POST', { point: [114.2, 36.7] }],
    ] as const) {
      const { status, json } = await call(t.app, method, `/api/relocation/${id}/sites`, { session, body });
      expect(status).toBe(403);
      expect(JSON.stringify(json)).toContain('outside your region 150200');
    }
  });

  it('viewers and planners may not judge sites; anyone logged in may list the parks', async () => {
    const [id] = await flaggedBy(t.db, 'P2-built-up-polluting', '1502', 'C31');
    expect((await call(t.app, 'GET', `/api/relocation/${id}/sites`, { session: await t.session('viewer', null) })).status).toBe(403);
    expect((await call(t.app, 'GET', `/api/relocation/${id}/sites`)).status).toBe(401);
    const { status, json } = await call(t.app, 'GET', '/api/relocation/parks', { session: await t.session('viewer', '150200') });
    expect(status).toBe(200);
    const parks = json as unknown as { id: string; sectors: string[]; land_free_ha: number | null; lon: number }[];
    expect(parks.length).toBe(51);
    expect(parks.find((p) => p.id === 'IP-baotou-jiuyuan')).toMatchObject({ sectors: ['C31', 'C32'], land_total_ha: 2600 });
    expect(parks.filter((p) => p.sectors.length === 0).length).toBeGreaterThan(5);
  });

  it('404 for no such enterprise; 409 for one that need not move', async () => {
    const session = await t.session('official', null);
    const missing = await call(t.app, 'GET', '/api/relocation/NOPE/sites', { session });
    expect(missing.status).toBe(404);
    const staying = await t.db.one<{ id: string }>(
      `SELECT id FROM enterprises WHERE id NOT IN (SELECT enterprise_id FROM flags WHERE action IN ('relocate', 'withdraw')) ORDER BY id LIMIT 1`,
    );
    const { status, json } = await call(t.app, 'GET', `/api/relocation/${staying?.id}/sites?as_of=${AS_OF}`, { session });
    expect(status).toBe(409);
    expect(JSON.stringify(json)).toContain('relocation_not_moving');
  });

  it('judges a chosen point: inside the built-up area it still breaks P2; a park point qualifies', async () => {
    const [id] = await flaggedBy(t.db, 'P2-built-up-polluting', '1502', 'C31');
    const session = await t.session('official', '150200');
    const town = await call(t.app, 'POST', `/api/relocation/${id}/sites`, { session, body: { point: [109.84, 40.66], as_of: AS_OF } });
    expect(town.status).toBe(200);
    const [inTown] = (town.json as unknown as SiteSuggestions).sites;
    expect(inTown).toMatchObject({ qualifies: false, site: { source: 'point', region_code: '150200' } });
    expect(inTown?.reasons).toContainEqual(expect.objectContaining({ kind: 'still_breaks', rule_id: 'P2-built-up-polluting' }));
    const parks = (await call(t.app, 'GET', '/api/relocation/parks', { session })).json as unknown as {
      id: string;
      lon: number;
      lat: number;
    }[];
    const jiuyuan = parks.find((p) => p.id === 'IP-baotou-jiuyuan');
    const there = await call(t.app, 'POST', `/api/relocation/${id}/sites`, {
      session,
      body: { point: [jiuyuan?.lon, jiuyuan?.lat], as_of: AS_OF },
    });
    expect((there.json as unknown as SiteSuggestions).sites[0]).toMatchObject({ qualifies: true, rank: 1, sector_fit: 'open' });
  });

  it('judges a drawn area on a grid of at most 200 points: qualifying ones nearest first, a few others', async () => {
    const [id] = await flaggedBy(t.db, 'P2-built-up-polluting', '1502', 'C31');
    // West of Baotou, across the edge of its built-up area.
    const area = {
      type: 'Polygon',
      coordinates: [
        [
          [109.55, 40.6],
          [109.8, 40.6],
          [109.8, 40.75],
          [109.55, 40.75],
          [109.55, 40.6],
        ],
      ],
    };
    const { status, json } = await call(t.app, 'POST', `/api/relocation/${id}/sites`, {
      session: await t.session('official', '150200'),
      body: { area, as_of: AS_OF },
    });
    expect(status).toBe(200);
    const sites = (json as unknown as SiteSuggestions).sites;
    const good = sites.filter((v) => v.qualifies);
    const bad = sites.filter((v) => !v.qualifies);
    expect(good.length).toBeGreaterThan(0);
    expect(good.length).toBeLessThanOrEqual(200);
    expect(bad.length).toBeGreaterThan(0);
    expect(bad.length).toBeLessThanOrEqual(5);
    const distances = good.map((v) => v.distance_km);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(good.every((v) => v.site.source === 'area')).toBe(true);
  });

  it('checkSites judges a park by id at the point given, and refuses an unknown park', async () => {
    const [id] = await flaggedBy(t.db, 'P2-built-up-polluting', '1502', 'C31');
    const parks = (await call(t.app, 'GET', '/api/relocation/parks', { session: await t.session('viewer', null) })).json as unknown as {
      id: string;
      lon: number;
      lat: number;
    }[];
    const full = parks.find((p) => p.id === 'IP-baotou-metal');
    const judged = await checkSites(
      t.db,
      id as string,
      [{ lon: full?.lon as number, lat: full?.lat as number, park_id: 'IP-baotou-metal' }],
      AS_OF,
    );
    expect(judged.sites[0]).toMatchObject({
      qualifies: false,
      site: { source: 'park', park_id: 'IP-baotou-metal', name: '包头金属深加工园区' },
    });
    await expect(checkSites(t.db, id as string, [{ lon: 109, lat: 40, park_id: 'IP-nowhere' }], AS_OF)).rejects.toMatchObject({
      status: 400,
      message: 'park_id: no industrial park "IP-nowhere"',
    });
  });

  it('400 for a body that is neither a point nor a closed polygon', async () => {
    const [id] = await flaggedBy(t.db, 'P2-built-up-polluting', '1502', 'C31');
    const session = await t.session('official', null);
    for (const body of [
      { point: [400, 40] },
      {
        area: {
          type: 'Polygon',
          coordinates: [
            [
              [1, 1],
              [2, 2],
              [3, 1],
              [1, 2],
            ],
          ],
        },
      },
      {},
    ]) {
      expect((await call(t.app, 'POST', `/api/relocation/${id}/sites`, { session, body })).status).toBe(400);
    }
  });

  it('no qualifying site of any moving enterprise lies inside a nature reserve or a built-up area', async () => {
    const all = await suggestAll(t.db, { asOf: AS_OF });
    expect(all.enterprises).toBeGreaterThan(100);
    const blocked = (await listZones(t.db)).filter((z) => z.kind === 'nature_reserve' || z.kind === 'built_up');
    const shapes = blocked.map((z) => ({ id: z.id, polygon: new PreparedPolygon(z.geometry) }));
    const sites = all.suggestions.flatMap((s) => s.sites);
    expect(sites.length).toBeGreaterThan(100);
    for (const v of sites) {
      expect(v.qualifies).toBe(true);
      const inside = shapes.filter((z) => z.polygon.contains(v.site.lon, v.site.lat)).map((z) => z.id);
      expect(inside, `${v.site.park_id}`).toEqual([]);
    }
  });

  it('relocation_reach is refreshed only when stale', async () => {
    const first = await refreshRelocationReach(t.db, AS_OF);
    expect(first).toMatchObject({ refreshed: true });
    expect(first.rows).toBeGreaterThan(50);
    expect(await refreshRelocationReach(t.db, AS_OF)).toMatchObject({ refreshed: false, rows: null });
    const nearest = await t.db.all<{ enterprise_id: string; distance_km: number }>(
      'SELECT enterprise_id, distance_km FROM relocation_reach',
    );
    expect(nearest.length).toBe(first.rows);
    await t.db.transaction((tx) => bumpDataVersion(tx));
    expect(await refreshRelocationReach(t.db, AS_OF)).toMatchObject({ refreshed: true });
    expect(await refreshRelocationReach(t.db, '2025-01-01')).toMatchObject({ refreshed: true });
  });
});

describe('every suggested site, moved to and screened for real', () => {
  let t: Fixture;
  beforeAll(async () => {
    t = await fixture();
  });
  afterAll(() => {
    t.db.close();
    t.temp.cleanup();
  });

  const ruleIds = async (id: string) =>
    await t.db.all<{ rule_id: string; action: string }>('SELECT rule_id, action FROM flags WHERE enterprise_id = $id ORDER BY rule_id', {
      id,
    });

  it('raises no relocate or withdraw flag and no flag the plant did not have before', { timeout: 120_000 }, async () => {
    const movers = [
      ...(await flaggedBy(t.db, 'P2-built-up-polluting', '1502', 'C31')).slice(0, 2),
      ...(await flaggedBy(t.db, 'P1-reserve-experimental-polluting', '15')).slice(0, 1),
      ...(await flaggedBy(t.db, 'P1-reserve-core-buffer', '')).slice(0, 1),
      ...(await flaggedBy(t.db, 'HB-P2-built-up-wider', '13')).slice(0, 1),
      ...(await flaggedBy(t.db, 'P7-scattered-dirty-outside-park', '')).slice(0, 1),
    ];
    expect(movers.length).toBe(6);
    const session = await t.session('official', null);
    let checked = 0;
    for (const id of movers) {
      const { json } = await call(t.app, 'GET', `/api/relocation/${id}/sites?as_of=${AS_OF}&limit=2`, { session });
      const s = json as unknown as SiteSuggestions;
      await runScreening(t.db, { asOf: AS_OF, enterpriseIds: [id] });
      const before = await ruleIds(id);
      const origin = await enterprisePosition(t.db, id);
      expect(before.some((f) => f.action === 'relocate' || f.action === 'withdraw')).toBe(true);
      for (const v of s.sites.filter((x) => x.qualifies)) {
        await t.db.transaction((tx) =>
          moveEnterprise(tx, id, { lon: v.site.lon, lat: v.site.lat, region_code: v.site.region_code, in_park: true }, new Date()),
        );
        await runScreening(t.db, { asOf: AS_OF, enterpriseIds: [id] });
        const after = await ruleIds(id);
        const where = `${id} at ${v.site.park_id}`;
        expect(
          after.filter((f) => f.action === 'relocate' || f.action === 'withdraw'),
          where,
        ).toEqual([]);
        // Only the next step of the policy the move satisfies (P7: upgrade in the park), as the verdict said.
        const nextSteps = v.reasons.filter((r) => r.kind === 'next_step').map((r) => r.rule_id);
        expect(
          after.filter((f) => !before.some((b) => b.rule_id === f.rule_id) && !nextSteps.includes(f.rule_id)),
          where,
        ).toEqual([]);
        expect(
          after.filter((f) => nextSteps.includes(f.rule_id)).every((f) => f.action === 'upgrade'),
          where,
        ).toBe(true);
        checked++;
      }
      await t.db.transaction((tx) => moveEnterprise(tx, id, origin as EnterprisePosition, new Date()));
    }
    expect(checked).toBeGreaterThan(6);
  });
});
