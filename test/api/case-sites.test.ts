/**
 * Relocation destinations in the ledger, through the real app on a screened demo database: an
 * official proposes a site for a relocate case in Baotou, the relocation rules judge it, a second
 * official approves it, and once the case is completed the enterprise moves there and is
 * re-screened; all inside the officials' regions, on the versions they read, with every step in
 * the case's history. Then the map layers (flows, park room), the list filters and the export.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Queryable } from '../../server/db/database.ts';
import { getMeta } from '../../server/db/meta-store.ts';
import type { AuditEntry } from '../../server/domain/audit.ts';
import { LEDGER_COLUMNS } from '../../server/domain/ledger-row.ts';
import type { Principal } from '../../server/domain/roles.ts';
import { LEDGER_EXPORT_COLUMNS, SITE_COLUMNS } from '../../server/export/export-ledger.ts';
import { createApp } from '../../server/http/app.ts';
import { applySite } from '../../server/ledger/case-sites.ts';
import { call } from '../helpers/ledger-app.ts';
import { account, sessionOf } from '../helpers/ledger-fixtures.ts';
import { TEST_CONFIG, type TempDb, tempDemoDb } from '../helpers/temp-db.ts';

const ACCOUNTS = {
  official: ['official', null],
  second: ['official', null],
  bt: ['official', '150200'],
  hb: ['official', '130000'],
  vbt: ['viewer', '150200'],
  vhb: ['viewer', '130000'],
} as const;
type Name = keyof typeof ACCOUNTS;

/** Jiuyuan Industrial Park (C31, C32; land free) lies west of Baotou's built-up area. */
const JIUYUAN = 'IP-baotou-jiuyuan';
/** Inside Baotou's built-up area, and inside the Daqingshan reserve's core zone. */
const BUILT_UP = { lon: 109.85, lat: 40.65 };
const RESERVE_CORE = { lon: 111.0, lat: 40.9 };

let temp: TempDb;
let db: Database;
let app: ReturnType<typeof createApp>;
const users = {} as Record<Name, number>;
/**
 * Relocate cases of steel and non-ferrous plants in Baotou's built-up area, in id order: each test
 * takes its own (CASE.*) and brings it to the state it needs, so no test depends on another.
 */
let moving: { id: number; enterprise_id: string }[];
const CASE = {
  proposed: 0,
  refused: 1,
  scoped: 2,
  fourEyes: 3,
  replaced: 4,
  withdrawn: 5,
  approved: 6,
  failing: 7,
  applied: 8,
} as const;
const pick = (slot: keyof typeof CASE) => moving[CASE[slot]] as { id: number; enterprise_id: string };

beforeAll(async () => {
  temp = await tempDemoDb(400, 7);
  db = await temp.open();
  app = createApp({ db, config: { ...TEST_CONFIG, evidenceDir: join(temp.dir, 'evidence') } });
  for (const [name, [role, region]] of Object.entries(ACCOUNTS) as [Name, (typeof ACCOUNTS)[Name]][]) {
    users[name] = (await account(db, name, role, region)).id;
  }
  moving = await db.all<{ id: number; enterprise_id: string }>(
    `SELECT c.id, c.enterprise_id FROM cases c JOIN enterprises e ON e.id = c.enterprise_id
     WHERE c.action = 'relocate' AND c.region_code LIKE '1502%' AND (e.sector LIKE 'C31%' OR e.sector LIKE 'C32%') ORDER BY c.id`,
  );
  const needed = Object.keys(CASE).length;
  if (moving.length < needed)
    throw new Error(`fixture needs ${needed} relocate cases of metal plants in Baotou, the demo has ${moving.length}`);
});
afterAll(() => {
  db.close();
  temp.cleanup();
});

type Relocation = {
  proposed: { park_id: string | null; name: string | null; lon: number; lat: number; reason: string; proposed_by: string } | null;
  approved: { approved_by: string; approved_at: string; note: string | null } | null;
  applied_at: string | null;
  capacity: { ratio: number; retired: number; may_rebuild: number; unit: string | null; source: { id: string } } | null;
};
type Detail = { id: number; version: number; status: string; action: string; relocation: Relocation | null; history: AuditEntry[] };
type ErrorJson = {
  error: { code: string; message: string; reason?: { key: string }; details?: { reasons: { kind: string; rule_id: string | null }[] } };
};

