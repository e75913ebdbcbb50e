/**
 * A partial screening reads only the zones near its enterprises (screen-scope.ts zonesNearScope):
 * what it stores for them must be what the full screening stored — every zone hit, at every band,
 * and every flag and note.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { listValue } from '../../server/db/duckdb.ts';
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
