/**
 * The stored zone hits (zone_hit_rows, written by screening) as the zone-hits CSV, by DuckDB's own
 * CSV writer: when the last screening's hits still describe the current positions and zones, the
 * export is a filtered copy of them rather than the spatial join again (export-zone-hits.ts).
 */
import { listValue } from '@duckdb/node-api';
import type { Queryable } from './database.ts';

/** Every zone id, in the zones table's own order. */
export async function listZoneIds(q: Queryable): Promise<string[]> {
  return (await q.all<{ id: string }>('SELECT id FROM zones')).map((r) => r.id);
}

/**
 * Writes `path` (header enterprise_id,zone_id,zone_kind,distance_m) with every stored hit within
 * `withinMetres`, ordered by enterprise id and then by `zoneRank` (the export's zone order), and
 * answers the number of rows. Distances are written as JavaScript's toFixed(3) writes them, so both
 * paths of the export give the same bytes: printf rounds an exact tie (a distance that is an odd
 * number of half-millimetres, exactly representable) to even, toFixed upwards, so ties are nudged.
 */
export async function copyStoredZoneHits(
  q: Queryable,
  withinMetres: number,
  zoneIds: readonly string[],
  zoneRank: ArrayLike<number>,
  path: string,
): Promise<number> {
  const rows = await q.one<{ Count: bigint | number }>(
    `COPY (
       SELECT h.enterprise_id, h.zone_id, z.kind AS zone_kind,
              CASE WHEN h.distance_m = 0 THEN '0'
                   WHEN h.distance_m * 2000 = floor(h.distance_m * 2000) AND CAST(h.distance_m * 2000 AS BIGINT) % 2 = 1
                     THEN printf('%.3f', h.distance_m + 0.0005)
                   ELSE printf('%.3f', h.distance_m) END AS distance_m
       FROM zone_hit_rows h
       JOIN zones z ON z.id = h.zone_id
       JOIN (SELECT unnest($ids) AS id, unnest($ranks) AS rank) o ON o.id = h.zone_id
       WHERE h.distance_m <= $within
       ORDER BY h.enterprise_id, o.rank
     ) TO '${path.replace(/'/g, "''")}' (FORMAT csv, HEADER)`,
    { ids: listValue([...zoneIds]), ranks: listValue(Array.from(zoneRank)), within: withinMetres },
  );
  return Number(rows?.Count ?? 0);
}
