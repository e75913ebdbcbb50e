/**
 * A partial screening syncs the ledger only for the enterprises it touched: the ones it screened
 * and the ones deleted since, whose flags it removes. The result must be what a full screening
 * gives, while other enterprises' cases are not rewritten.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { runScreening } from '../../server/screening/run-screening.ts';
import { type TempDb, tempDemoDb } from '../helpers/temp-db.ts';

const AS_OF = '2025-12-01';
let temp: TempDb;
let db: Database;

beforeAll(async () => {
  temp = await tempDemoDb(2000, 42);
  db = await temp.open();
  await runScreening(db, { asOf: AS_OF });
});
afterAll(() => {
  db.close();
  temp.cleanup();
});

const flaggedCases = () =>
  db.all<{ enterprise_id: string; action: string; flagged: boolean; version: number; rules: string }>(
    'SELECT enterprise_id, action, flagged, version, rules::VARCHAR AS rules FROM cases ORDER BY enterprise_id, action',
  );

describe('a partial screening and the ledger', () => {
  it('unflags the cases of a deleted enterprise, updates a changed one, and leaves the rest as they were', async () => {
    const withCases = await db.all<{ enterprise_id: string }>(
      'SELECT DISTINCT enterprise_id FROM cases WHERE flagged ORDER BY enterprise_id LIMIT 3',
    );
    const [deleted, changed, untouched] = withCases.map((r) => r.enterprise_id) as [string, string, string];
    // One leaves the data; another turns to grain milling, which no sector rule names.
    await db.run('DELETE FROM enterprises WHERE id = $id', { id: deleted });
    await db.run('UPDATE enterprises SET sector = $s WHERE id = $id', { id: changed, s: 'C1310' });
    const before = await flaggedCases();

    const partial = await runScreening(db, { asOf: AS_OF, enterpriseIds: [changed] });
    const afterPartial = await flaggedCases();
    expect(partial.scope).toBe('partial');
    expect(afterPartial.filter((c) => c.enterprise_id === deleted).every((c) => !c.flagged)).toBe(true);
    const others = (cases: typeof before) => cases.filter((c) => c.enterprise_id !== deleted && c.enterprise_id !== changed);
    expect(others(afterPartial)).toEqual(others(before));
    expect(afterPartial.find((c) => c.enterprise_id === untouched)).toEqual(before.find((c) => c.enterprise_id === untouched));

    // A full screening finds nothing more to change.
    const full = await runScreening(db, { asOf: AS_OF, recomputeZones: false });
    expect(full.cases).toEqual({ created: 0, unflagged: 0, reflagged: 0, updated: 0 });
    expect(await flaggedCases()).toEqual(afterPartial);
  });
});
