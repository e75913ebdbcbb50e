/**
 * The screening pipeline without its side effects: defines the scope, finds (or reads) zone hits,
 * and screens batch after batch on the worker pool, handing each batch's flags and notes to the
 * caller. runScreening stores them; evaluateAsOf only counts them.
 */
import type { Queryable } from '../db/database.ts';
import { insertZoneHits, readStoredZoneHits, type ScreenScope, screenScopeBounds, stageScreenScope } from '../db/screen-scope-store.ts';
import { listZones, listZonesMeeting } from '../db/zone-store.ts';
import { boxWithin } from '../domain/geometry/wgs84.ts';
import type { RuleSetT } from '../domain/rules/rule-schema.ts';
import type { RulePlan } from '../domain/screening/rule-plan.ts';
import type { BatchOutput, ZoneTable } from '../domain/screening/screen-batch.ts';
import { indexHitsByPoint } from '../domain/screening/zone-hit-finder.ts';
import type { Zone } from '../domain/zone.ts';
import { zoneRanks } from '../domain/zone-order.ts';
import { dropChildRows, type HitIndex, loadBatch, loadScope, type ScopeColumns, stageChildRows } from './load-batch.ts';
import { ScreenPool } from './screen-pool.ts';
import { defaultThreads } from './zone-hits-pool.ts';

/** Enterprises per batch: small enough to keep both workers busy, large enough to scan little. */
const BATCH = 100_000;
/** Below this many enterprises, worker start-up costs more than it saves. */
const PARALLEL_FROM = 100_000;

export interface ScopeOptions {
  ruleSet: RuleSetT;
  plan: RulePlan;
  /** All enterprises when undefined; otherwise these ids, or the enterprises a filter selects. */
  scope?: ScreenScope;
  recomputeZones: boolean;
  threads?: number;
  timings?: Record<string, number>;
  onBatch: (out: BatchOutput, done: number, total: number) => Promise<void> | void;
}

export interface ScopeResult {
  scope: ScopeColumns;
  zones: Zone[];
  hits: HitIndex;
}

/** Runs inside the caller's transaction; leaves temp table screen_scope for the caller to drop. */
export async function screenScope(tx: Queryable, options: ScopeOptions): Promise<ScopeResult> {
  let t = performance.now();
  const lap = (name: string) => {
    if (options.timings) options.timings[name] = Math.round(performance.now() - t);
    t = performance.now();
  };
  const total = await stageScreenScope(tx, options.scope);
  const threads = total >= PARALLEL_FROM ? (options.threads ?? defaultThreads()) : 1;
  const zones = options.scope === undefined ? await listZones(tx) : await zonesNearScope(tx, options.plan);
  const zoneTable: ZoneTable = {
    id: zones.map((z) => z.id),
    name: zones.map((z) => z.name),
    kind: zones.map((z) => z.kind),
    zone_type: zones.map((z) => z.zone_type),
  };
  // Worker threads take a few hundred milliseconds to load their code and index the zones: one
  // pool finds the zone hits and then screens, and it starts while this thread reads the scope.
  const hitZones = options.recomputeZones
    ? { shapes: zones.map((z) => ({ kind: z.kind, geometry: z.geometry })), bands: options.plan.zoneBands() }
    : undefined;
  const poolStarting = started(ScreenPool.create(options.ruleSet, options.plan, zoneTable, threads, hitZones));
  let scope: ScopeColumns;
  let hits: HitIndex;
  try {
    scope = await loadScope(tx);
    lap('load_scope');
    hits = hitZones
      ? indexHitsByPoint(scope.key.length, await (await poolStarting).findHits(scope.lon, scope.lat))
      : await storedHits(tx, scope, zones);
    lap('zone_hits');
    await stageChildRows(tx, options.plan.asOf, options.plan.needs());
  } catch (error) {
    await closeWhenStarted(poolStarting);
    throw error;
  }
  lap('stage_rows');
  const pool = await poolStarting;
  try {
    const pending: Promise<BatchOutput>[] = [];
    // Batches are read on this thread while the workers screen the ones before; the parts are
    // timed apart so that a slow run says whether reading, screening or storing held it up.
    let reading = 0;
    let handing = 0;
    for (let from = 0; from < total; from += BATCH) {
      const to = Math.min(total, from + BATCH);
      const r = performance.now();
      const batch = await loadBatch(tx, scope, hits, from, to);
      reading += performance.now() - r;
      pending.push(pool.screen(batch));
    }
    for (const [i, result] of pending.entries()) {
      const out = await result;
      const h = performance.now();
      await options.onBatch(out, Math.min(total, (i + 1) * BATCH), total);
      handing += performance.now() - h;
    }
    if (options.timings) {
      options.timings.rules_read = Math.round(reading);
      options.timings.rules_store = Math.round(handing);
    }
  } finally {
    await pool.close();
    await dropChildRows(tx);
  }
  lap('rules');
  return { scope, zones, hits };
}

/** A pool being started, its failure kept for whoever awaits it rather than left unhandled. */
function started<T>(pool: Promise<T>): Promise<T> {
  pool.catch(() => undefined);
  return pool;
}

/**
 * The zones a part of the enterprises can meet: those whose box comes within the widest zone band
 * of the scope's box. A one-plant run (an official's correction) otherwise parsed and indexed every
 * zone, 40–180 ms of 581 — more than the rest of the run. Zone indexes are then positions in this
 * shorter list, kept in the same order, so hits sort as they would among all zones.
 */
async function zonesNearScope(tx: Queryable, plan: RulePlan): Promise<Zone[]> {
  const bounds = await screenScopeBounds(tx);
  if (!bounds) return [];
  const widest = Math.max(0, ...plan.zoneBands().values());
  const box = boxWithin(bounds, widest);
  return box ? listZonesMeeting(tx, box) : listZones(tx);
}

async function closeWhenStarted(pool: Promise<{ close(): Promise<void> }>): Promise<void> {
  const ready = await pool.catch(() => null);
  await ready?.close();
}

/**
 * Zone hits of an earlier run, for zones and bands that have not changed: read as integer and
 * double columns (scope row, zone index, distance), already in scope order, so that reusing them
 * costs a fraction of recomputing and rewriting them.
 */
async function storedHits(tx: Queryable, scope: ScopeColumns, zones: Zone[]): Promise<HitIndex> {
  const { row, zone, distance } = await readStoredZoneHits(
    tx,
    zones.map((z) => z.id),
  );
  // Rows and zone indexes are never negative: the same bits read as unsigned.
  return indexHitsByPoint(scope.key.length, {
    point: new Uint32Array(row.buffer, row.byteOffset, row.length),
    zone: new Uint32Array(zone.buffer, zone.byteOffset, zone.length),
    distance,
  });
}

/**
 * Stores the zone hits of the scope (zone_hit_rows) and answers how many there are; `whole` when
 * they replace every stored hit, which leaves the table in the zone-hits export's order.
 */
export async function writeZoneHits(tx: Queryable, scope: ScopeColumns, zones: Zone[], hits: HitIndex, whole: boolean): Promise<number> {
  const keys = new Int32Array(hits.zone.length);
  for (let row = 0; row < scope.key.length; row++) {
    for (let j = hits.start[row] as number; j < (hits.start[row + 1] as number); j++) keys[j] = scope.key[row] as number;
  }
  await insertZoneHits(tx, { key: keys, zone: hits.zone, distance: hits.distance }, zones, zoneRanks(zones.map((z) => z.id)), whole);
  return hits.zone.length;
}
