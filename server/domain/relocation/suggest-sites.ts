/**
 * Judges candidate sites for one enterprise and ranks those that qualify: same prefecture first,
 * then same province (staying under the same local rules and the same ledger), then parks that
 * list the enterprise's sector before parks open to all, then the shortest geodesic move, then
 * the most land left. Pure; the caller brings the facts, the flags and each site's zone hits.
 */
import type { Flag } from '../flag.ts';
import { geodesicDistance } from '../geometry/wgs84.ts';
import { prefectureOf, provinceOf } from '../regions.ts';
import type { EnterpriseFacts, ZoneHit } from '../screening/facts.ts';
import type { RulePlan } from '../screening/rule-plan.ts';
import { isMoving, type JudgedSite, judgeSite } from './judge-site.ts';
import type { SiteSuggestions, SiteVerdict } from './site.ts';

export interface Origin {
  facts: EnterpriseFacts;
  /** Its flags where it stands, as of the plan's date. */
  flags: readonly Flag[];
  lon: number;
  lat: number;
}

export interface SiteWithHits {
  site: JudgedSite;
  hits: ZoneHit[];
}

export interface SuggestOptions {
  /** Only sites at most this far, km. */
  withinKm?: number;
  /** At most this many qualifying sites. */
  limit?: number;
  /** At most this many sites that do not qualify (nearest first); all when absent. */
  others?: number;
}

const FIT_ORDER: Record<SiteVerdict['sector_fit'], number> = { listed: 0, open: 1, not_listed: 2 };

/** Qualifying sites first in rank order, then the rest nearest first. */
export function compareVerdicts(a: SiteVerdict, b: SiteVerdict): number {
  if (a.qualifies !== b.qualifies) return a.qualifies ? -1 : 1;
  if (!a.qualifies) return a.distance_km - b.distance_km;
  return (
    Number(b.same_prefecture) - Number(a.same_prefecture) ||
    Number(b.same_province) - Number(a.same_province) ||
    FIT_ORDER[a.sector_fit] - FIT_ORDER[b.sector_fit] ||
    a.distance_km - b.distance_km ||
    (b.land_free_ha ?? -1) - (a.land_free_ha ?? -1)
  );
}

export function movingRules(flags: readonly Flag[]): SiteSuggestions['moving_rules'] {
  return flags
    .filter(isMoving)
    .map((f) => ({ rule_id: f.rule_id, action: f.action, policy: f.policy, title_zh: f.title_zh, title_en: f.title_en }));
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;

export function verdictAt(origin: Origin, candidate: SiteWithHits, plan: RulePlan): SiteVerdict {
  const { site, hits } = candidate;
  const judged = judgeSite(origin.facts, origin.flags, site, hits, plan);
  const from = origin.facts.region_code;
  const to = site.region_code;
  return {
    site: {
      source: site.source,
      park_id: site.park_id,
      name: site.name,
      name_en: site.name_en,
      lon: site.lon,
      lat: site.lat,
      region_code: site.region_code,
    },
    qualifies: judged.qualifies,
    rank: null,
    distance_km: round3(geodesicDistance(origin.lon, origin.lat, site.lon, site.lat) / 1000),
    same_prefecture: from !== null && to !== null && prefectureOf(from) === prefectureOf(to),
    same_province: from !== null && to !== null && provinceOf(from) === provinceOf(to),
    sector_fit: judged.sector_fit,
    land_free_ha: judged.land_free_ha,
    reasons: judged.reasons,
  };
}

/** Ranks verdicts in place order and numbers the qualifying ones; cuts to the limits. */
export function rankVerdicts(verdicts: SiteVerdict[], options: SuggestOptions = {}): SiteVerdict[] {
  const within = options.withinKm;
  const kept = within === undefined ? verdicts : verdicts.filter((v) => v.distance_km <= within);
  kept.sort(compareVerdicts);
  const good = kept.filter((v) => v.qualifies).slice(0, options.limit ?? Number.POSITIVE_INFINITY);
  const bad = kept.filter((v) => !v.qualifies).slice(0, options.others ?? Number.POSITIVE_INFINITY);
  good.forEach((v, i) => {
    v.rank = i + 1;
  });
  return [...good, ...bad];
}

export function suggestSites(
  enterpriseId: string,
  origin: Origin,
  candidates: readonly SiteWithHits[],
  plan: RulePlan,
  options: SuggestOptions = {},
): SiteSuggestions {
  const within = options.withinKm;
  const near =
    within === undefined
      ? candidates
      : candidates.filter((c) => geodesicDistance(origin.lon, origin.lat, c.site.lon, c.site.lat) / 1000 <= within);
  return {
    enterprise_id: enterpriseId,
    as_of: plan.asOf,
    origin: { lon: origin.lon, lat: origin.lat, region_code: origin.facts.region_code },
    moving_rules: movingRules(origin.flags),
    sites: rankVerdicts(
      near.map((c) => verdictAt(origin, c, plan)),
      options,
    ),
  };
}