const as = async (name: Name) => sessionOf(db, users[name]);
const detail = async (id: number, name: Name = 'official') =>
  (await call(app, 'GET', `/api/cases/${id}`, { session: await as(name) })).json as unknown as Detail;
const post = async (id: number, step: string, body: Record<string, unknown>, name: Name = 'official') =>
  call(app, 'POST', `/api/cases/${id}/site/${step}`, { session: await as(name), body });
const propose = async (id: number, site: Record<string, unknown>, name: Name = 'official') =>
  post(id, 'propose', { version: (await detail(id)).version, reason: '园区有用地，符合产业定位', ...site }, name);
const moveTo = async (id: number, statuses: string[]) => {
  for (const status of statuses) {
    const { version } = await detail(id);
    const res = await call(app, 'PATCH', `/api/cases/${id}`, { session: await as('official'), body: { version, status } });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
  }
};
const enterprise = async (id: string) =>
  (await call(app, 'GET', `/api/enterprises/${id}`, { session: await as('official') })).json as unknown as {
    lon: number;
    lat: number;
    flags: { rule_id: string; action: string }[];
  };
const recordsOf = (id: string) =>
  db.all(
    `SELECT (SELECT count(*) FROM indicators WHERE enterprise_id = $id)::INTEGER AS indicators,
       (SELECT count(*) FROM equipment WHERE enterprise_id = $id)::INTEGER AS equipment,
       (SELECT count(*) FROM compliance WHERE enterprise_id = $id)::INTEGER AS compliance,
       (SELECT key FROM enterprises WHERE id = $id) AS key`,
    { id },
  );
/** A case with Jiuyuan park proposed by `official`, whatever it had before. */
const proposed = async (id: number) => {
  const { relocation } = await detail(id);
  if (relocation?.proposed?.park_id === JIUYUAN) return;
  const res = await propose(id, { park_id: JIUYUAN, ...(await park(JIUYUAN)) });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
};
/** A case with Jiuyuan park proposed by `official` and approved by `second`. */
const approved = async (id: number) => {
  await proposed(id);
  if ((await detail(id)).relocation?.approved) return;
  const res = await post(id, 'approve', { version: (await detail(id)).version, note: '同意迁入九原园区' }, 'second');
  expect(res.status, JSON.stringify(res.json)).toBe(200);
};
/** An approved case whose work is completed: its site may be applied. */
const readyToApply = async (id: number) => {
  await approved(id);
  const path = ['identified', 'plan_approved', 'in_progress', 'completed'];
  await moveTo(id, path.slice(path.indexOf((await detail(id)).status) + 1));
};
/** A park's site point, as the park-room layer gives it. */
const park = async (id: string) => {
  const { json } = await call(app, 'GET', '/api/relocation/park-room', { session: await as('official') });
  const found = (json as unknown as { park_id: string; lon: number; lat: number }[]).find((p) => p.park_id === id);
  if (!found) throw new Error(`no park ${id} in /api/relocation/park-room`);
  return { lon: found.lon, lat: found.lat };
};

