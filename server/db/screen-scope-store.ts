/**
 * The temp tables a screening run stages inside its transaction: screen_scope(id, key), the
 * enterprises a run covers, and the zone hits it reads or writes as integers (scope row or key,
 * zone index, distance) with the zone ids joined back in by DuckDB.
 */
import { stageColumns } from './bulk.ts';
import type { Queryable } from './database.ts';
import { type EnterpriseFilter, enterpriseWhere } from './enterprise-query.ts';
import { readColumns } from './read-columns.ts';

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
 * Stores zone hits given as integers (enterprise key, zone index into `zoneIds`, distance) and
 * lets DuckDB join the ids back in: a million-plus rows of strings would cost several times more
 * to convert. Keys must be in screen_scope.
 */
export async function insertZoneHits(
  tx: Queryable,
  hits: { key: Int32Array<ArrayBufferLike>; zone: Uint32Array<ArrayBufferLike>; distance: Float64Array<ArrayBufferLike> },
  zoneIds: readonly string[],
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
  await stageZoneIndex(tx, zoneIds);
  // Kind and type come from zones through the zone_hits view.
  await tx.run(
    `INSERT INTO zone_hit_rows (enterprise_id, zone_id, distance_m)
     SELECT s.id, z.id, h.distance_m
     FROM hit_rows h JOIN screen_scope s ON s.key = h.key JOIN zone_index z ON z.zone = h.zone`,
  );
  await tx.run('DROP TABLE hit_rows');
  await tx.run('DROP TABLE zone_index');
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
