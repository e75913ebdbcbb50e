/**
 * The stored zone hits (zone_hit_rows, written by screening) as the zone-hits CSV, by DuckDB's own
 * CSV writer: when the last screening's hits still describe the current positions and zones, the
 * export is a filtered copy of them rather than the spatial join again (export-zone-hits.ts).
 */
import type { Params, Queryable } from './database.ts';
import { listValue } from './duckdb.ts';
import { getMeta, setMeta } from './meta-store.ts';

/** Meta key saying whether zone_hit_rows lies in the zone-hits export's order (EXPORT_ORDER). */
const ZONE_HITS_ORDER = 'zone_hits_order';
const EXPORT_ORDER = 'export';

/** Whether zone_hit_rows lies in the export's order: every row written by one full screening since. */
export async function zoneHitsInExportOrder(q: Queryable): Promise<boolean> {
  return (await getMeta(q, ZONE_HITS_ORDER)) === EXPORT_ORDER;
}

/** Records whether zone_hit_rows is in the export's order after screening wrote its hits (insertZoneHits). */
export async function recordZoneHitsOrder(tx: Queryable, whole: boolean): Promise<void> {
  await setMeta(tx, ZONE_HITS_ORDER, whole ? EXPORT_ORDER : 'none');
}

/** Every zone id, in the zones table's own order. */
export async function listZoneIds(q: Queryable): Promise<string[]> {
  return (await q.all<{ id: string }>('SELECT id FROM zones')).map((r) => r.id);
}

/** How to order rows within an enterprise: each zone id's place (zone-order.ts). */
export interface ZoneOrder {
  zoneIds: readonly string[];
  zoneRank: ArrayLike<number>;
}

/**
 * Writes `path` (header enterprise_id,zone_id,zone_kind,distance_m) with every stored hit within
 * `withinMetres`, ordered by enterprise id and then by zone place, and answers the number of rows.
 * With `order` null the table already lies in that order (zoneHitsInExportOrder) and is copied as
 * it lies: one table scanned, filtered and copied keeps its row order in DuckDB, and the sort, the
 * better part of the copy's time, is saved. Distances are written as JavaScript's toFixed(3) writes
 * them, so both paths of the export give the same bytes: printf rounds an exact tie (a distance
 * that is an odd number of half-millimetres, exactly representable) to even, toFixed upwards, so
 * ties are nudged.
 */
export async function copyStoredZoneHits(q: Queryable, withinMetres: number, path: string, order: ZoneOrder | null): Promise<number> {
  const columns = `h.enterprise_id, h.zone_id, h.zone_kind,
    CASE WHEN h.distance_m = 0 THEN '0'
         WHEN h.distance_m * 2000 = floor(h.distance_m * 2000) AND CAST(h.distance_m * 2000 AS BIGINT) % 2 = 1
           THEN printf('%.3f', h.distance_m + 0.0005)
         ELSE printf('%.3f', h.distance_m) END AS distance_m`;
  const query = order
    ? `SELECT ${columns}
       FROM zone_hit_rows h JOIN (SELECT unnest($ids) AS id, unnest($ranks) AS rank) o ON o.id = h.zone_id
       WHERE h.distance_m <= $within
       ORDER BY h.enterprise_id, o.rank`
    : `SELECT ${columns} FROM zone_hit_rows h WHERE h.distance_m <= $within`;
  const params: Params = { within: withinMetres };
  if (order) Object.assign(params, { ids: listValue([...order.zoneIds]), ranks: listValue(Array.from(order.zoneRank)) });
  const rows = await q.one<{ Count: bigint | number }>(`COPY (${query}) TO '${path.replace(/'/g, "''")}' (FORMAT csv, HEADER)`, params);
  return Number(rows?.Count ?? 0);
}