describe('POST /api/cases/{id}/site/propose', () => {
  it('records a qualifying park for a relocate case, bumps the version and audits it', async () => {
    const { id } = pick('proposed');
    const before = await detail(id);
    expect(before.relocation).toMatchObject({ proposed: null, approved: null, applied_at: null });
    const res = await propose(id, { park_id: JIUYUAN, ...(await park(JIUYUAN)) });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const after = res.json as unknown as Detail;
    expect(after.version).toBe(before.version + 1);
    expect(after.relocation?.proposed).toMatchObject({ park_id: JIUYUAN, name: '包头九原工业园区', proposed_by: 'official' });
    const entry = after.history.at(-1) as AuditEntry;
    expect(entry).toMatchObject({ event: 'site_proposed', actor: 'official', to: '包头九原工业园区', reason: '园区有用地，符合产业定位' });
    expect(entry.details).toMatchObject({ park_id: JIUYUAN, lon: after.relocation?.proposed?.lon, lat: after.relocation?.proposed?.lat });
  });

  it('shows the capacity a steel plant may rebuild', async () => {
    const [steel] = await db.all<{ id: number }>(
      `SELECT c.id FROM cases c JOIN enterprises e ON e.id = c.enterprise_id
       WHERE c.action = 'relocate' AND e.sector LIKE 'C31%' AND e.capacity IS NOT NULL ORDER BY c.id LIMIT 1`,
    );
    const { relocation } = await detail((steel as { id: number }).id);
    expect(relocation?.capacity?.ratio).toBeGreaterThan(1);
    expect(relocation?.capacity?.may_rebuild).toBeCloseTo((relocation?.capacity?.retired ?? 0) / (relocation?.capacity?.ratio ?? 1), 2);
  });

  it.each([
    ['inside the built-up area it must leave', BUILT_UP, /^P2/],
    ['inside a nature reserve', RESERVE_CORE, /^P1/],
  ])('refuses a site %s with 422 naming the rule, and changes nothing', async (_what, site, rule) => {
    const { id } = pick('refused');
    const before = await detail(id);
    const res = await propose(id, site);
    expect(res.status).toBe(422);
    const { error } = res.json as unknown as ErrorJson;
    expect(error.reason?.key).toBe('site_not_qualifying');
    const rules = (error.details?.reasons ?? []).map((r) => r.rule_id ?? '');
    expect(
      rules.some((r) => rule.test(r)),
      JSON.stringify(error),
    ).toBe(true);
    expect(error.message).toMatch(rule.source.slice(1));
    const after = await detail(id);
    expect(after.version).toBe(before.version);
    expect(after.relocation?.proposed).toBeNull();
  });

  it('refuses a destination for a case that does not move', async () => {
    const [upgrade] = await db.all<{ id: number }>("SELECT id FROM cases WHERE action = 'upgrade' AND region_code LIKE '1502%' LIMIT 1");
    const res = await propose((upgrade as { id: number }).id, { park_id: JIUYUAN, ...(await park(JIUYUAN)) });
    expect(res.status).toBe(409);
    expect((res.json as unknown as ErrorJson).error.reason?.key).toBe('site_action_not_moving');
    expect((await detail((upgrade as { id: number }).id)).relocation).toBeNull();
  });

  it('answers 403 to an official scoped to Hebei, and 409 to a stale version, changing nothing', async () => {
    const { id } = pick('refused');
    const before = await detail(id);
    const site = { park_id: JIUYUAN, ...(await park(JIUYUAN)) };
    const outside = await propose(id, site, 'hb');
    expect(outside.status).toBe(403);
    expect((outside.json as unknown as ErrorJson).error.reason?.key).toBe('case_outside_region');
    expect((await call(app, 'GET', `/api/cases/${id}`, { session: await as('vhb') })).status).toBe(403);
    const stale = await post(id, 'propose', { version: before.version + 1, reason: 'x', ...site });
    expect(stale.status).toBe(409);
    expect((stale.json as unknown as ErrorJson).error.reason?.key).toBe('case_stale');
    const after = await detail(id);
    expect(after.version).toBe(before.version);
    expect(after.relocation?.proposed).toBeNull();
    expect(after.history).toHaveLength(before.history.length);
  });

  it('lets a Baotou official propose in Baotou', async () => {
    const { id } = pick('scoped');
    const res = await propose(id, { park_id: JIUYUAN, ...(await park(JIUYUAN)) }, 'bt');
    expect(res.status).toBe(200);
    expect((res.json as unknown as Detail).relocation?.proposed?.proposed_by).toBe('bt');
  });
});

describe('approve and withdraw', () => {
  it('refuses approval by the official who proposed the site, and takes it from a second official', async () => {
    const { id } = pick('fourEyes');
    await proposed(id);
    const own = await post(id, 'approve', { version: (await detail(id)).version }, 'official');
    expect(own.status).toBe(403);
    expect((own.json as unknown as ErrorJson).error.reason?.key).toBe('site_four_eyes');
    const res = await post(id, 'approve', { version: (await detail(id)).version, note: '同意迁入九原园区' }, 'second');
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const after = res.json as unknown as Detail;
    expect(after.relocation?.approved).toMatchObject({ approved_by: 'second', note: '同意迁入九原园区' });
    expect(after.history.at(-1)).toMatchObject({ event: 'site_approved', actor: 'second', reason: '同意迁入九原园区' });
  });

  it('replaces an approved proposal with a new one, clearing the approval', async () => {
    const { id } = pick('replaced');
    await approved(id);
    const site = await park(JIUYUAN);
    const res = await propose(id, { lon: site.lon + 0.005, lat: site.lat, reason: '园区西侧地块' }, 'second');
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const after = res.json as unknown as Detail;
    expect(after.relocation).toMatchObject({ proposed: { park_id: null, proposed_by: 'second', reason: '园区西侧地块' }, approved: null });
    expect(after.history.at(-1)).toMatchObject({
      event: 'site_proposed',
      from: '包头九原工业园区',
      details: { replaced_approval: 'second' },
    });
    // The first proposer may now approve the second's proposal.
    expect((await post(id, 'approve', { version: after.version }, 'official')).status).toBe(200);
  });

  it('withdraws a proposal with its reason; approving it then finds nothing to approve', async () => {
    const { id } = pick('withdrawn');
    await proposed(id);
    expect((await post(id, 'withdraw', { version: (await detail(id)).version, reason: ' ' }, 'bt')).status).toBe(400);
    const res = await post(id, 'withdraw', { version: (await detail(id)).version, reason: '园区用地指标已满' }, 'bt');
    expect(res.status).toBe(200);
    const after = res.json as unknown as Detail;
    expect(after.relocation).toMatchObject({ proposed: null, approved: null });
    expect(after.history.at(-1)).toMatchObject({ event: 'site_withdrawn', from: '包头九原工业园区', reason: '园区用地指标已满' });
    const none = await post(id, 'approve', { version: after.version }, 'second');
    expect(none.status).toBe(409);
    expect((none.json as unknown as ErrorJson).error.reason?.key).toBe('site_none_proposed');
  });
});

