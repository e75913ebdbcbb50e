/**
 * Re-screens after a change, doing only what the change requires: nothing when data, rules and
 * date are as the last run saw them; only the enterprises changed since the last run when that is
 * all that changed; everything (reusing zone hits where the zones and bands are unchanged) when
 * rules, zones or the as-of date moved.
 */
import type { Database } from '../db/database.ts';
import { countEnterprises, enterprisesUpdatedSince } from '../db/enterprise-store.ts';
import { getMeta } from '../db/meta-store.ts';
import { activeRuleSet } from '../db/rule-set-store.ts';
import { lastRun } from '../db/screening-run-store.ts';
import { RulePlan } from '../domain/screening/rule-plan.ts';
import { runScreening, type ScreeningSummary, today } from './run-screening.ts';

/** A partial run is worth it only while it covers a minority of enterprises. */
const PARTIAL_SHARE = 0.3;

/** What screening a change calls for, without doing it. */
export type ScreeningPlan =
  | { kind: 'none' }
  | { kind: 'all'; recomputeZones: boolean; why: string }
  | { kind: 'changed'; enterpriseIds: string[] };

export async function planScreening(db: Database, asOf = today()): Promise<ScreeningPlan> {
  const last = await lastRun(db);
  if (!last) return { kind: 'all', recomputeZones: true, why: 'never screened' };
  const rules = await activeRuleSet(db);
  const dataVersion = Number((await getMeta(db, 'data_version')) ?? 0);
  const bands = JSON.stringify(Object.fromEntries(new RulePlan(rules.ruleSet, asOf).zoneBands()));
  const zonesChanged = ((await getMeta(db, 'zones_changed_at')) ?? '') > last.started_at;
  const zonesStale = zonesChanged || bands !== last.bands;
  if (rules.version !== last.rule_set_version || last.as_of !== asOf || zonesStale) {
    // Stored zone hits stay valid while zones, bands and positions stay as they were; data
    // imported without screening (--no-screen) may have moved plants, so it recomputes them too.
    const why = rules.version !== last.rule_set_version ? 'rules changed' : last.as_of !== asOf ? 'as-of date changed' : 'zones changed';
    return { kind: 'all', recomputeZones: zonesStale || dataVersion !== last.data_version, why };
  }
  if (dataVersion === last.data_version) return { kind: 'none' };
  const changed = await enterprisesUpdatedSince(db, last.started_at);
  const total = await countEnterprises(db);
  if (changed.length > total * PARTIAL_SHARE) return { kind: 'all', recomputeZones: true, why: 'data changed' };
  return { kind: 'changed', enterpriseIds: changed };
}

export async function screenChanged(db: Database, asOf = today()): Promise<ScreeningSummary | null> {
  const plan = await planScreening(db, asOf);
  if (plan.kind === 'none') return null;
  if (plan.kind === 'all') return runScreening(db, { asOf, recomputeZones: plan.recomputeZones });
  // Deleted enterprises are cleaned up by the partial run too.
  return runScreening(db, { asOf, enterpriseIds: plan.enterpriseIds });
}
