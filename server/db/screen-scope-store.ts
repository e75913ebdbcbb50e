/**
 * The temp tables a screening run stages inside its transaction: screen_scope(id, key), the
 * enterprises a run covers, and the zone hits it reads or writes as integers (scope row or key,
 * zone index, distance) with the zone ids joined back in by DuckDB.
 */
import { stageColumns } from './bulk.ts';
import type { Queryable } from './database.ts';
import { type EnterpriseFilter, enterpriseWhere } from './enterprise-query.ts';
import { readColumns } from './read-columns.ts';
import { recordZoneHitsOrder } from './zone-hit-csv.ts';

/** Every enterprise (undefined), these ids, or the enterprises a filter selects. */
export type ScreenScope = readonly string[] | EnterpriseFilter | undefined;

/** Fills temp table screen_scope(id, key) and answers how many enterprises it holds. */
export async function stageScreenScope(tx: Queryable, scope: ScreenScope): Promise<number> {
  await tx.run('CREATE OR REPLACE TEMP TABLE screen_scope (id VARCHAR, key INTEGER)');
  if (scope === undefined) {
    await tx.run('INSERT INTO screen_scope SELECT id, key FROM enterprises');
  } else if (isIdList(scope)) {
    await stageColumns(tx, 'screen_ids', [['id', 'VARCHAR']], [scope]);
    await tx.run(
      'INSERT INTO screen_scope SELECT e.id, e.key FROM enterprises e JOIN (SELECT DISTINCT id FROM screen_ids) i ON i.id = e.id',
    );
    await tx.run('DROP TABLE screen_ids');
  } else {
    const where = enterpriseWhere(scope);
    await tx.run(`INSERT INTO screen_scope SELECT e.id, e.key FROM enterprises e ${where.sql}`, where.params);
  }
  return (await tx.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM screen_scope'))?.n ?? 0;
}

/** The lon/lat box [west, south, east, north] of the staged scope's enterprises; null when it is empty. */
export async function screenScopeBounds(tx: Queryable): Promise<[number, number, number, number] | null> {
  const row = await tx.one<{ w: number | null; s: number; e: number; n: number }>(
    'SELECT min(e.lon) AS w, min(e.lat) AS s, max(e.lon) AS e, max(e.lat) AS n FROM enterprises e JOIN screen_scope s ON s.key = e.key',
  );
  return row && row.w !== null ? [row.w, row.s, row.e, row.n] : null;
}

export async function dropScreenScope(tx: Queryable): Promise<void> {
  await tx.run('DROP TABLE screen_scope');
}

function isIdList(scope: Exclude<ScreenScope, undefined>): scope is readonly string[] {
  return Array.isArray(scope);
}

/** Stored zone hits of the scope, as columns ordered by scope row, then zone index. */
export interface StoredHitColumns {
  /** Row in screen_scope ordered by key. */
  row: Int32Array<ArrayBuffer>;
  /** Index of the zone in the `zoneIds` given. */
  zone: Int32Array<ArrayBuffer>;
  distance: Float64Array<ArrayBuffer>;
}

/** Zone hits an earlier run stored for the scope's enterprises, restricted to `zoneIds`. */
export async function readStoredZoneHits(tx: Queryable, zoneIds: readonly string[]): Promise<StoredHitColumns> {
  await stageZoneIndex(tx, zoneIds);
  // Scope rows are in key order when screening reads them, so a row number over key is the row.
  const [row, zone, distance] = await readColumns(
    tx,
    `WITH rows AS (SELECT id, (row_number() OVER (ORDER BY key) - 1)::INTEGER AS row FROM screen_scope)
     SELECT r.row, z.zone, h.distance_m
     FROM zone_hit_rows h JOIN rows r ON r.id = h.enterprise_id JOIN zone_index z ON z.id = h.zone_id
     ORDER BY r.row, z.zone`,
    ['int32', 'int32', 'float64'],
  );
  await tx.run('DROP TABLE zone_index');
  return { row, zone, distance };
}

/**
 * Stores zone hits given as integers (enterprise key, zone index into `zones`, distance) and lets
 * DuckDB join the ids back in: a million-plus rows of strings would cost several times more to
 * convert. Keys must be in screen_scope. Rows go in ordered by enterprise id and then by the zone's
 * place in `zoneRank`, the zone-hits export's order; when they are every stored hit (`whole`), meta
 * zone_hits_order records that the table is in that order and the export can copy it without
 * sorting. Rows added for a part of the enterprises land after the rest, so the record goes.
 */
export async function insertZoneHits(
  tx: Queryable,
  hits: { key: Int32Array<ArrayBufferLike>; zone: Uint32Array<ArrayBufferLike>; distance: Float64Array<ArrayBufferLike> },
  zones: readonly { id: string; kind: string }[],
  zoneRank: ArrayLike<number>,
  whole: boolean,
): Promise<void> {
  await stageColumns(
    tx,
    'hit_rows',
    [
      ['key', 'INTEGER'],
      ['zone', 'INTEGER'],
      ['distance_m', 'DOUBLE'],
    ],
    [hits.key, hits.zone, hits.distance],
  );
  await stageColumns(
    tx,
    'zone_rank',
    [
      ['zone', 'INTEGER'],
      ['id', 'VARCHAR'],
      ['kind', 'VARCHAR'],
      ['rank', 'INTEGER'],
    ],
    [Int32Array.from(zones, (_, i) => i), zones.map((z) => z.id), zones.map((z) => z.kind), Int32Array.from(zoneRank)],
  );
  await tx.run(
    `INSERT INTO zone_hit_rows (enterprise_id, zone_id, zone_kind, distance_m)
     SELECT s.id, z.id, z.kind, h.distance_m
     FROM hit_rows h JOIN screen_scope s ON s.key = h.key JOIN zone_rank z ON z.zone = h.zone
     ORDER BY s.id, z.rank, h.zone`,
  );
  await tx.run('DROP TABLE hit_rows');
  await tx.run('DROP TABLE zone_rank');
  await recordZoneHitsOrder(tx, whole);
}

/** Temp table zone_index(zone, id): each zone's index in `zoneIds`, which hits carry instead of its id. */
async function stageZoneIndex(tx: Queryable, zoneIds: readonly string[]): Promise<void> {
  await stageColumns(
    tx,
    'zone_index',
    [
      ['zone', 'INTEGER'],
      ['id', 'VARCHAR'],
    ],
    [Int32Array.from(zoneIds, (_, i) => i), zoneIds],
  );
}