type Flow = { case_id: number; stage: string; from: number[]; to: number[]; park_id: string | null };
const flowsFor = async (name: Name, query = '') =>
  (await call(app, 'GET', `/api/relocation/flows${query}`, { session: await as(name) })).json as unknown as Flow[];

describe('GET /api/relocation/flows and /api/relocation/park-room', () => {
  it('draws an arc from the enterprise to its site, for the caller’s region only', async () => {
    const { id, enterprise_id } = pick('approved');
    await approved(id);
    const here = await enterprise(enterprise_id);
    const { relocation } = await detail(id);
    expect((await flowsFor('vbt')).find((f) => f.case_id === id)).toMatchObject({
      stage: 'approved',
      park_id: JIUYUAN,
      from: [here.lon, here.lat],
      to: [relocation?.proposed?.lon, relocation?.proposed?.lat],
    });
    expect(await flowsFor('vhb')).toEqual([]);
  });

  it('filters flows like the case map', async () => {
    await approved(pick('approved').id);
    expect(await flowsFor('vbt', '?status=cancelled')).toEqual([]);
    expect((await flowsFor('vbt', '?region=150200')).length).toBeGreaterThan(0);
  });

  it('counts the cases proposing and approving each park, within the caller’s region', async () => {
    await approved(pick('approved').id);
    const room = async (name: Name) =>
      (
        (await call(app, 'GET', '/api/relocation/park-room', { session: await as(name) })).json as unknown as {
          park_id: string;
          land_free_ha: number | null;
          proposed: number;
          approved: number;
        }[]
      ).find((p) => p.park_id === JIUYUAN);
    const flows = (await flowsFor('vbt')).filter((f) => f.park_id === JIUYUAN);
    const jiuyuan = await room('vbt');
    expect(jiuyuan).toMatchObject({
      land_free_ha: 610,
      proposed: flows.filter((f) => f.stage === 'proposed').length,
      approved: flows.filter((f) => f.stage !== 'proposed').length,
    });
    expect(jiuyuan?.approved).toBeGreaterThan(0);
    expect(await room('vhb')).toMatchObject({ proposed: 0, approved: 0 });
  });
  it('names the enterprise and the park in English as well', async () => {
    const { id } = pick('approved');
    await approved(id);
    const flow = (await flowsFor('vbt')).find((f) => f.case_id === id);
    const { json } = await call(app, 'GET', `/api/cases/${id}`, { session: await as('official') });
    const enterpriseNameEn = (json as unknown as { enterprise_name_en: string | null }).enterprise_name_en;
    expect(enterpriseNameEn).toBeTruthy();
    expect(flow).toMatchObject({
      site_name: '包头九原工业园区',
      site_name_en: 'Baotou Jiuyuan Industrial Park',
      enterprise_name_en: enterpriseNameEn,
    });
  });
});

