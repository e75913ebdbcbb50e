/** The ledger's case routes through the real app: lists, history, edits, concurrency, bulk, counts, and what the public map must not show. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_STATUSES, type CaseStatus } from '../../server/domain/case-lifecycle.ts';
import { call, type LedgerApp, ledgerApp } from '../helpers/ledger-app.ts';

let t: LedgerApp;
beforeAll(async () => {
  t = await ledgerApp();
});
afterAll(() => t.close());

type CaseJson = {
  id: number;
  version: number;
  status: CaseStatus;
  overdue: boolean;
  deadline: string | null;
  region_code: string;
  action: string;
  enterprise_id: string;
  rules: { rule_id: string }[];
  last_note: string | null;
  department: string | null;
};

const official = () => t.session('official');
const getCase = async (id: number) =>
  (await call(t.app, 'GET', `/api/cases/${id}`, { session: await official() })).json as CaseJson & Record<string, unknown>;
const patch = async (id: number, body: Record<string, unknown>) =>
  call(t.app, 'PATCH', `/api/cases/${id}`, { session: await official(), body });

describe('GET /api/cases', () => {
  it('answers {items, total} with the fields a case carries', async () => {
    const { status, json } = await call(t.app, 'GET', '/api/cases?limit=2', { session: await t.session('viewer') });
    expect(status).toBe(200);
    expect(json?.total).toBe(8);
    const items = json?.items as CaseJson[];
    expect(items).toHaveLength(2);
    for (const key of ['id', 'enterprise_id', 'region_code', 'action', 'status', 'deadline', 'version', 'overdue', 'enterprise_name']) {
      expect(items[0]).toHaveProperty(key);
    }
  });

  it('creates one case per enterprise and action, due at the earliest deadline of its flags', async () => {
    const [c] = (await call(t.app, 'GET', `/api/cases?enterprise=${t.baotou[0]}`, { session: await official() })).json?.items as CaseJson[];
    expect(c?.action).toBe('withdraw');
    expect(c?.deadline).toBe('2019-12-31');
    expect(c?.rules.map((r) => r.rule_id)).toEqual(['P1-reserve-core', 'P1-reserve-experimental-polluting']);
  });

  it('opens no case for green manufacturing', async () => {
    expect(await t.casesOf(t.baotou[5] as string)).toEqual([]);
  });

  it.each([
    ['status=identified', (c: CaseJson) => c.status === 'identified'],
    ['action=withdraw,relocate', (c: CaseJson) => ['withdraw', 'relocate'].includes(c.action)],
    ['region=150100', (c: CaseJson) => c.region_code.startsWith('1501')],
    ['overdue=true', (c: CaseJson) => c.overdue],
    ['overdue=false', (c: CaseJson) => !c.overdue],
  ])('filters by %s', async (query, holds) => {
    const { json } = await call(t.app, 'GET', `/api/cases?${query}&limit=1000`, { session: await official() });
    const items = json?.items as CaseJson[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBe(json?.total);
    expect(items.every(holds)).toBe(true);
  });

  it('overdue means deadline passed and work not finished', async () => {
    const overdue = (await call(t.app, 'GET', '/api/cases?overdue=true&limit=1000', { session: await official() })).json
      ?.items as CaseJson[];
    // The reserve cases are due 2019-12-31; the built-up ones 2099-12-31; blast furnaces have none.
    expect(overdue.map((c) => c.action).sort()).toEqual(['withdraw', 'withdraw', 'withdraw']);
  });

  it.each([['status=open'], ['overdue=yes'], ['region=15'], ['sort=password'], ['limit=0']])('answers 400 for %s', async (query) => {
    const { status, json } = await call(t.app, 'GET', `/api/cases?${query}`, { session: await official() });
    expect(status).toBe(400);
    expect((json?.error as { message: string }).message).toContain(query.split('=')[0]);
  });
});

describe('PATCH /api/cases/{id}', () => {
  it('moves a case, records who, when, from → to and why in its history, and bumps the version', async () => {
    const id = (await t.casesOf(t.baotou[1] as string))[0] as number;
    const before = await getCase(id);
    const res = await patch(id, {
      version: before.version,
      status: 'plan_approved',
      note: '搬迁方案已获市政府批复',
      department: '包头市工业和信息化局',
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      status: 'plan_approved',
      version: before.version + 1,
      department: '包头市工业和信息化局',
      last_note: '搬迁方案已获市政府批复',
    });
    const after = await getCase(id);
    const history = after.history as {
      actor: string;
      event: string;
      from: string | null;
      to: string | null;
      reason: string | null;
      at: string;
    }[];
    expect(history.map((h) => h.event)).toEqual(['created', 'status', 'department']);
    expect(history[1]).toMatchObject({ actor: 'official', from: 'identified', to: 'plan_approved', reason: '搬迁方案已获市政府批复' });
    expect(history[2]).toMatchObject({ from: null, to: '包头市工业和信息化局' });
    expect(Date.now() - Date.parse(history[1]?.at ?? '')).toBeLessThan(60_000);
    expect(after.next_statuses).toEqual(['in_progress', 'exempted', 'disputed']);
  });

  it('answers 409 to a stale version and changes nothing', async () => {
    const id = (await t.casesOf(t.baotou[4] as string))[0] as number;
    const current = await getCase(id);
    expect((await patch(id, { version: current.version, note: 'first' })).status).toBe(200);
    const stale = await patch(id, { version: current.version, status: 'plan_approved', note: 'second' });
    expect(stale.status).toBe(409);
    expect((stale.json?.error as { message: string }).message).toContain(`version ${current.version + 1}`);
    const after = await getCase(id);
    expect(after).toMatchObject({ status: 'identified', last_note: 'first', version: current.version + 1 });
    expect((after.history as unknown[]).length).toBe((current.history as unknown[]).length + 1);
  });

  it('of two concurrent edits based on the same version, exactly one wins', async () => {
    const id = (await t.casesOf(t.hohhot[1] as string))[0] as number;
    const { version } = await getCase(id);
    const [a, b] = await Promise.all([
      patch(id, { version, status: 'plan_approved', department: 'A 局' }),
      patch(id, { version, status: 'exempted', note: 'B 认为不适用', department: 'B 局' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? 'A 局' : 'B 局';
    const after = await getCase(id);
    expect(after.department).toBe(winner);
    expect(after.version).toBe(version + 1);
    const statusEvents = (after.history as { event: string }[]).filter((h) => h.event === 'status');
    expect(statusEvents).toHaveLength(1);
    const verify = (await call(t.app, 'GET', '/api/audit/verify', { session: await t.session('admin') })).json as { problems: unknown[] };
    expect(verify.problems).toEqual([]);
  });

  it('answers 400 when moving to exempted without a reason, and when nothing would change', async () => {
    const id = (await t.casesOf(t.hohhot[2] as string))[0] as number;
    const { version } = await getCase(id);
    const noReason = await patch(id, { version, status: 'exempted' });
    expect(noReason.status).toBe(400);
    expect((noReason.json?.error as { message: string }).message).toContain('needs a reason');
    expect((await patch(id, { version })).status).toBe(400);
    expect((await patch(id, { version, unknown: 1 })).status).toBe(400);
  });

  it('answers 404 for a case that does not exist', async () => {
    expect((await patch(99999, { version: 1, note: 'x' })).status).toBe(404);
  });
});

describe('POST /api/cases/bulk', () => {
  it('changes every listed case, or none when one refuses', async () => {
    const ids = [(await t.casesOf(t.baotou[2] as string))[0], (await t.casesOf(t.baotou[3] as string))[0]] as number[];
    const refs = await Promise.all(ids.map(async (id) => ({ id, version: (await getCase(id)).version })));
    const session = await official();
    // One stale version: nothing changes.
    const refused = await call(t.app, 'POST', '/api/cases/bulk', {
      session,
      body: { cases: [refs[0], { ...refs[1], version: 999 }], department: '包头市生态环境局' },
    });
    expect(refused.status).toBe(409);
    expect((refused.json?.error as { details: { id: number }[] }).details.map((d) => d.id)).toEqual([ids[1]]);
    for (const id of ids) expect((await getCase(id)).department).toBeNull();

    const ok = await call(t.app, 'POST', '/api/cases/bulk', {
      session,
      body: { cases: refs, status: 'plan_approved', department: '包头市生态环境局', note: '联合方案' },
    });
    expect(ok.status).toBe(200);
    expect((ok.json?.items as CaseJson[]).map((c) => [c.status, c.department])).toEqual([
      ['plan_approved', '包头市生态环境局'],
      ['plan_approved', '包头市生态环境局'],
    ]);
  });

  it('refuses a case listed twice', async () => {
    const id = (await t.casesOf(t.baotou[2] as string))[0] as number;
    const res = await call(t.app, 'POST', '/api/cases/bulk', {
      session: await official(),
      body: {
        cases: [
          { id, version: 1 },
          { id, version: 1 },
        ],
        note: 'x',
      },
    });
    expect(res.status).toBe(400);
  });
});

describe('counts and map', () => {
  it('counts by prefecture and status add up to the list', async () => {
    const session = await t.session('admin');
    const counts = (await call(t.app, 'GET', '/api/cases/counts', { session })).json as {
      rows: { region_code: string; status: string; count: number }[];
      total: number;
    };
    const list = (await call(t.app, 'GET', '/api/cases?limit=1', { session })).json as { total: number };
    expect(counts.total).toBe(list.total);
    expect(counts.rows.every((r) => /^\d{4}00$/.test(r.region_code))).toBe(true);
  });

  it('gives one status per enterprise key, the overdue one first', async () => {
    const session = await t.session('admin');
    const map = (await call(t.app, 'GET', '/api/cases/map', { session })).json as {
      statuses: string[];
      keys: number[];
      status: number[];
      overdue: number[];
    };
    expect(map.statuses).toEqual([...CASE_STATUSES]);
    expect(map.keys).toEqual([...map.keys].sort((a, b) => a - b));
    expect(new Set(map.keys).size).toBe(map.keys.length);
    const key = (await t.db.one<{ key: number }>('SELECT key FROM enterprises WHERE id = $id', { id: t.baotou[0] as string }))
      ?.key as number;
    expect(map.overdue[map.keys.indexOf(key)]).toBe(1);
  });

  it('within a box, only the enterprises inside it, with the same statuses', async () => {
    const session = await t.session('admin');
    type CaseMap = { keys: number[]; status: number[]; overdue: number[] };
    const whole = (await call(t.app, 'GET', '/api/cases/map', { session })).json as CaseMap;
    const place = await t.db.one<{ lon: number; lat: number }>('SELECT lon, lat FROM enterprises WHERE id = $id', {
      id: t.baotou[0] as string,
    });
    const { lon, lat } = place as { lon: number; lat: number };
    const box = [lon - 0.5, lat - 0.5, lon + 0.5, lat + 0.5];
    const inside = (await call(t.app, 'GET', `/api/cases/map?box=${box.join(',')}`, { session })).json as CaseMap;
    const within = await t.db.all<{ key: number }>(
      'SELECT key FROM enterprises WHERE lon BETWEEN $w AND $e AND lat BETWEEN $s AND $n ORDER BY key',
      { w: box[0] as number, s: box[1] as number, e: box[2] as number, n: box[3] as number },
    );
    const wanted = new Set(within.map((r) => Number(r.key)));
    expect(inside.keys.length).toBeGreaterThan(0);
    expect(inside.keys.length).toBeLessThan(whole.keys.length);
    expect(inside.keys).toEqual(whole.keys.filter((k) => wanted.has(k)));
    for (const [i, k] of inside.keys.entries()) {
      const j = whole.keys.indexOf(k);
      expect([inside.status[i], inside.overdue[i]]).toEqual([whole.status[j], whole.overdue[j]]);
    }
    expect((await call(t.app, 'GET', '/api/cases/map?box=1,2,3', { session })).status).toBe(400);
  });
});

describe('the public map shows no internal field', () => {
  it('no public route carries notes, departments, assignees, evidence or case status', async () => {
    const id = (await t.casesOf(t.baotou[0] as string))[0] as number;
    const { version } = await getCase(id);
    const edited = await patch(id, {
      version,
      note: 'INTERNAL-NOTE-7f3a',
      department: 'INTERNAL-DEPT-7f3a',
      assignee: 'INTERNAL-PERSON-7f3a',
    });
    expect(edited.status).toBe(200);
    const key = (await t.db.one<{ key: number }>('SELECT key FROM enterprises WHERE id = $id', { id: t.baotou[0] as string }))?.key;
    const urls = [
      '/api/enterprises?limit=1000',
      `/api/enterprises?key=${key}`,
      `/api/enterprises/${t.baotou[0]}`,
      '/api/enterprises/points',
      '/api/catalogue',
      '/api/zones',
      '/api/regions',
      '/api/health',
      '/api/openapi.json',
    ];
    for (const url of urls) {
      const res = await t.app.request(url);
      expect(res.status, url).toBe(200);
      const text = Buffer.from(await res.arrayBuffer()).toString('utf8');
      for (const marker of ['INTERNAL-NOTE-7f3a', 'INTERNAL-DEPT-7f3a', 'INTERNAL-PERSON-7f3a'])
        expect(text, `${url} leaks ${marker}`).not.toContain(marker);
      // The API description names every field; the data routes must not carry them.
      if (url === '/api/openapi.json') continue;
      for (const field of ['"last_note"', '"assignee"', '"department"', '"status_reason"', '"sha256"'])
        expect(text, `${url} carries ${field}`).not.toContain(field);
    }
  });
});
