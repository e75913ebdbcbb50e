/** The screening_runs table: one row per run, started and finished inside the run's transaction. */
import type { Queryable } from './database.ts';
import { getMeta, setMeta } from './meta-store.ts';

export interface NewScreeningRun {
  ruleSetVersion: number;
  dataVersion: number;
  /** YYYY-MM-DD */
  asOf: string;
  scope: 'all' | 'partial';
  /** The zone bands (kind → metres) as JSON, compared by later runs to reuse zone hits. */
  bands: string;
  zonesRecomputed: boolean;
}

/** Records a run as started and answers its id. */
export async function startScreeningRun(q: Queryable, run: NewScreeningRun): Promise<number> {
  const row = await q.one<{ id: number }>(
    `INSERT INTO screening_runs (rule_set_version, data_version, as_of, scope, bands, zones_recomputed)
     VALUES ($v, $d, CAST($asOf AS DATE), $scope, $bands, $recompute) RETURNING id`,
    {
      v: run.ruleSetVersion,
      d: run.dataVersion,
      asOf: run.asOf,
      scope: run.scope,
      bands: run.bands,
      recompute: run.zonesRecomputed,
    },
  );
  return row?.id ?? 0;
}

export async function finishScreeningRun(
  q: Queryable,
  id: number,
  counts: { enterprises: number; flags: number; seconds: number },
): Promise<void> {
  await q.run('UPDATE screening_runs SET finished_at = now()::TIMESTAMP, enterprises = $n, flags = $f, seconds = $s WHERE id = $id', {
    n: counts.enterprises,
    f: counts.flags,
    s: counts.seconds,
    id,
  });
}

/** What a re-screen compares against: the last finished run. */
export interface LastRun {
  id: number;
  /** `YYYY-MM-DD HH:MM:SS.ffffff`, comparable as text with zones_changed_at and updated_at. */
  started_at: string;
  as_of: string;
  rule_set_version: number;
  data_version: number;
  bands: string | null;
}

export async function lastRun(q: Queryable): Promise<LastRun | undefined> {
  return q.one<LastRun>(
    `SELECT id, strftime(started_at, '%Y-%m-%d %H:%M:%S.%f') AS started_at, strftime(as_of, '%Y-%m-%d') AS as_of,
            rule_set_version, data_version, bands
     FROM screening_runs WHERE finished_at IS NOT NULL ORDER BY id DESC LIMIT 1`,
  );
}

/** The last finished run as the API reports it. */
export interface RunSummary {
  id: number;
  as_of: string;
  rule_set_version: number | null;
  data_version: number;
  enterprises: number;
  flags: number;
  seconds: number | null;
  /** ISO timestamp without zone, `YYYY-MM-DDTHH:MM:SS`. */
  finished_at: string | null;
}

export async function lastRunSummary(q: Queryable): Promise<RunSummary | undefined> {
  return q.one<RunSummary>(
    `SELECT id, strftime(as_of, '%Y-%m-%d') AS as_of, rule_set_version, data_version, enterprises, flags, seconds,
            strftime(finished_at, '%Y-%m-%dT%H:%M:%S') AS finished_at
     FROM screening_runs WHERE finished_at IS NOT NULL ORDER BY id DESC LIMIT 1`,
  );
}

/** The bands of the last run that recomputed zone hits (stored hits are valid for those), if any. */
export async function lastRecomputedBands(q: Queryable): Promise<string | null | undefined> {
  return (await q.one<{ bands: string | null }>('SELECT bands FROM screening_runs WHERE zones_recomputed ORDER BY id DESC LIMIT 1'))?.bands;
}

/**
 * Whether enterprises were deleted since the last screening run. Removing a deleted enterprise's
 * results takes an anti-join of every flag, note and zone hit against the enterprises (0.9 s of a
 * one-enterprise run at five million plants), which a partial run after an upsert need not pay. So
 * the one path that deletes enterprises, a replace import (EnterpriseStage.merge), records it here
 * in the same transaction, and every run clears it. Absent — a database older than this record —
 * counts as deleted.
 */
const DELETED_KEY = 'enterprises_deleted_since_screening';

export async function recordEnterprisesDeleted(q: Queryable): Promise<void> {
  await setMeta(q, DELETED_KEY, 'yes');
}

/**
 * Removes the stored results a run replaces: flag rows and notes, and zone hits when the run
 * recomputes them; of every enterprise, or of those in temp table screen_scope and of enterprises
 * deleted since (which leave nothing behind). A partial run also stages the enterprises it
 * touched, its scope and the deleted ones, in temp table screen_touched: only their cases can have
 * fallen out of step with the flags (stageCaseSyncScope).
 */
export async function clearScreeningResults(q: Queryable, options: { all: boolean; zoneHits: boolean }): Promise<void> {
  const tables = options.zoneHits ? ['flag_rows', 'screening_notes', 'zone_hit_rows'] : ['flag_rows', 'screening_notes'];
  const deleted = (await getMeta(q, DELETED_KEY)) !== 'no';
  if (deleted) await setMeta(q, DELETED_KEY, 'no');
  if (options.all) {
    for (const table of tables) await q.run(`DELETE FROM ${table}`);
    return;
  }
  // Enterprises deleted since the last run, looked for only when a deletion was recorded, are
  // found by one anti-join of the results' ids against the enterprises, not one per table and
  // another for the ledger (at five million plants 1.24 s that way, 0.89 s this way).
  const gone = `SELECT DISTINCT enterprise_id FROM (${tables.map((t) => `SELECT enterprise_id FROM ${t}`).join(' UNION ALL ')})
    WHERE enterprise_id NOT IN (SELECT id FROM enterprises)`;
  await q.run(
    `CREATE OR REPLACE TEMP TABLE screen_touched AS SELECT id AS enterprise_id FROM screen_scope ${deleted ? `UNION ${gone}` : ''}`,
  );
  for (const table of tables) {
    await q.run(`DELETE FROM ${table} WHERE enterprise_id IN (SELECT enterprise_id FROM screen_touched)`);
  }
}

export async function dropScreenTouched(q: Queryable): Promise<void> {
  await q.run('DROP TABLE IF EXISTS screen_touched');
}