describe('GET /api/cases site filters', () => {
  const ids = async (query: string) =>
    ((await call(app, 'GET', `/api/cases?${query}&limit=1000`, { session: await as('official') })).json?.items as { id: number }[]).map(
      (c) => c.id,
    );

  it('site=proposed, approved and none', async () => {
    const approvedCase = pick('approved').id;
    await approved(approvedCase);
    const untouched = pick('refused').id;
    expect(await ids('site=approved')).toContain(approvedCase);
    expect(await ids('site=proposed')).toContain(approvedCase);
    expect(await ids('site=proposed')).not.toContain(untouched);
    const none = await ids('site=none');
    expect(none).not.toContain(approvedCase);
    expect(none).toContain(untouched);
  });

  it('no_site_within lists only moving cases, fewer the farther one looks', async () => {
    const { json } = await call(app, 'GET', '/api/cases?no_site_within=0.01&limit=1000', { session: await as('official') });
    const near = json?.items as { action: string }[];
    expect(near.length).toBeGreaterThan(0);
    expect(near.every((c) => c.action === 'relocate' || c.action === 'withdraw')).toBe(true);
    const far = await ids('no_site_within=5000');
    expect(far.length).toBeLessThan(near.length);
  });

  it('answers 400 to a bad site filter', async () => {
    expect((await call(app, 'GET', '/api/cases?site=maybe', { session: await as('official') })).status).toBe(400);
    expect((await call(app, 'GET', '/api/cases?no_site_within=-1', { session: await as('official') })).status).toBe(400);
  });
});

describe('the site filters beyond the case list: counts, map, flows and export', () => {
  type Listed = { id: number; enterprise_key: number; enterprise_name: string | null };
  const get = async (path: string) => call(app, 'GET', path, { session: await as('official') });
  const listed = async (query: string) => {
    const { json } = await get(`/api/cases?${query}&limit=1000`);
    const page = json as unknown as { items: Listed[]; total: number };
    expect(page.items).toHaveLength(page.total);
    return page.items;
  };
  /** What each of the other views shows for a filter, next to what the list shows. */
  const views = async (query: string) => {
    const counts = (await get(`/api/cases/counts?${query}`)).json as unknown as { total: number };
    const map = (await get(`/api/cases/map?${query}`)).json as unknown as { keys: number[] };
    const flows = (await get(`/api/relocation/flows?${query}`)).json as unknown as Flow[];
    const csv = await (await get(`/api/ledger/export?format=csv&${query}`)).res.text();
    const exported = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .slice(1);
    return { counts: counts.total, keys: map.keys, flows: flows.map((f) => f.case_id), exported: exported.length };
  };
  const withSite = async () => new Set((await db.all<{ case_id: number }>('SELECT case_id FROM case_sites')).map((r) => r.case_id));

  it.each([
    'site=proposed',
    'site=approved',
    'site=none',
    'no_site_within=0.01',
    'no_site_within=5000',
    'site=approved&no_site_within=0.01',
  ])('%s gives the same cases as GET /api/cases', async (query) => {
    await approved(pick('approved').id);
    const items = await listed(query);
    const seen = await views(query);
    const sites = await withSite();
    expect(seen.counts).toBe(items.length);
    expect(seen.exported).toBe(items.length);
    expect(seen.keys).toEqual([...new Set(items.map((c) => c.enterprise_key))].sort((a, b) => a - b));
    expect(seen.flows).toEqual(items.map((c) => c.id).filter((id) => sites.has(id)));
  });

  it('narrows what the unfiltered views show', async () => {
    await approved(pick('approved').id);
    const all = await views('');
    const approvedOnly = await views('site=approved');
    expect(approvedOnly.counts).toBeGreaterThan(0);
    expect(approvedOnly.counts).toBeLessThan(all.counts);
    expect(approvedOnly.keys.length).toBeLessThan(all.keys.length);
    expect(approvedOnly.exported).toBeLessThan(all.exported);
    expect((await views('site=none')).flows).toEqual([]);
  });

  it.each([
    '/api/cases/counts',
    '/api/cases/map',
    '/api/relocation/flows',
    '/api/ledger/export',
  ])('%s answers 400 to a bad site filter', async (path) => {
    expect((await get(`${path}?site=maybe`)).status).toBe(400);
    expect((await get(`${path}?no_site_within=-1`)).status).toBe(400);
  });
});

