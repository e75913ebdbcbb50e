/**
 * The zone-hits export answers from the hits screening stored while they still describe the data,
 * and joins again once they may not: both give the same file, byte for byte.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { bumpDataVersion } from '../../server/db/meta-store.ts';
import { lastRun } from '../../server/db/screening-run-store.ts';
import { zoneHitsInExportOrder } from '../../server/db/zone-hit-csv.ts';
import { markZonesChanged } from '../../server/db/zone-store.ts';
import { exportZoneHits } from '../../server/export/export-zone-hits.ts';
import { runScreening } from '../../server/screening/run-screening.ts';
import { storedHitsAnswer } from '../../server/screening/stored-zone-hits.ts';
import { type TempDb, tempDemoDb } from '../helpers/temp-db.ts';

let temp: TempDb;
let db: Database;
beforeAll(async () => {
  temp = await tempDemoDb(600, 11);
  db = await temp.open();
});
afterAll(() => {
  db.close();
  temp.cleanup();
});

const both = async (within: number) => {
  const stored = join(temp.dir, `stored-${within}.csv`);
  const joined = join(temp.dir, `joined-${within}.csv`);
  const rows = await exportZoneHits(db, within, stored);
  const joinedRows = await exportZoneHits(db, within, joined, { join: true });
  return { rows, joinedRows, stored: readFileSync(stored, 'utf8'), joined: readFileSync(joined, 'utf8') };
};

describe('zone hits from the stored screening hits', () => {
  it('writes the same bytes as the join, containment and within the narrowest band', async () => {
    expect(await storedHitsAnswer(db, 0)).toBe(true);
    const zero = await both(0);
    expect(zero.rows).toBeGreaterThan(50);
    expect(zero.rows).toBe(zero.joinedRows);
    expect(zero.stored).toBe(zero.joined);
    expect(zero.stored.startsWith('enterprise_id,zone_id,zone_kind,distance_m\n')).toBe(true);

    const bands = JSON.parse((await lastRun(db))?.bands ?? '{}') as Record<string, number>;
    const widest = Math.max(...Object.values(bands));
    // Every kind's band must reach the distance; kinds without one were found by containment only.
    const covered = Object.keys(bands).length === 5 ? Math.min(...Object.values(bands)) : 0;
    expect(await storedHitsAnswer(db, covered)).toBe(true);
    if (widest > covered) expect(await storedHitsAnswer(db, widest)).toBe(false);
    if (covered > 0) {
      const banded = await both(covered);
      expect(banded.stored).toBe(banded.joined);
      expect(banded.stored).toMatch(/,\d+\.\d{3}\n/);
    }
  });

  it('copies the table as it lies after a full screening, and sorts it after a partial one appended rows', async () => {
    expect(await zoneHitsInExportOrder(db)).toBe(true);
    const before = (await both(0)).stored;
    // Re-screening the first and last enterprises deletes their hits and appends them at the end.
    const ids = (await db.all<{ id: string }>('SELECT id FROM enterprises ORDER BY id')).map((r) => r.id);
    await runScreening(db, { enterpriseIds: [ids[0] as string, ids[ids.length - 1] as string] });
    expect(await zoneHitsInExportOrder(db)).toBe(false);
    expect(await storedHitsAnswer(db, 0)).toBe(true);
    const partial = await both(0);
    expect(partial.stored).toBe(partial.joined);
    expect(partial.stored).toBe(before);
    await runScreening(db);
    expect(await zoneHitsInExportOrder(db)).toBe(true);
    expect((await both(0)).stored).toBe(before);
  });

  it('joins again once an import may have moved enterprises or changed zones', async () => {
    await bumpDataVersion(db);
    expect(await storedHitsAnswer(db, 0)).toBe(false);
    const out = join(temp.dir, 'after-import.csv');
    await exportZoneHits(db, 0, out);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(temp.dir, 'stored-0.csv'), 'utf8'));
    rmSync(out);
  });

  it('joins again after a zone change the last screening did not see', async () => {
    const fresh = await tempDemoDb(600, 11);
    const d = await fresh.open();
    try {
      expect(await storedHitsAnswer(d, 0)).toBe(true);
      await new Promise((r) => setImmediate(r));
      await markZonesChanged(d);
      expect(await storedHitsAnswer(d, 0)).toBe(false);
    } finally {
      d.close();
      fresh.cleanup();
    }
  });
});

describe('stored distances in the CSV', () => {
  it('are written as toFixed(3) writes them, exact ties rounded up', async () => {
    const { memoryDb } = await import('../helpers/memory-db.ts');
    const { copyStoredZoneHits, listZoneIds } = await import('../../server/db/zone-hit-csv.ts');
    const { zoneRanks } = await import('../../server/domain/zone-order.ts');
    const mem = await memoryDb({ zones: true });
    try {
      const zone = (await listZoneIds(mem))[0] as string;
      // 0.0625 and 2.6875 are exact ties at three decimals; printf would round them to even.
      const distances = [0, 0.0625, 2.6875, 1.2344999, 12.3456, 999.9995];
      for (const [i, d] of distances.entries()) {
        await mem.run("INSERT INTO zone_hit_rows (enterprise_id, zone_id, zone_kind, distance_m) VALUES ($e, $z, 'nature_reserve', $d)", {
          e: `E${i}`,
          z: zone,
          d,
        });
      }
      const ids = await listZoneIds(mem);
      const out = join(temp.dir, 'ties.csv');
      expect(await copyStoredZoneHits(mem, 1000, out, { zoneIds: ids, zoneRank: zoneRanks(ids) })).toBe(distances.length);
      const written = readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[3]);
      expect(written).toEqual(distances.map((d) => (d === 0 ? '0' : d.toFixed(3))));
    } finally {
      mem.close();
    }
  });
});
