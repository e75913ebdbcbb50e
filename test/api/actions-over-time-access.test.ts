/**
 * The region dashboard's "enterprises by action, year by year" (GET /api/stats/actions-over-time)
 * is a planner-map read: anonymous readers get it where the map is public, and it carries counts
 * by action only — nothing of the ledger. Cases get notes, departments and assignees no one could
 * guess, and none of them, nor any enterprise's id, name or credit code, may be in the answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setSetting } from '../../server/db/settings-store.ts';
import { ACTIONS } from '../../server/domain/actions.ts';
import { createApp } from '../../server/http/app.ts';
import { call, type LedgerApp, ledgerApp } from '../helpers/ledger-app.ts';
import { TEST_CONFIG } from '../helpers/temp-db.ts';

let t: LedgerApp;
let secrets: string[];

const PATH = '/api/stats/actions-over-time?region=150200&from=2018&to=2020';

beforeAll(async () => {
  t = await ledgerApp();
  const cases = await t.db.all<{ id: number }>("SELECT id FROM cases WHERE region_code LIKE '1502%' ORDER BY id");
  expect(cases.length).toBeGreaterThan(0);
  secrets = [];
  for (const [i, c] of cases.entries()) {
    const note = `台账备注-${i}-Vb4Qe`;
    const department = `责任单位-${i}-Ls9Dn`;
    const assignee = `责任人-${i}-Hw2Jc`;
    secrets.push(note, department, assignee);
    await t.db.run(
      "UPDATE cases SET last_note = $note, department = $department, assignee = $assignee, status = 'accepted' WHERE id = $id",
      {
        note,
        department,
        assignee,
        id: c.id,
      },
    );
  }
  const enterprises = await t.db.all<{ id: string; name: string; credit_code: string | null }>(
    "SELECT id, name, credit_code FROM enterprises WHERE region_code LIKE '1502%'",
  );
  for (const e of enterprises) secrets.push(e.id, e.name, ...(e.credit_code ? [e.credit_code] : []));
});
afterAll(() => t?.close());

/** A fresh app: the public-map setting is read again only every few seconds. */
async function appWithPublicMap(value: 'on' | 'off') {
  await setSetting(t.db, 'public-map', value);
  return createApp({ db: t.db, config: TEST_CONFIG });
}

describe('GET /api/stats/actions-over-time for anonymous readers', () => {
  it('answers 200 where the map is public, with counts by action and year and no ledger or enterprise detail', async () => {
    const app = await appWithPublicMap('on');
    const res = await app.request(PATH);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(secrets.filter((s) => text.includes(s))).toEqual([]);

    const body = JSON.parse(text) as { years: Record<string, unknown>[] };
    expect(Object.keys(body)).toEqual(['years']);
    expect(body.years.map((y) => y.year)).toEqual([2018, 2019, 2020]);
    // Not vacuous: Baotou has flagged enterprises in these years.
    expect(body.years.some((y) => (y.flagged as number) > 0)).toBe(true);
    for (const y of body.years) {
      expect(Object.keys(y).sort()).toEqual(['as_of', 'counts', 'flagged', 'year']);
      expect(Object.keys(y.counts as object).every((k) => (ACTIONS as readonly string[]).includes(k))).toBe(true);
      expect(Object.values(y.counts as object).every((n) => Number.isInteger(n) && n >= 0)).toBe(true);
    }
  });

  it('gives anonymous readers and every account the same answer, so the shared response cache cannot mix them up', async () => {
    const app = await appWithPublicMap('on');
    const anonymous = await call(app, 'GET', '/api/stats/actions-over-time?region=150100&from=2019&to=2019', { session: null });
    const viewer = await call(app, 'GET', '/api/stats/actions-over-time?region=150100&from=2019&to=2019', {
      session: await t.session('viewer'),
    });
    // Scoped to Baotou, asking about Hohhot: aggregate counts, like /api/stats/actions, are not region-scoped.
    const scoped = await call(app, 'GET', '/api/stats/actions-over-time?region=150100&from=2019&to=2019', {
      session: await t.session('viewer@baotou'),
    });
    expect([anonymous.status, viewer.status, scoped.status]).toEqual([200, 200, 200]);
    expect(viewer.json).toEqual(anonymous.json);
    expect(scoped.json).toEqual(anonymous.json);
  });

  it('answers 401 where the map is for accounts only, like every planner-map route', async () => {
    const app = await appWithPublicMap('off');
    expect((await app.request(PATH)).status).toBe(401);
    expect((await call(app, 'GET', PATH, { session: await t.session('viewer') })).status).toBe(200);
  });

  it('still refuses a range of more than 15 years or upside down, naming the values', async () => {
    const app = await appWithPublicMap('on');
    const long = await call(app, 'GET', '/api/stats/actions-over-time?from=2000&to=2030', { session: null });
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.json)).toMatch(/2000.*2030/);
    expect((await call(app, 'GET', '/api/stats/actions-over-time?from=2020&to=2018', { session: null })).status).toBe(400);
  });
});
