/** greenline relocate suggest: one enterprise as text and JSON, every moving enterprise as CSV, and its refusals. */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../server/db/database.ts';
import { greenlineInProcess } from '../helpers/cli.ts';
import { tempDir, writeDemoDb } from '../helpers/temp-db.ts';

let dir: string;
let db: string;
let steel: string;
beforeAll(async () => {
  dir = tempDir();
  db = join(dir, 'relocate.duckdb');
  await writeDemoDb(db, 600, 11);
  const d = await Database.open(db);
  try {
    const row = await d.one<{ id: string }>(
      `SELECT f.enterprise_id AS id FROM flags f JOIN enterprises e ON e.id = f.enterprise_id
       WHERE f.rule_id = 'P2-built-up-polluting' AND e.sector LIKE 'C31%' ORDER BY 1 LIMIT 1`,
    );
    steel = row?.id as string;
  } finally {
    d.close();
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('greenline relocate suggest', () => {
  it('prints the ranked parks with reasons', async () => {
    const r = await greenlineInProcess(['--db', db, 'relocate', 'suggest', steel, '--as-of', '2024-06-30']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${steel} at`);
    expect(r.stdout).toMatch(/qualifying sites?:/);
    expect(r.stdout).toMatch(/ {3}1 {2}IP-\S+ .* km .*clears P2-built-up-polluting/);
  });

  it('--json prints the SiteSuggestions object', async () => {
    const r = await greenlineInProcess(['--db', db, '--json', 'relocate', 'suggest', steel, '--as-of', '2024-06-30', '--within', '300']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ enterprise_id: steel, as_of: '2024-06-30' });
    expect(s.sites.length).toBeGreaterThan(0);
    expect(s.sites.every((v: { distance_km: number }) => v.distance_km <= 300)).toBe(true);
  });

  it('--all --out writes every moving enterprise’s qualifying parks as CSV', async () => {
    const out = join(dir, 'sites.csv');
    const r = await greenlineInProcess(['--db', db, '--json', 'relocate', 'suggest', '--all', '--out', out, '--as-of', '2024-06-30']);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.enterprises).toBeGreaterThan(20);
    const lines = readFileSync(out, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'enterprise_id,rank,park_id,name,name_en,region_code,lon,lat,distance_km,same_prefecture,same_province,sector_fit,land_free_ha,moving_rules,clears',
    );
    expect(lines.length - 1).toBe(summary.rows);
    expect(lines.some((l) => l.startsWith(`${steel},1,IP-`))).toBe(true);
  });

  it('fails with one line naming the problem', async () => {
    const cases: [string[], string][] = [
      [['relocate', 'suggest', 'NOPE'], 'no enterprise with id "NOPE"'],
      [['relocate', 'suggest', steel, '--within', 'far'], '--within must be a number'],
      [['relocate', 'suggest', '--all'], '--all needs --out'],
      [['relocate', 'suggest'], 'give an enterprise id'],
    ];
    for (const [args, message] of cases) {
      const r = await greenlineInProcess(['--db', db, ...args]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(message);
    }
  });
});
