/**
 * Runs the rule set over enterprises and stores the results: zone hits (spatial facts), flags
 * (verdicts with evidence) and notes (what could not be decided). A run covers all enterprises or
 * a listed subset, recomputes zone hits or reuses the stored ones, and is tied to the rule-set
 * version, the data version and the as-of date it used. Everything is written in one transaction:
 * readers see the previous run's results until this one commits.
 *
 * Large runs use both cores: zone hits are found by a worker pool, and rule evaluation runs on
 * worker threads batch by batch while the main thread reads the next batch from DuckDB.
 */
import type { Database } from '../db/database.ts';
import { FlagWriter } from '../db/flag-store.ts';
import { getMeta, setMeta } from '../db/meta-store.ts';
import { activeRuleSet } from '../db/rule-set-store.ts';
import { dropScreenScope } from '../db/screen-scope-store.ts';
import { clearScreeningResults, dropScreenTouched, finishScreeningRun, startScreeningRun } from '../db/screening-run-store.ts';
import { ACTIONS, type Action, actionOfCode } from '../domain/actions.ts';
import { RulePlan } from '../domain/screening/rule-plan.ts';
import { failpoint } from '../faults.ts';
import { syncCasesFromFlags } from '../ledger/sync-cases-from-flags.ts';
import { screenScope, writeZoneHits } from './screen-scope.ts';

export interface ScreeningOptions {
  /** YYYY-MM-DD; defaults to today. */
  asOf?: string;
  /** Screen only these enterprises; all when absent. */
  enterpriseIds?: readonly string[];
  /** Recompute zone hits (default) or reuse the stored ones for the scope. */
  recomputeZones?: boolean;
  threads?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface ScreeningSummary {
  runId: number;
  asOf: string;
  ruleSetVersion: number;
  dataVersion: number;
  scope: 'all' | 'partial';
  enterprises: number;
  zoneHits: number;
  flags: number;
  notes: number;
  flaggedEnterprises: number;
  byAction: Record<Action, number>;
  seconds: number;
  timings: Record<string, number>;
  cases: { created: number; unflagged: number; reflagged: number; updated: number };
}

export const today = () => new Date().toISOString().slice(0, 10);

export async function runScreening(db: Database, options: ScreeningOptions = {}): Promise<ScreeningSummary> {
  const started = performance.now();
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    timings[name] = Math.round(performance.now() - t);
    t = performance.now();
  };
  const asOf = options.asOf ?? today();
  const stored = await activeRuleSet(db);
  const plan = new RulePlan(stored.ruleSet, asOf);
  const bands = plan.zoneBands();
  const all = options.enterpriseIds === undefined;
  const recompute = options.recomputeZones ?? true;

  return db.transaction(async (tx) => {
    const dataVersion = Number((await getMeta(tx, 'data_version')) ?? 0);
    const runId = await startScreeningRun(tx, {
      ruleSetVersion: stored.version,
      dataVersion,
      asOf,
      scope: all ? 'all' : 'partial',
      bands: JSON.stringify(Object.fromEntries(bands)),
      zonesRecomputed: recompute,
    });
    const writer = await FlagWriter.start(tx);
    const byAction = Object.fromEntries(ACTIONS.map((a) => [a, 0])) as Record<Action, number>;
    const flagged = new Set<number>();
    let notes = 0;
    const { scope, zones, hits } = await screenScope(tx, {
      ruleSet: stored.ruleSet,
      plan,
      ...(options.enterpriseIds ? { scope: options.enterpriseIds } : {}),
      recomputeZones: recompute,
      ...(options.threads ? { threads: options.threads } : {}),
      timings,
      onBatch: async (out, done, total) => {
        await writer.add(out.flags, out.evidenceTexts, out.notes);
        for (const a of out.flags.action) byAction[actionOfCode(a) as Action]++;
        for (const key of out.flags.key) flagged.add(key);
        notes += out.notes.message.length;
        options.onProgress?.(done, total);
      },
    });
    t = performance.now();

    // What this run replaces; enterprises deleted since the last run leave nothing behind.
    await clearScreeningResults(tx, { all, zoneHits: recompute });
    lap('write_delete');
    const zoneHitCount = recompute ? await writeZoneHits(tx, scope, zones, hits, all) : -1;
    lap('write_zone_hits');
    const flagCount = await writer.finish(
      stored.ruleSet.rules.map((r) => ({
        rule_id: r.id,
        policy: r.policy,
        citation: r.citation,
        citation_zh: r.citation_zh ?? null,
        title_zh: r.title.zh,
        title_en: r.title.en,
        jurisdiction: r.jurisdiction,
      })),
      runId,
    );
    lap('write_flags');

    // Every flag needing action becomes (or keeps) a case in the officials' ledger; cases whose
    // flags disappeared are marked for review, never deleted.
    const cases = await syncCasesFromFlags(tx, runId, new Date(), { touchedOnly: !all });
    await dropScreenTouched(tx);
    lap('cases');

    const total = scope.key.length;
    const seconds = (performance.now() - started) / 1000;
    await finishScreeningRun(tx, runId, { enterprises: total, flags: flagCount, seconds });
    await setMeta(tx, 'screening_run', String(runId));
    await setMeta(tx, 'screening_as_of', asOf);
    await dropScreenScope(tx);
    failpoint('screening-before-commit');
    return {
      runId,
      asOf,
      ruleSetVersion: stored.version,
      dataVersion,
      scope: all ? 'all' : 'partial',
      enterprises: total,
      zoneHits: zoneHitCount,
      flags: flagCount,
      notes,
      flaggedEnterprises: flagged.size,
      byAction,
      seconds,
      timings,
      cases,
    };
  });
}
