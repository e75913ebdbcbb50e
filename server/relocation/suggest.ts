/**
 * Relocation sites among the industrial parks: for one enterprise (suggestSites) or for every
 * enterprise whose stored flags make it relocate or withdraw (suggestAll). Each park's zone hits
 * are found once per call and shared by every enterprise judged; facts are loaded in one pass.
 */
import type { Database, Queryable } from '../db/database.ts';
import { enterprisesFlaggedWith } from '../db/relocation-store.ts';
import { reason } from '../domain/reasons.ts';
import { ReasonedRefusal } from '../domain/refusal.ts';
import { MOVING_ACTIONS } from '../domain/relocation/judge-site.ts';
import type { SiteSuggestions } from '../domain/relocation/site.ts';
import { type Origin, type SiteWithHits, suggestSites as suggestFor } from '../domain/relocation/suggest-sites.ts';
import { screenEnterprise } from '../domain/screening/screen-enterprise.ts';
import { loadOrigins, type OriginFacts } from './load-origins.ts';
import { parkSites, type RelocationContext, relocationContext } from './relocation-context.ts';

export interface SuggestSitesOptions {
  withinKm?: number;
  /** YYYY-MM-DD; today when absent. */
  asOf?: string;
  /** At most this many qualifying sites. */
  limit?: number;
}

/** Screens an enterprise where it stands; the flags it has as of the context's date. */
export function originOf(loaded: OriginFacts, context: RelocationContext): Origin {
  return { ...loaded, flags: screenEnterprise(loaded.facts, context.plan).flags };
}

/** The enterprise where it stands, refused when it does not exist or need not move. */
export async function movingOrigin(q: Queryable, enterpriseId: string, context: RelocationContext): Promise<Origin> {
  const loaded = (await loadOrigins(q, [enterpriseId], context)).get(enterpriseId);
  if (!loaded) throw new ReasonedRefusal(404, reason('enterprise_not_found', { id: enterpriseId }));
  const origin = originOf(loaded, context);
  if (!origin.flags.some((f) => MOVING_ACTIONS.includes(f.action))) {
    throw new ReasonedRefusal(409, reason('relocation_not_moving', { id: enterpriseId, as_of: context.asOf }));
  }
  return origin;
}

/** Every park judged for one enterprise: qualifying ones ranked, then the others nearest first. */
export async function suggestSites(db: Database, enterpriseId: string, options: SuggestSitesOptions = {}): Promise<SiteSuggestions> {
  return db.transaction(async (tx) => {
    const context = await relocationContext(db, tx, options.asOf);
    const origin = await movingOrigin(tx, enterpriseId, context);
    return suggestFor(enterpriseId, origin, parkSites(context), context.plan, {
      ...(options.withinKm !== undefined ? { withinKm: options.withinKm } : {}),
      ...(options.limit !== undefined ? { limit: options.limit } : {}),
    });
  });
}

export interface SuggestAllResult {
  as_of: string;
  /** Enterprises judged: those with a stored relocate/withdraw flag that still have one as of the date. */
  enterprises: number;
  /** One entry per enterprise judged, with its qualifying sites only. */
  suggestions: SiteSuggestions[];
}

/**
 * Qualifying parks for every enterprise whose stored flags make it move (the last screening's
 * flags choose whom to judge; each is judged afresh as of the date, and skipped if it no longer
 * has to move then).
 */
export async function suggestAll(db: Database, options: { withinKm?: number; asOf?: string } = {}): Promise<SuggestAllResult> {
  return db.transaction(async (tx) => {
    const context = await relocationContext(db, tx, options.asOf);
    const ids = await enterprisesFlaggedWith(tx, MOVING_ACTIONS);
    const origins = await loadOrigins(tx, ids, context);
    const sites: SiteWithHits[] = parkSites(context);
    const suggestions: SiteSuggestions[] = [];
    for (const id of ids) {
      const loaded = origins.get(id);
      if (!loaded) continue;
      const origin = originOf(loaded, context);
      if (!origin.flags.some((f) => MOVING_ACTIONS.includes(f.action))) continue;
      suggestions.push(
        suggestFor(id, origin, sites, context.plan, {
          others: 0,
          ...(options.withinKm !== undefined ? { withinKm: options.withinKm } : {}),
        }),
      );
    }
    return { as_of: context.asOf, enterprises: suggestions.length, suggestions };
  });
}
