/**
 * Seeded benchmark of the ledger's share of a screening run and of its heaviest reads:
 *   node --import tsx server/ledger/sync-cases.bench.ts [enterprises]
 * Builds a demo database (seed 42), flags every fifth enterprise with one to three rules, then
 * times the first sync (all cases new), a re-sync with nothing changed, a re-sync after a tenth
 * of the flags disappeared, the case list, and the XLSX ledger export.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listCases } from '../db/case-store.ts';
import { buildDemoDatabase } from '../demo/build-demo-database.ts';
import { chinaToday } from '../domain/case-lifecycle.ts';
import { ledgerFile } from '../export/export-ledger.ts';
import { syncCasesFromFlags } from './sync-cases-from-flags.ts';

const enterprises = Number(process.argv[2] ?? 20_000);
const dir = mkdtempSync(join(tmpdir(), 'greenline-bench-'));
const time = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
  const started = performance.now();
  const result = await work();
  console.log(`${label.padEnd(44)} ${(performance.now() - started).toFixed(0).padStart(6)} ms`, result ?? '');
  return result;
};

try {
  const path = join(dir, 'bench.duckdb');
  await buildDemoDatabase(path, { enterprises, seed: 42 });
  const { Database } = await import('../db/database.ts');
  const db = await Database.open(path);
  // Deterministic flags: every fifth enterprise, with one to three of three rules.
  await db.run(`
    CREATE TEMP TABLE bench_rules AS SELECT * FROM (VALUES ('P1-core', 'P1', 'withdraw', DATE '2019-12-31', 1),
                                ('P2-built-up', 'P2', 'relocate', DATE '2025-12-31', 2),
                                ('P4-furnace', 'P4', 'upgrade', NULL, 3)) r(rule_id, policy, action, deadline, n)`);
  await db.run(`INSERT INTO run_rules SELECT 1, rule_id, policy, '', rule_id, rule_id, '000000', NULL FROM bench_rules`);
  await db.run(`
    INSERT INTO flag_rows
    SELECT e.id, r.rule_id, r.action, 1, r.deadline, '[]', 1
    FROM enterprises e, bench_rules r
    WHERE e.key % 5 = 0 AND r.n <= 1 + e.key % 3`);
  const flags = (await db.one<{ n: number }>('SELECT count(*) AS n FROM flags'))?.n;
  console.log(`${enterprises} enterprises, ${flags} flags`);
  await time('first sync (every case new)', () => db.transaction((tx) => syncCasesFromFlags(tx, 1)));
  await time('re-sync, nothing changed', () => db.transaction((tx) => syncCasesFromFlags(tx, 2)));
  await db.run('DELETE FROM flag_rows WHERE hash(enterprise_id) % 10 = 0');
  await time('re-sync, a tenth of the flags gone', () => db.transaction((tx) => syncCasesFromFlags(tx, 3)));
  await time(
    'GET /api/cases page of 100, overdue filter',
    async () => (await listCases(db, { overdue: true }, { limit: 100, offset: 0 }, chinaToday())).total,
  );
  await time('ledger XLSX, all cases', async () => {
    const { body, count } = await ledgerFile(db, 'xlsx', {});
    return `${count} rows, ${(body.length / 1024).toFixed(0)} KB`;
  });
  db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
