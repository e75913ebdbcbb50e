/**
 * A partial screening reads only the zones near its enterprises (screen-scope.ts zonesNearScope):
 * what it stores for them must be what the full screening stored — every zone hit, at every band,
 * and every flag and note.
 *
 * It syncs the ledger only for the enterprises it touched: the ones it screened
 * and the ones deleted since, whose flags it removes. The result must be what a full screening
 * gives, while other enterprises' cases are not rewritten. Enterprises leave by a replace import,
 * which records that some did (screening-run-store.ts); an upsert records nothing, so a partial
 * run after one skips looking for them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { listValue } from '../../server/db/duckdb.ts';
import { getMeta } from '../../server/db/meta-store.ts';
import { exportEnterprises } from '../../server/export/export-enterprises.ts';
import { importEnterprises } from '../../server/import/import-enterprises.ts';
import { runScreening } from '../../server/screening/run-screening.ts';
import { type TempDb, tempDemoDb } from '../helpers/temp-db.ts';

const AS_OF = '2025-12-01';
const DELETED = 'enterprises_deleted_since_screening';
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

/** What the stored results say of these enterprises, run ids aside. */
async function resultsOf(ids: string[]) {
  const params = { ids: listValue(ids) };
  const sql = (table: string, columns: string) =>
    db.all(`SELECT ${columns} FROM ${table} WHERE list_contains($ids, enterprise_id) ORDER BY ALL`, params);
  return {
    hits: await sql('zone_hit_rows', 'enterprise_id, zone_id, zone_kind, distance_m'),
    flags: await sql('flag_rows', 'enterprise_id, rule_id, action, severity, deadline, evidence::VARCHAR'),
    notes: await sql('screening_notes', 'enterprise_id, rule_id, message'),
  };
}

describe('a partial screening near zones', () => {
  it('stores for one plant near a zone, and for plants far apart, what the full screening stored', async () => {
    // A plant within a zone's band but outside the zone's bounding box (found only if the zones
    // read reach past the plants' own box by the band), and plants in several kinds of zone
    // across the map.
    const far = await db.one<{ id: string }>(
      `SELECT h.enterprise_id AS id FROM zone_hit_rows h JOIN zones z ON z.id = h.zone_id JOIN enterprises e ON e.id = h.enterprise_id
       WHERE e.lon < z.min_lon OR e.lon > z.max_lon OR e.lat < z.min_lat OR e.lat > z.max_lat
       ORDER BY h.distance_m DESC, h.enterprise_id LIMIT 1`,
    );
    const spread = [
      ...new Set(
        (
          await db.all<{ id: string }>(
            'SELECT any_value(enterprise_id ORDER BY enterprise_id) AS id FROM zone_hit_rows GROUP BY zone_kind, distance_m > 0 ORDER BY id',
          )
        ).map((r) => r.id),
      ),
    ];
    expect(far).toBeDefined();
    expect(spread.length).toBeGreaterThan(3);
    for (const ids of [[far?.id as string], spread]) {
      const before = await resultsOf(ids);
      expect(before.hits.length).toBeGreaterThan(0);
      const partial = await runScreening(db, { asOf: AS_OF, enterpriseIds: ids });
      expect(partial.scope).toBe('partial');
      expect(partial.enterprises).toBe(ids.length);
      expect(await resultsOf(ids)).toEqual(before);
    }
  });
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
    // One leaves the data (a replace import of every other enterprise); another turns to grain
    // milling, which no sector rule names.
    const csv = join(temp.dir, 'kept.csv');
    await exportEnterprises(db, 'csv', csv);
    const lines = readFileSync(csv, 'utf8').split('\n');
    const kept = lines.filter((line) => !line.startsWith(`${deleted},`));
    expect(kept.length).toBe(lines.length - 1);
    writeFileSync(csv, kept.join('\n'));
    expect(await getMeta(db, DELETED)).toBe('no');
    const replaced = await importEnterprises(db, { path: csv, replace: true });
    expect(replaced.errors).toEqual([]);
    expect(await getMeta(db, DELETED)).toBe('yes');
    await db.run('UPDATE enterprises SET sector = $s WHERE id = $id', { id: changed, s: 'C1310' });
    const before = await flaggedCases();

    const partial = await runScreening(db, { asOf: AS_OF, enterpriseIds: [changed] });
    const afterPartial = await flaggedCases();
    expect(partial.scope).toBe('partial');
    expect(await getMeta(db, DELETED)).toBe('no');
    expect(await db.one('SELECT count(*)::INTEGER AS n FROM flag_rows WHERE enterprise_id = $id', { id: deleted })).toEqual({ n: 0 });
    expect(afterPartial.filter((c) => c.enterprise_id === deleted).every((c) => !c.flagged)).toBe(true);
    const others = (cases: typeof before) => cases.filter((c) => c.enterprise_id !== deleted && c.enterprise_id !== changed);
    expect(others(afterPartial)).toEqual(others(before));
    expect(afterPartial.find((c) => c.enterprise_id === untouched)).toEqual(before.find((c) => c.enterprise_id === untouched));

    // A full screening finds nothing more to change.
    const full = await runScreening(db, { asOf: AS_OF, recomputeZones: false });
    expect(full.cases).toEqual({ created: 0, unflagged: 0, reflagged: 0, updated: 0 });
    expect(await flaggedCases()).toEqual(afterPartial);
  });

  it('records no deletion for an upsert, nor for a replace that keeps every enterprise', async () => {
    const csv = join(temp.dir, 'all.csv');
    await exportEnterprises(db, 'csv', csv);
    const [header, first] = readFileSync(csv, 'utf8').split('\n');
    writeFileSync(join(temp.dir, 'one.csv'), `${header}\n${first}\n`);
    expect((await importEnterprises(db, { path: join(temp.dir, 'one.csv') })).errors).toEqual([]);
    expect(await getMeta(db, DELETED)).toBe('no');
    expect((await importEnterprises(db, { path: csv, replace: true })).errors).toEqual([]);
    expect(await getMeta(db, DELETED)).toBe('no');
  });
});
