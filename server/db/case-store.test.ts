/**
 * The case list pages through cases alone when neither filter nor sort reads the enterprise, and
 * joins first when one does: both ways must give exactly the order and totals of the plain query.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LedgerApp, ledgerApp } from '../../test/helpers/ledger-app.ts';
import { CASE_SORTS, type CaseFilter, caseWhere } from './case-query.ts';
import { listCases, SORT_SQL } from './case-store.ts';
import { countCases } from './case-summary-store.ts';

let t: LedgerApp;
const today = '2026-12-05';
beforeAll(async () => {
  t = await ledgerApp();
});
afterAll(() => t.close());

/** The ids in list order, by the plain query: every case joined, then sorted. */
async function reference(filter: CaseFilter, sort: (typeof CASE_SORTS)[number], order: 'asc' | 'desc') {
  const where = caseWhere(filter, today);
  const rows = await t.db.all<{ id: number }>(
    `SELECT c.id FROM cases c LEFT JOIN enterprises e ON e.id = c.enterprise_id ${where.sql}
     ORDER BY ${SORT_SQL[sort]} ${order === 'desc' ? 'DESC' : 'ASC'} NULLS LAST, c.id`,
    // The overdue sort reads $today; DuckDB refuses a parameter no placeholder reads.
    sort === 'overdue_days' || 'today' in where.params ? { ...where.params, today } : where.params,
  );
  return rows.map((r) => r.id);
}

describe('listCases', () => {
  const filters: CaseFilter[] = [{}, { overdue: true }, { overdue: false, scope: '150200' }, { q: '包头' }, { actions: ['withdraw'] }];
  it.each(filters.map((f) => [JSON.stringify(f), f] as const))('pages %s in the plain query’s order, for every sort', async (_, filter) => {
    const expectedTotal = (await reference(filter, 'id', 'asc')).length;
    for (const sort of CASE_SORTS) {
      for (const order of ['asc', 'desc'] as const) {
        const ids: number[] = [];
        for (let offset = 0; ; offset += 3) {
          const page = await listCases(t.db, filter, { sort, order, limit: 3, offset }, today);
          expect(page.total).toBe(expectedTotal);
          ids.push(...page.items.map((c) => c.id));
          if (page.items.length < 3) break;
        }
        expect(ids, `${sort} ${order}`).toEqual(await reference(filter, sort, order));
      }
    }
    expect(expectedTotal).toBeGreaterThan(0);
  });
});

describe('searching the ledger', () => {
  it('finds cases by the enterprise’s English name, in any case and width, as the map’s search does', async () => {
    const sample = await t.db.one<{ enterprise_id: string; name_en: string }>(
      `SELECT c.enterprise_id, json_extract_string(e.attributes, '$.name_en') AS name_en
       FROM cases c JOIN enterprises e ON e.id = c.enterprise_id WHERE e.attributes IS NOT NULL ORDER BY c.id LIMIT 1`,
    );
    if (!sample) throw new Error('the ledger fixture has a case of an enterprise with an English name');
    const word = sample.name_en.split(' ')[1] ?? '';
    for (const q of [word.toLowerCase(), word.toUpperCase().replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))]) {
      const page = await listCases(t.db, { q }, { sort: 'id', order: 'asc', limit: 1000, offset: 0 }, today);
      expect(
        page.items.map((c) => c.enterprise_id),
        q,
      ).toContain(sample.enterprise_id);
      expect(page.items.find((c) => c.enterprise_id === sample.enterprise_id)?.enterprise_name_en).toBe(sample.name_en);
    }
  });
});

describe('how long cases are overdue', () => {
  it('gives each overdue case its days since the deadline, sorts by them, and counts them in bands', async () => {
    const page = await listCases(t.db, {}, { sort: 'overdue_days', order: 'desc', limit: 1000, offset: 0 }, today);
    const late = page.items.filter((c) => c.overdue);
    expect(late.length).toBeGreaterThan(0);
    for (const c of page.items) {
      if (!c.overdue) expect(c.overdue_days).toBeNull();
      else expect(c.overdue_days).toBe(Math.round((Date.parse(today) - Date.parse(c.deadline as string)) / 86_400_000));
    }
    const days = page.items.map((c) => c.overdue_days ?? 0);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    const counts = await countCases(t.db, {}, today);
    const sum = (of: (r: (typeof counts)[number]) => number) => counts.reduce((n, r) => n + of(r), 0);
    const band = (id: 'under_30' | 'from_30_to_180' | 'over_180') => sum((r) => r.overdue_bands[id]);
    expect(band('under_30') + band('from_30_to_180') + band('over_180')).toBe(sum((r) => r.overdue));
    expect(band('over_180')).toBe(late.filter((c) => (c.overdue_days as number) >= 180).length);
    expect(band('under_30')).toBe(late.filter((c) => (c.overdue_days as number) < 30).length);
  });
});