describe('GET /api/ledger/export', () => {
  it('adds the destination columns after the ledger’s own, in their order', async () => {
    const { id } = pick('approved');
    await approved(id);
    const [{ name }] = (await db.all<{ name: string }>(
      'SELECT e.name FROM cases c JOIN enterprises e ON e.id = c.enterprise_id WHERE c.id = $id',
      {
        id,
      },
    )) as [{ name: string }];
    const { res } = await call(app, 'GET', '/api/ledger/export?format=csv&region=150200', { session: await as('official') });
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe([...LEDGER_COLUMNS, ...SITE_COLUMNS].join(','));
    const row = lines.find((l) => l.includes(name));
    expect(row).toMatch(/,包头九原工业园区,"\d+\.\d{6}, \d+\.\d{6}",second,\d{4}-\d{2}-\d{2} \d{2}:\d{2},$/);
  });

  it('documents every column it writes, in their order', async () => {
    const { json } = await call(app, 'GET', '/api/openapi.json');
    const route = (json as unknown as { paths: Record<string, { get: { summary: string; description: string } }> }).paths['/ledger/export'];
    expect(route?.get.summary).toContain(LEDGER_EXPORT_COLUMNS.join(', '));
    for (const column of SITE_COLUMNS) expect(route?.get.summary).toContain(column);
  });
});

describe('POST /api/cases/{id}/site/apply', () => {
  it('moves the enterprise to the approved site once the work is completed, re-screens it out of the built-up area and audits the move', async () => {
    const { id, enterprise_id } = pick('applied');
    await approved(id);
    const early = await post(id, 'apply', { version: (await detail(id)).version });
    expect(early.status).toBe(409);
    expect((early.json as unknown as ErrorJson).error.reason?.key).toBe('site_apply_status');
    await readyToApply(id);
    const before = await enterprise(enterprise_id);
    expect(before.flags.some((f) => f.rule_id.startsWith('P2'))).toBe(true);
    const records = await recordsOf(enterprise_id);

    const stale = await post(id, 'apply', { version: (await detail(id)).version - 1 });
    expect(stale.status).toBe(409);
    expect(await enterprise(enterprise_id)).toMatchObject({ lon: before.lon, lat: before.lat });

    const res = await post(id, 'apply', { version: (await detail(id)).version });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const after = res.json as unknown as Detail;
    expect(after.relocation?.applied_at).not.toBeNull();
    const moved = await enterprise(enterprise_id);
    expect([moved.lon, moved.lat]).toEqual([after.relocation?.proposed?.lon, after.relocation?.proposed?.lat]);
    expect(moved.flags.some((f) => f.rule_id.startsWith('P2'))).toBe(false);
    // Its key, indicators, equipment and compliance history move with it.
    expect(await recordsOf(enterprise_id)).toEqual(records);
    const entry = after.history.find((h) => h.event === 'location_applied');
    expect(entry).toMatchObject({ actor: 'official', from: `${before.lon}, ${before.lat}` });
    // The flow now draws from where the plant stood; applying again is refused.
    expect((await flowsFor('official')).find((f) => f.case_id === id)).toMatchObject({ stage: 'applied', from: [before.lon, before.lat] });
    const again = await post(id, 'apply', { version: (await detail(id)).version });
    expect((again.json as unknown as ErrorJson).error.reason?.key).toBe('site_already_applied');
  });

  it('changes nothing when it fails midway, after the enterprise was moved', async () => {
    const { id, enterprise_id } = pick('failing');
    await readyToApply(id);
    const before = await enterprise(enterprise_id);
    const dataVersion = await getMeta(db, 'data_version');
    const { version, history } = await detail(id);
    // Fault injection on the database handle, not a mock of the ledger: its transactions fail on
    // the statement after the move (the site's applied_at), as a full disk would.
    const failing = Object.create(db) as Database;
    failing.transaction = <T>(fn: (tx: Queryable) => Promise<T>) =>
      db.transaction((tx) =>
        fn(
          new Proxy(tx, {
            get(target, key, receiver) {
              if (key !== 'run') return Reflect.get(target, key, receiver);
              return (sql: string, params?: never) => {
                if (sql.includes('SET applied_at')) return Promise.reject(new Error('disk full (injected)'));
                return target.run(sql, params);
              };
            },
          }),
        ),
      );
    const official: Principal = { userId: users.official, username: 'official', role: 'official', region: null };
    await expect(applySite(failing, official, { id, version })).rejects.toThrow('disk full (injected)');
    expect(await enterprise(enterprise_id)).toMatchObject({ lon: before.lon, lat: before.lat });
    expect(await getMeta(db, 'data_version')).toBe(dataVersion);
    const after = await detail(id);
    expect(after.version).toBe(version);
    expect(after.relocation?.applied_at).toBeNull();
    expect(after.history).toHaveLength(history.length);
  });
});
