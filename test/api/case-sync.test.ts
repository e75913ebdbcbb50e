/**
 * Re-screening never destroys a case. Flags are written to the flags table as screening writes
 * them; a fixed enterprise is simulated by deleting its flags before the next sync.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit, verifyAuditChain } from '../../server/db/audit-store.ts';
import type { Database } from '../../server/db/database.ts';
import { editCase } from '../../server/ledger/edit-cases.ts';
import { syncCasesFromFlags } from '../../server/ledger/sync-cases-from-flags.ts';
import { enterprisesIn, flag, insertFlags, screen } from '../helpers/ledger-fixtures.ts';
import { type TempDb, tempDemoDb } from '../helpers/temp-db.ts';

let temp: TempDb;
let db: Database;
let ids: string[];

beforeEach(async () => {
  temp = await tempDemoDb(200, 3, { screen: false });
  db = await temp.open();
  ids = await enterprisesIn(db, '150200', 3);
});
afterEach(() => {
  db.close();
  temp.cleanup();
});

const caseRow = (enterpriseId: string) =>
  db.one<{ id: number; status: string; flagged: boolean; unflagged_at: string | null; version: number; deadline: string }>(
    "SELECT id, status, flagged, unflagged_at::VARCHAR AS unflagged_at, version, strftime(deadline, '%Y-%m-%d') AS deadline FROM cases WHERE enterprise_id = $id",
    { id: enterpriseId },
  );

/** A re-screen as screening does it: replace the stored flags, then sync. */
async function rescreen(runId: number, keep: (enterpriseId: string) => boolean) {
  return db.transaction(async (tx) => {
    const rows = await tx.all<{ enterprise_id: string }>('SELECT DISTINCT enterprise_id FROM flags');
    for (const r of rows)
      if (!keep(r.enterprise_id)) await tx.run('DELETE FROM flag_rows WHERE enterprise_id = $id', { id: r.enterprise_id });
    await tx.run(
      'INSERT INTO run_rules SELECT DISTINCT $run, rule_id, policy, citation, title_zh, title_en, jurisdiction, citation_zh FROM flags',
      {
        run: runId,
      },
    );
    await tx.run('UPDATE flag_rows SET run_id = $run', { run: runId });
    return syncCasesFromFlags(tx, runId);
  });
}

describe('syncCasesFromFlags', () => {
  it('a fixed enterprise keeps its case, marked no longer flagged for review, with its status and history', async () => {
    const [fixed, still] = ids as [string, string];
    expect(await screen(db, [flag(fixed, 'reserveCore'), flag(still, 'builtUpSteel')])).toEqual({
      created: 2,
      unflagged: 0,
      reflagged: 0,
      updated: 0,
    });
    const before = await caseRow(fixed);
    const actor = { userId: 0, username: 'official-a', role: 'official' as const, region: null };
    await editCase(db, actor, { id: before?.id as number, version: 1 }, { status: 'plan_approved', note: '方案已批' });

    expect(await rescreen(2, (id) => id !== fixed)).toEqual({ created: 0, unflagged: 1, reflagged: 0, updated: 0 });

    const after = await caseRow(fixed);
    expect(after).toMatchObject({ id: before?.id, status: 'plan_approved', flagged: false, version: 3 });
    expect(after?.unflagged_at).not.toBeNull();
    expect(await caseRow(still)).toMatchObject({ flagged: true, version: 1 });
    expect((await db.one<{ n: number }>('SELECT count(*) AS n FROM cases'))?.n).toBe(2);
    const history = (await listAudit(db, { entity: 'case', entityId: String(after?.id) })).items;
    expect(history.map((h) => [h.actor, h.event])).toEqual([
      ['screening', 'created'],
      ['official-a', 'status'],
      ['screening', 'unflagged'],
    ]);
    expect(history[2]?.details).toEqual({ run_id: 2, reason: { key: 'unflagged', params: {} } });
    expect((await verifyAuditChain(db)).problems).toEqual([]);
  });

  it('the same flags again change nothing; a returning flag marks the case flagged again', async () => {
    const [a] = ids as [string];
    await screen(db, [flag(a, 'reserveCore')]);
    expect(await rescreen(2, () => true)).toEqual({ created: 0, unflagged: 0, reflagged: 0, updated: 0 });
    await rescreen(3, () => false);
    expect(await screen(db, [flag(a, 'reserveCore')], 4)).toEqual({ created: 0, unflagged: 0, reflagged: 1, updated: 0 });
    expect(await caseRow(a)).toMatchObject({ flagged: true, unflagged_at: null, version: 3 });
  });

  it('follows a stricter deadline from a new rule, with an audited deadline change', async () => {
    const [a] = ids as [string];
    await screen(db, [flag(a, 'reserveExperimental')]);
    expect((await caseRow(a))?.deadline).toBe('2020-06-30');
    expect(await screen(db, [flag(a, 'reserveCore')], 2)).toEqual({ created: 0, unflagged: 0, reflagged: 0, updated: 1 });
    expect((await caseRow(a))?.deadline).toBe('2019-12-31');
    const events = (await listAudit(db, { entity: 'case' })).items.map((e) => [e.event, e.from, e.to]);
    expect(events).toContainEqual(['deadline', '2020-06-30', '2019-12-31']);
  });

  it('a stale edit after the screen changed the case answers 409', async () => {
    const [a] = ids as [string];
    await screen(db, [flag(a, 'reserveCore')]);
    const id = (await caseRow(a))?.id as number;
    await rescreen(2, () => false);
    const actor = { userId: 0, username: 'o', role: 'official' as const, region: null };
    await expect(editCase(db, actor, { id, version: 1 }, { note: 'based on what I saw before the screen' })).rejects.toMatchObject({
      status: 409,
    });
  });

  it('an enterprise deleted from the data keeps its case', async () => {
    const [a] = ids as [string];
    await screen(db, [flag(a, 'reserveCore')]);
    await db.run('DELETE FROM enterprises WHERE id = $id', { id: a });
    await rescreen(2, () => false);
    expect(await caseRow(a)).toMatchObject({ flagged: false });
  });

  it('refuses a flag with an action it does not know, changing nothing', async () => {
    const [a] = ids as [string];
    await insertFlags(db, [{ ...flag(a, 'reserveCore'), action: 'demolish' as never }]);
    await expect(db.transaction((tx) => syncCasesFromFlags(tx, 1))).rejects.toThrow(/unknown action "demolish"/);
    expect((await db.one<{ n: number }>('SELECT count(*) AS n FROM cases'))?.n).toBe(0);
  });

  it('creates thousands of cases in one run quickly', async () => {
    const all = await db.all<{ id: string }>('SELECT id FROM enterprises');
    const flags = all.flatMap((e) => [flag(e.id, 'reserveCore'), flag(e.id, 'builtUpSteel'), flag(e.id, 'blastFurnace')]);
    const started = performance.now();
    const summary = await screen(db, flags);
    expect(summary.created).toBe(all.length * 3);
    expect(performance.now() - started).toBeLessThan(5000);
    expect((await verifyAuditChain(db)).entries).toBe(all.length * 3);
  });
});
