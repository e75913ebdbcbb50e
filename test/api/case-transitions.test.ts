/** Every pair of statuses through PATCH /api/cases/{id}: the lifecycle's moves answer 200, all others 409. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_STATUSES, type CaseStatus } from '../../server/domain/case-lifecycle.ts';
import { call, type LedgerApp, ledgerApp } from '../helpers/ledger-app.ts';
import { flagWith, screen } from '../helpers/ledger-fixtures.ts';

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

describe('every transition through the API', () => {
  // How to reach each status from identified along allowed moves.
  const PATH: Record<CaseStatus, CaseStatus[]> = {
    identified: [],
    plan_approved: ['plan_approved'],
    in_progress: ['plan_approved', 'in_progress'],
    completed: ['plan_approved', 'in_progress', 'completed'],
    accepted: ['plan_approved', 'in_progress', 'completed', 'accepted'],
    cancelled: ['plan_approved', 'in_progress', 'completed', 'accepted', 'cancelled'],
    exempted: ['exempted'],
    disputed: ['disputed'],
  };
  const ALLOWED = new Set([
    'identified→plan_approved',
    'identified→exempted',
    'identified→disputed',
    'plan_approved→in_progress',
    'plan_approved→exempted',
    'plan_approved→disputed',
    'in_progress→completed',
    'in_progress→disputed',
    'completed→accepted',
    'completed→in_progress',
    'accepted→cancelled',
    'exempted→identified',
    'disputed→identified',
    'disputed→exempted',
  ]);

  it('allows exactly the lifecycle’s moves (200) and refuses the rest (409) without changing the case', async () => {
    const pairs = CASE_STATUSES.flatMap((from) => CASE_STATUSES.filter((to) => to !== from).map((to) => [from, to] as const));
    // A refused move changes nothing, so one case per status takes every refusal from it; each
    // allowed move needs a case of its own.
    const cases = CASE_STATUSES.length + ALLOWED.size;
    const hebei = await t.db.all<{ id: string }>("SELECT id FROM enterprises WHERE region_code LIKE '13%' ORDER BY id LIMIT $n", {
      n: cases,
    });
    expect(hebei).toHaveLength(cases);
    await screen(
      t.db,
      hebei.map((e, i) => flagWith(e.id, 'rectify', `P3-transition-${i}`, '2030-01-01')),
      2,
    );
    let next = 0;
    const caseAt = async (status: CaseStatus) => {
      const id = (await t.casesOf(hebei[next++]?.id as string))[0] as number;
      for (const step of PATH[status]) {
        const { version } = await getCase(id);
        expect((await patch(id, { version, status: step, note: `to ${step}` })).status).toBe(200);
      }
      return id;
    };
    const refusing = new Map<CaseStatus, number>();
    for (const from of CASE_STATUSES) refusing.set(from, await caseAt(from));
    const results: string[] = [];
    for (const [from, to] of pairs) {
      const allowed = ALLOWED.has(`${from}→${to}`);
      const id = allowed ? await caseAt(from) : (refusing.get(from) as number);
      const before = await getCase(id);
      expect(before.status).toBe(from);
      const res = await patch(id, { version: before.version, status: to, note: 'a reason' });
      const after = await getCase(id);
      results.push(`${from}→${to}: ${res.status}`);
      expect(res.status, `${from}→${to}`).toBe(allowed ? 200 : 409);
      // A refusal says why in a form each UI words in its language.
      if (!allowed) expect((res.json?.error as { reason?: { key: string } }).reason?.key, `${from}→${to}`).toBe('move_not_allowed');
      expect(after.status).toBe(allowed ? to : from);
      expect(after.version).toBe(allowed ? before.version + 1 : before.version);
    }
    expect(results).toHaveLength(56);
    expect(next).toBe(cases);
  });
});
