/**
 * relocation_reach: each moving enterprise's nearest qualifying park, for the ledger's "no
 * qualifying site within N km" filter. Recomputed only when what it was computed from changed —
 * the data version, the rule set version, zones_changed_at or the as-of date — as screenChanged
 * judges staleness from the same meta values.
 */
import type { Database } from '../db/database.ts';
import { type ReachRow, replaceReach, ruleSetVersion, storedReachKey } from '../db/relocation-store.ts';
import { reachKey } from './relocation-context.ts';
import { suggestAll } from './suggest.ts';

export interface ReachRefresh {
  refreshed: boolean;
  key: string;
  /** Rows written; null when the table was already current. */
  rows: number | null;
}

/** One refresh at a time per database: two requests finding it stale would both rewrite the table and conflict. */
const running = new WeakMap<Database, Promise<unknown>>();

export async function refreshRelocationReach(db: Database, asOf: string): Promise<ReachRefresh> {
  const before = running.get(db) ?? Promise.resolve();
  const mine = before.catch(() => undefined).then(() => refresh(db, asOf));
  running.set(db, mine);
  try {
    return await mine;
  } finally {
    if (running.get(db) === mine) running.delete(db);
  }
}

async function refresh(db: Database, asOf: string): Promise<ReachRefresh> {
  const key = await reachKey(db, { asOf, ruleSetVersion: (await ruleSetVersion(db)) ?? 0 });
  if ((await storedReachKey(db)) === key) return { refreshed: false, key, rows: null };
  const all = await suggestAll(db, { asOf });
  const rows: ReachRow[] = [];
  for (const s of all.suggestions) {
    let nearest: ReachRow | null = null;
    for (const v of s.sites) {
      if (!v.qualifies || v.site.park_id === null) continue;
      if (!nearest || v.distance_km < nearest.distance_km)
        nearest = { enterprise_id: s.enterprise_id, park_id: v.site.park_id, distance_km: v.distance_km };
    }
    if (nearest) rows.push(nearest);
  }
  await db.transaction(async (tx) => replaceReach(tx, rows, key));
  return { refreshed: true, key, rows: rows.length };
}
