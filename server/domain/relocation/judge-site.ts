/**
 * Whether an enterprise may move to a site: it is screened there with all its attributes, by the
 * rules in force on the plan's date where the site lies (the destination's own local rules
 * included), and compared rule by rule with how it stands now. Pure: facts, flags and zone hits
 * in, a verdict out.
 */
import type { Action } from '../actions.ts';
import type { Flag } from '../flag.ts';
import type { EnterpriseFacts, ZoneHit } from '../screening/facts.ts';
import type { RulePlan } from '../screening/rule-plan.ts';
import { screenEnterprise } from '../screening/screen-enterprise.ts';
import type { CandidateSite, SiteReason, SiteVerdict } from './site.ts';

/** The actions that make an enterprise leave where it stands. */
export const MOVING_ACTIONS: readonly Action[] = ['relocate', 'withdraw'];

export const isMoving = (flag: Pick<Flag, 'action'>) => MOVING_ACTIONS.includes(flag.action);

/** A site with what a park says about itself; points and areas list no sectors and no land. */
export interface JudgedSite extends CandidateSite {
  /** GB/T 4754 prefixes the park admits; empty or null: open to all. */
  sectors: readonly string[] | null;
  land_free_ha: number | null;
}

export type SiteJudgement = Pick<SiteVerdict, 'qualifies' | 'sector_fit' | 'land_free_ha' | 'reasons'> & {
  /** The flags the enterprise would carry at the site. */
  flags: Flag[];
};

function zoneOf(flag: Flag | undefined): { zone_id: string | null; zone_name: string | null } {
  const zone = flag?.evidence.find((e) => e.kind === 'zone');
  return zone?.kind === 'zone' ? { zone_id: zone.zone_id, zone_name: zone.zone_name } : { zone_id: null, zone_name: null };
}

function ruleReason(kind: SiteReason['kind'], flag: Flag, atSite: Flag | undefined): SiteReason {
  return { kind, rule_id: flag.rule_id, policy: flag.policy, title_zh: flag.title_zh, title_en: flag.title_en, ...zoneOf(atSite) };
}

const plainReason = (kind: SiteReason['kind']): SiteReason => ({
  kind,
  rule_id: null,
  policy: null,
  title_zh: null,
  title_en: null,
  zone_id: null,
  zone_name: null,
});

/** The enterprise as it would stand at the site: same plant, new zones, new prefecture. */
export function movedFacts(origin: EnterpriseFacts, site: JudgedSite, hitsAtSite: ZoneHit[]): EnterpriseFacts {
  // A park is a park even where its outline is coarse; a chosen point is in one only if it falls inside one.
  const inPark = site.source === 'park' || hitsAtSite.some((h) => h.zone_kind === 'industrial_park' && h.distance_m === 0);
  return {
    id: origin.id,
    region_code: site.region_code,
    sector: origin.sector,
    status: origin.status,
    commissioned_year: origin.commissioned_year,
    above_scale: origin.above_scale,
    in_park: inPark,
    scattered_dirty: origin.scattered_dirty,
    green_factory: origin.green_factory,
    location_accuracy: 'exact',
    zones: hitsAtSite,
    equipment: origin.equipment,
    compliance: origin.compliance,
    metrics: origin.metrics,
  };
}

export function sectorFit(sector: string, sectors: readonly string[] | null): SiteVerdict['sector_fit'] {
  if (!sectors || sectors.length === 0) return 'open';
  return sectors.some((p) => sector.startsWith(p)) ? 'listed' : 'not_listed';
}

/**
 * It qualifies when no rule that makes it move (relocate, withdraw) still flags it at the site, no
 * rule flags it there that does not flag it now — except the next step of the very policy the move
 * satisfies, short of closing (P7 sends scattered-and-dirty plants into parks to upgrade there) —
 * and the park admits its sector and has land left.
 * Flags it carries in both places that do not make it move (a failed standard, a ladder price)
 * travel with it and do not count against the site.
 */
export function judgeSite(
  factsAtOrigin: EnterpriseFacts,
  flagsAtOrigin: readonly Flag[],
  site: JudgedSite,
  hitsAtSite: ZoneHit[],
  plan: RulePlan,
): SiteJudgement {
  const flags = screenEnterprise(movedFacts(factsAtOrigin, site, hitsAtSite), plan).flags;
  const atSite = new Map(flags.map((f) => [f.rule_id, f]));
  const atOrigin = new Set(flagsAtOrigin.map((f) => f.rule_id));
  const reasons: SiteReason[] = [];
  for (const f of flagsAtOrigin) {
    const there = atSite.get(f.rule_id);
    if (!there) reasons.push(ruleReason('clears', f, undefined));
    else if (isMoving(f)) reasons.push(ruleReason('still_breaks', there, there));
  }
  const clearedPolicies = new Set(flagsAtOrigin.filter((f) => isMoving(f) && !atSite.has(f.rule_id)).map((f) => f.policy));
  for (const f of flags) {
    if (atOrigin.has(f.rule_id)) continue;
    const nextStep = clearedPolicies.has(f.policy) && !isMoving(f) && f.action !== 'close';
    reasons.push(ruleReason(nextStep ? 'next_step' : 'new_flag', f, f));
  }
  const fit = sectorFit(factsAtOrigin.sector, site.sectors);
  if (fit === 'not_listed') reasons.push(plainReason('sector_not_allowed'));
  if (site.land_free_ha !== null && site.land_free_ha <= 0) reasons.push(plainReason('no_room'));
  const qualifies = reasons.every((r) => r.kind === 'clears' || r.kind === 'next_step');
  return { qualifies, sector_fit: fit, land_free_ha: site.land_free_ha, reasons, flags };
}
