/**
 * An official changes a case's deadline through PATCH /api/cases/{id}: with a reason, within their
 * region, on the version they read; the change is audited as its own entry, shown in the case's
 * history, decides whether the case is overdue, and survives a later screening. Then the audit
 * log's filters (GET /api/audit) that the ledger's audit page uses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/db/audit-store.ts';
import type { AuditEntry } from '../../server/domain/audit.ts';
import { call, type LedgerApp, ledgerApp, type PrincipalName } from '../helpers/ledger-app.ts';
import { flagWith, screen } from '../helpers/ledger-fixtures.ts';

let t: LedgerApp;
beforeAll(async () => {
  t = await ledgerApp();
});
afterAll(() => t.close());

type CaseJson = {
  id: number;
  version: number;
  deadline: string | null;
  deadline_set_by: string | null;
  deadline_reason: string | null;
  overdue: boolean;
  last_note: string | null;
  history: AuditEntry[];
};

const getCase = async (id: number) =>
  (await call(t.app, 'GET', `/api/cases/${id}`, { session: await t.session('admin') })).json as CaseJson;
const patch = async (id: number, body: Record<string, unknown>, who: PrincipalName = 'official') =>
  call(t.app, 'PATCH', `/api/cases/${id}`, { session: await t.session(who), body });
const caseOf = async (enterpriseId: string | undefined) => (await t.casesOf(enterpriseId as string))[0] as number;
const audit = async (query: string, who: PrincipalName = 'admin') => {
  const res = await call(t.app, 'GET', `/api/audit?${query}`, { session: await t.session(who) });
  expect(res.status, query).toBe(200);
  return res.json as { items: AuditEntry[]; total: number };
};

describe('changing a deadline', () => {
  it('sets the new date, records who and why, and the overdue state follows it', async () => {
    // The built-up steel case is due 2099-12-31: not overdue until the deadline is brought forward.
    const id = await caseOf(t.baotou[1]);
    const before = await getCase(id);
    expect(before).toMatchObject({ deadline: '2099-12-31', overdue: false, deadline_set_by: null });

    const res = await patch(id, { version: before.version, deadline: '2018-06-30', note: '市政府通知提前完成搬迁' }, 'official@baotou');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      deadline: '2018-06-30',
      overdue: true,
      deadline_set_by: 'official-at-baotou',
      deadline_reason: '市政府通知提前完成搬迁',
      version: before.version + 1,
    });
    const overdue = (await call(t.app, 'GET', '/api/cases?overdue=true&limit=1000', { session: await t.session('official') })).json
      ?.items as { id: number }[];
    expect(overdue.map((c) => c.id)).toContain(id);

    const after = await getCase(id);
    const last = after.history.at(-1);
    expect(last).toMatchObject({
      event: 'deadline_changed',
      actor: 'official-at-baotou',
      from: '2099-12-31',
      to: '2018-06-30',
      reason: '市政府通知提前完成搬迁',
    });
    // The reason is the entry's reason, not a second, separate note entry.
    expect(after.history.filter((h) => h.event === 'note')).toEqual([]);

    expect((await patch(id, { version: after.version, deadline: '2099-06-30', note: '延期获批' })).json).toMatchObject({
      deadline: '2099-06-30',
      overdue: false,
    });
    expect((await verifyAuditChain(t.db)).problems).toEqual([]);
  });

  it('answers 400 without a reason, or for a date that does not exist, and changes nothing', async () => {
    const id = await caseOf(t.hohhot[1]);
    const before = await getCase(id);
    for (const body of [
      { deadline: '2030-01-01' },
      { deadline: '2030-01-01', note: '   ' },
      { deadline: '2027-02-30', note: 'a reason' },
      { deadline: '30/01/2027', note: 'a reason' },
    ]) {
      const res = await patch(id, { version: before.version, ...body });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const noReason = await patch(id, { version: before.version, deadline: '2030-01-01' });
    expect((noReason.json?.error as { message: string }).message).toMatch(/deadline.*2030-01-01.*reason/);
    expect(await getCase(id)).toMatchObject({ version: before.version, deadline: before.deadline });
  });

  it('refuses a case outside the official’s region (403), and readers (403)', async () => {
    const id = await caseOf(t.hohhot[0]);
    const before = await getCase(id);
    const body = { version: before.version, deadline: '2030-01-01', note: 'not mine' };
    expect((await patch(id, body, 'official@baotou')).status).toBe(403);
    expect((await patch(id, body, 'viewer')).status).toBe(403);
    expect(await getCase(id)).toMatchObject({ version: before.version, deadline: before.deadline });
  });

  it('answers 409 to a stale version and changes nothing', async () => {
    const id = await caseOf(t.hohhot[2]);
    const before = await getCase(id);
    expect((await patch(id, { version: before.version, note: 'first' })).status).toBe(200);
    const stale = await patch(id, { version: before.version, deadline: '2030-01-01', note: 'based on an old read' });
    expect(stale.status).toBe(409);
    expect((await getCase(id)).deadline).toBe(before.deadline);
  });

  it('is kept by a later screening that brings a new rule deadline, which other cases follow', async () => {
    const manual = await caseOf(t.baotou[4]);
    const ruled = await caseOf(t.baotou[2]);
    const { version } = await getCase(manual);
    expect((await patch(manual, { version, deadline: '2031-03-31', note: '产能置换方案延期' })).status).toBe(200);
    // A stricter rule for each: the case with a deadline set by hand keeps it, the other follows.
    await screen(
      t.db,
      [
        flagWith(t.baotou[4] as string, 'relocate', 'P2-built-up-steel-early', '2021-01-01'),
        flagWith(t.baotou[2] as string, 'upgrade', 'P4-blast-furnace-early', '2021-01-01'),
      ],
      2,
    );
    const kept = await getCase(manual);
    expect(kept).toMatchObject({ deadline: '2031-03-31', deadline_set_by: 'official', overdue: false });
    const screening = kept.history.filter((h) => h.actor === 'screening').map((h) => h.event);
    expect(screening).toContain('rules');
    expect(screening).not.toContain('deadline');
    expect((await getCase(ruled)).deadline).toBe('2021-01-01');
    // A sync with nothing new leaves the manual deadline (and the version) alone.
    await screen(t.db, [], 3);
    expect(await getCase(manual)).toMatchObject({ deadline: '2031-03-31', version: kept.version });
  });
});

describe('GET /api/audit filters', () => {
  it('by action: the deadline changes, with old and new date and the reason', async () => {
    const page = await audit('event=deadline_changed');
    expect(page.total).toBeGreaterThanOrEqual(3);
    expect(page.items.every((e) => e.event === 'deadline_changed' && e.entity === 'case')).toBe(true);
    expect(page.items[0]).toMatchObject({ from: '2099-12-31', to: '2018-06-30', reason: '市政府通知提前完成搬迁' });
  });

  it('by actor, entity and id, newest first, a page at a time', async () => {
    const mine = await audit('actor=official-at-baotou');
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((e) => e.actor === 'official-at-baotou')).toBe(true);
    const id = String(await caseOf(t.baotou[1]));
    const one = await audit(`entity=case&entity_id=${id}&order=desc&limit=2`);
    expect(one.items).toHaveLength(2);
    expect(one.total).toBeGreaterThan(2);
    expect(one.items.every((e) => e.entity_id === id)).toBe(true);
    expect((one.items[0] as AuditEntry).id).toBeGreaterThan((one.items[1] as AuditEntry).id);
  });

  it('by date range, in China’s calendar', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const all = await audit('limit=1');
    expect((await audit(`from=${today}&to=${today}&limit=1`)).total).toBe(all.total);
    expect((await audit('to=2000-01-01')).total).toBe(0);
    expect((await call(t.app, 'GET', '/api/audit?from=2024-02-30', { session: await t.session('admin') })).status).toBe(400);
  });

  it('keeps an official to the case entries of their region, whatever the filters ask', async () => {
    const scoped = await audit('event=deadline_changed', 'official@baotou');
    const baotouCases = new Set(
      (await t.db.all<{ id: number }>("SELECT id FROM cases WHERE region_code LIKE '1502%'")).map((r) => String(r.id)),
    );
    expect(scoped.items.length).toBeGreaterThan(0);
    expect(scoped.items.every((e) => baotouCases.has(e.entity_id))).toBe(true);
    expect((await audit('entity=user&event=user_created', 'official@baotou')).total).toBe(0);
    expect((await call(t.app, 'GET', '/api/audit', { session: await t.session('viewer') })).status).toBe(403);
  });
});
