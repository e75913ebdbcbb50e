/**
 * `greenline export zone-hits --within METERS`: one CSV row per enterprise and zone that contains
 * it (distance 0, boundary included) or lies within METERS of it; distance geodesic on WGS84 to
 * the nearest point of the zone, edges straight in lon/lat (design.md). No byte-order mark: this
 * file is for programs, and its header must read exactly enterprise_id,zone_id,zone_kind,distance_m.
 *
 * When the last screening's stored hits still describe the data and reach the band asked
 * (stored-zone-hits.ts), DuckDB copies them to the file, sorting them only when a partial
 * screening has appended rows since the last full one; otherwise the join runs again
 * (zone-hits-join.ts, loaded only then). Both paths give the same bytes (export-zone-hits.test.ts).
 */
import type { Queryable } from '../db/database.ts';
import { copyStoredZoneHits, listZoneIds, type ZoneOrder, zoneHitsInExportOrder } from '../db/zone-hit-csv.ts';
import { zoneRanks } from '../domain/zone-order.ts';
import { storedHitsAnswer } from '../screening/stored-zone-hits.ts';
import { MAX_WITHIN_METRES } from './export-kinds.ts';
import { writeAtomic } from './write-atomic.ts';

export interface ZoneHitsOptions {
  /** Join again even where the stored hits would answer: for tests and benchmarks of the join. */
  join?: boolean;
}

export async function exportZoneHits(q: Queryable, withinMetres: number, out: string, options: ZoneHitsOptions = {}): Promise<number> {
  if (!Number.isFinite(withinMetres) || withinMetres < 0 || withinMetres > MAX_WITHIN_METRES) {
    throw new Error(`--within must be between 0 and ${MAX_WITHIN_METRES} metres, got ${withinMetres}`);
  }
  if (!options.join && (await storedHitsAnswer(q, withinMetres))) {
    const order = (await zoneHitsInExportOrder(q)) ? null : await zoneOrder(q);
    let rows = 0;
    await writeAtomic(out, async (tmp) => {
      rows = await copyStoredZoneHits(q, withinMetres, tmp, order);
    });
    return rows;
  }
  const { joinZoneHits } = await import('./zone-hits-join.ts');
  return joinZoneHits(q, withinMetres, out);
}

async function zoneOrder(q: Queryable): Promise<ZoneOrder> {
  const zoneIds = await listZoneIds(q);
  return { zoneIds, zoneRank: zoneRanks(zoneIds) };
}
