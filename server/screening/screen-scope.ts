/**
 * The screening pipeline without its side effects: defines the scope, finds (or reads) zone hits,
 * and screens batch after batch on the worker pool, handing each batch's flags and notes to the
 * caller. runScreening stores them; evaluateAsOf only counts them.
 */
import { appendColumns } from '../db/bulk.ts';
import type { Queryable } from '../db/database.ts';
import { readColumns } from '../db/read-columns.ts';
import { listZones } from '../db/zone-store.ts';
import type { RuleSetT } from '../domain/rules/rule-schema.ts';
import type { RulePlan } from '../domain/screening/rule-plan.ts';
import type { BatchOutput, ZoneTable } from '../domain/screening/screen-batch.ts';
import type { HitArrays } from '../domain/screening/zone-hit-finder.ts';
import type { Zone } from '../domain/zone.ts';
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
  /** All enterprises when undefined; otherwise these ids (or a SQL query selecting id). */
  scope?: readonly string[] | { sql: string; params: Record<string, string | number> };
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
  await defineScope(tx, options.scope);
  const total = (await tx.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM screen_scope'))?.n ?? 0;
  const threads = total >= PARALLEL_FROM ? (options.threads ?? defaultThreads()) : 1;
  const zones = await listZones(tx);
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
      ? indexHits(scope.key.length, await (await poolStarting).findHits(scope.lon, scope.lat))
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

async function defineScope(tx: Queryable, ids: ScopeOptions['scope']): Promise<void> {
  await tx.run('CREATE OR REPLACE TEMP TABLE screen_scope (id VARCHAR, key INTEGER)');
  if (ids === undefined) {
    await tx.run('INSERT INTO screen_scope SELECT id, key FROM enterprises');
    return;
  }
  if (!Array.isArray(ids)) {
    const query = ids as { sql: string; params: Record<string, string | number> };
    await tx.run(`INSERT INTO screen_scope SELECT e.id, e.key FROM enterprises e WHERE e.id IN (${query.sql})`, query.params);
    return;
  }
  await tx.run('CREATE OR REPLACE TEMP TABLE screen_ids (id VARCHAR)');
  await appendColumns(tx, 'screen_ids', [['id', 'VARCHAR']], [ids]);
  await tx.run('INSERT INTO screen_scope SELECT e.id, e.key FROM enterprises e JOIN (SELECT DISTINCT id FROM screen_ids) i ON i.id = e.id');
  await tx.run('DROP TABLE screen_ids');
}

/** A pool being started, its failure kept for whoever awaits it rather than left unhandled. */
function started<T>(pool: Promise<T>): Promise<T> {
  pool.catch(() => undefined);
  return pool;
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
  await stageZoneIndex(tx, zones);
  // Scope rows are in key order (loadScope), so a row number over key is the scope row.
  const [row, zone, distance] = await readColumns(
    tx,
    `WITH rows AS (SELECT id, (row_number() OVER (ORDER BY key) - 1)::INTEGER AS row FROM screen_scope)
     SELECT r.row, z.zone, h.distance_m
     FROM zone_hit_rows h JOIN rows r ON r.id = h.enterprise_id JOIN zone_index z ON z.id = h.zone_id
     ORDER BY r.row, z.zone`,
    ['int32', 'int32', 'float64'],
  );
  await tx.run('DROP TABLE zone_index');
  // Rows and zone indexes are never negative: the same bits read as unsigned.
  return indexHits(scope.key.length, {
    point: new Uint32Array(row.buffer, row.byteOffset, row.length),
    zone: new Uint32Array(zone.buffer, zone.byteOffset, zone.length),
    distance,
  });
}

/** Temp table zone_index(zone, id): each zone's index in `zones`, which hits carry instead of its id. */
async function stageZoneIndex(tx: Queryable, zones: Zone[]): Promise<void> {
  await tx.run('CREATE OR REPLACE TEMP TABLE zone_index (zone INTEGER, id VARCHAR)');
  await appendColumns(
    tx,
    'zone_index',
    [
      ['zone', 'INTEGER'],
      ['id', 'VARCHAR'],
    ],
    [Int32Array.from(zones, (_, i) => i), zones.map((z) => z.id)],
  );
}

/** Hits arrive ordered by worker and zone group; a counting sort indexes them by scope row. */
function indexHits(n: number, hits: HitArrays): HitIndex {
  const start = new Uint32Array(n + 1);
  for (const p of hits.point) start[p + 1] = (start[p + 1] as number) + 1;
  for (let i = 0; i < n; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const fill = start.slice(0, n);
  const zone = new Uint32Array(hits.point.length);
  const distance = new Float64Array(hits.point.length);
  for (let k = 0; k < hits.point.length; k++) {
    const slot = (fill[hits.point[k] as number] as number)++;
    zone[slot] = hits.zone[k] as number;
    distance[slot] = hits.distance[k] as number;
  }
  return { start, zone, distance };
}

/**
 * Stores zone hits as integers (enterprise key, zone index, distance) and lets DuckDB join the
 * ids back in: a million-plus rows of strings would cost several times more to convert.
 */
export async function writeZoneHits(tx: Queryable, scope: ScopeColumns, zones: Zone[], hits: HitIndex): Promise<number> {
  await tx.run('CREATE OR REPLACE TEMP TABLE hit_rows (key INTEGER, zone INTEGER, distance_m DOUBLE)');
  const keys = new Int32Array(hits.zone.length);
  for (let row = 0; row < scope.key.length; row++) {
    for (let j = hits.start[row] as number; j < (hits.start[row + 1] as number); j++) keys[j] = scope.key[row] as number;
  }
  await appendColumns(
    tx,
    'hit_rows',
    [
      ['key', 'INTEGER'],
      ['zone', 'INTEGER'],
      ['distance_m', 'DOUBLE'],
    ],
    [keys, hits.zone, hits.distance],
  );
  await stageZoneIndex(tx, zones);
  // Kind and type come from zones through the zone_hits view.
  await tx.run(
    `INSERT INTO zone_hit_rows (enterprise_id, zone_id, distance_m)
     SELECT s.id, z.id, h.distance_m
     FROM hit_rows h JOIN screen_scope s ON s.key = h.key JOIN zone_index z ON z.zone = h.zone`,
  );
  await tx.run('DROP TABLE hit_rows');
  await tx.run('DROP TABLE zone_index');
  return hits.zone.length;
}
