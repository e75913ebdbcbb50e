/**
 * npm run bench:relocate [-- --db PATH] [-- --as-of DATE]: relocation-site suggestions on the
 * 20,000-enterprise demo (seed 42, built into a temporary directory unless --db names one, which
 * is copied first). Times suggestSites for one Baotou steel plant in the built-up area (the first
 * call, then the median of 20), the HTTP route an official's ledger calls (GET
 * /api/relocation/{id}/sites through the whole Hono app: session, access policy, region check,
 * JSON; median of 20), suggestAll over every enterprise that must relocate or withdraw, and the CLI
 * end to end (`greenline relocate suggest ID --json`, a fresh process each, median of
 * 5). The date is fixed so that runs compare.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../server/db/database.ts';
import { createApp } from '../server/http/app.ts';
import { suggestAll, suggestSites } from '../server/relocation/suggest.ts';
import { greenline } from '../test/helpers/cli.ts';
import { call } from '../test/helpers/ledger-app.ts';
import { account, sessionOf } from '../test/helpers/ledger-fixtures.ts';
import { TEST_CONFIG } from '../test/helpers/temp-db.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const asOf = arg('as-of') ?? '2024-06-30';
const work = mkdtempSync(join(tmpdir(), 'greenline-bench-relocate-'));
const path = join(work, 'relocate.duckdb');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

try {
  if (arg('db')) copyFileSync(arg('db') as string, path);
  else {
    const built = await greenline(['--db', path, 'demo', '--enterprises', '20000', '--seed', '42']);
    if (built.code !== 0) throw new Error(`demo failed: ${built.stderr}`);
  }
  const db = await Database.open(path);
  let id: string;
  const rows: [string, string, string, string][] = [];
  try {
    const found = await db.one<{ id: string }>(
      `SELECT f.enterprise_id AS id FROM flags f JOIN enterprises e ON e.id = f.enterprise_id
       WHERE f.rule_id = 'P2-built-up-polluting' AND e.region_code = '150200' AND e.sector LIKE 'C31%' ORDER BY 1 LIMIT 1`,
    );
    if (!found) throw new Error(`${path}: no Baotou steel plant with a P2 built-up flag to time`);
    id = found.id;
    let t = performance.now();
    const first = await suggestSites(db, id, { asOf });
    const cold = performance.now() - t;
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      t = performance.now();
      await suggestSites(db, id, { asOf });
      times.push(performance.now() - t);
    }
    const qualifying = first.sites.filter((v) => v.qualifies).length;
    rows.push(['suggestSites, first call', `${cold.toFixed(0)} ms`, '', `${qualifying} of ${first.sites.length} parks qualify`]);
    rows.push([
      'suggestSites, median of 20',
      `${median(times).toFixed(0)} ms`,
      '≤ 200 ms',
      `min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}`,
    ]);
    const app = createApp({ db, config: TEST_CONFIG });
    const session = await sessionOf(db, (await account(db, 'bench-baotou', 'official', '150200')).id);
    const http: number[] = [];
    for (let i = 0; i < 21; i++) {
      t = performance.now();
      const r = await call(app, 'GET', `/api/relocation/${id}/sites?as_of=${asOf}`, { session });
      if (i > 0) http.push(performance.now() - t);
      if (r.status !== 200) throw new Error(`GET /api/relocation/${id}/sites answered ${r.status}`);
    }
    rows.push([
      'GET /api/relocation/{id}/sites',
      `${median(http).toFixed(0)} ms`,
      '≤ 200 ms',
      `Baotou official; median of 20 after one, min ${Math.min(...http).toFixed(0)}, max ${Math.max(...http).toFixed(0)}`,
    ]);
    t = performance.now();
    const all = await suggestAll(db, { asOf });
    const allMs = performance.now() - t;
    const sites = all.suggestions.reduce((n, s) => n + s.sites.length, 0);
    const none = all.suggestions.filter((s) => s.sites.length === 0).length;
    rows.push([
      'suggestAll',
      `${(allMs / 1000).toFixed(2)} s`,
      '≤ 30 s',
      `${all.enterprises} enterprises, ${sites} qualifying sites, ${none} with none`,
    ]);
  } finally {
    db.close();
  }
  const bin = join(import.meta.dirname, '..', 'bin', 'greenline.js');
  // Once untimed: the CLI bundle is rebuilt when a source is newer than it.
  spawnSync(process.execPath, [bin, '--help']);
  const cli: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [bin, '--db', path, 'relocate', 'suggest', id, '--json', '--as-of', asOf], { encoding: 'utf8' });
    cli.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`greenline relocate suggest ${id} failed: ${r.stderr}`);
  }
  rows.push([`CLI relocate suggest ${id} --json`, `${median(cli).toFixed(0)} ms`, '', 'median of 5 fresh processes']);

  console.log(`relocation suggestions, 20,000-enterprise demo, as of ${asOf}`);
  const widths = [0, 1, 2, 3].map((c) => Math.max(...[['what', 'time', 'target', 'notes'], ...rows].map((r) => (r[c] as string).length)));
  for (const r of [['what', 'time', 'target', 'notes'], ...rows])
    console.log(r.map((cell, c) => cell.padEnd(widths[c] as number)).join('  '));
} finally {
  rmSync(work, { recursive: true, force: true });
}
