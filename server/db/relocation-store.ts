/**
 * What the relocation engine (server/relocation) reads and stores: the ids of the staged screening
 * scope, the enterprises whose stored flags make them move, and relocation_reach, each moving
 * enterprise's nearest qualifying site (migration 042).
 */
import { appendColumns } from './bulk.ts';
import type { Queryable } from './database.ts';
import { getMeta, setMeta } from './meta-store.ts';
import type { Columns } from './tables.ts';

/** The ids and keys of temp table screen_scope, in key order (the order screening loads rows). */
export async function readScopeIds(q: Queryable): Promise<{ id: string; key: number }[]> {
  return q.all<{ id: string; key: number }>('SELECT id, key FROM screen_scope ORDER BY key');
}

/** The enterprise's id, position and capacity, or undefined when there is no such enterprise. */
export async function enterpriseOrigin(
  q: Queryable,
  id: string,
): Promise<
  { id: string; lon: number; lat: number; region_code: string | null; capacity: number | null; capacity_unit: string | null } | undefined
> {
  return q.one('SELECT id, lon, lat, region_code, capacity, capacity_unit FROM enterprises WHERE id = $id', { id });
}

/** Enterprises with a stored flag whose action is one of `actions`, in id order. */
export async function enterprisesFlaggedWith(q: Queryable, actions: readonly string[]): Promise<string[]> {
  if (actions.length === 0) return [];
  const params = Object.fromEntries(actions.map((a, i) => [`a${i}`, a]));
  const rows = await q.all<{ enterprise_id: string }>(
    `SELECT DISTINCT f.enterprise_id FROM flag_rows f JOIN enterprises e ON e.id = f.enterprise_id
     WHERE f.action IN (${actions.map((_, i) => `$a${i}`).join(', ')}) ORDER BY f.enterprise_id`,
    params,
  );
  return rows.map((r) => r.enterprise_id);
}

export interface ReachRow {
  enterprise_id: string;
  park_id: string;
  distance_km: number;
}

const REACH_COLUMNS = [
  ['enterprise_id', 'VARCHAR'],
  ['park_id', 'VARCHAR'],
  ['distance_km', 'DOUBLE'],
  ['computed_key', 'VARCHAR'],
] as const satisfies Columns;

/** Replaces relocation_reach with `rows`, computed for `key`; inside the caller's transaction. */
export async function replaceReach(tx: Queryable, rows: readonly ReachRow[], key: string): Promise<void> {
  await tx.run('DELETE FROM relocation_reach');
  await appendColumns(tx, 'relocation_reach', REACH_COLUMNS, [
    rows.map((r) => r.enterprise_id),
    rows.map((r) => r.park_id),
    rows.map((r) => r.distance_km),
    rows.map(() => key),
  ]);
  await setMeta(tx, 'relocation_reach_key', key);
}

export async function readReach(q: Queryable): Promise<(ReachRow & { computed_key: string })[]> {
  return q.all('SELECT enterprise_id, park_id, distance_km, computed_key FROM relocation_reach ORDER BY enterprise_id');
}

/** The key relocation_reach was last computed for, or null before the first run. */
export async function storedReachKey(q: Queryable): Promise<string | null> {
  return (await getMeta(q, 'relocation_reach_key')) ?? null;
}

/** The version of the rule set in force, without reading its body; null before any is stored. */
export async function ruleSetVersion(q: Queryable): Promise<number | null> {
  return (await q.one<{ v: number | null }>('SELECT max(version) AS v FROM rule_sets'))?.v ?? null;
}
