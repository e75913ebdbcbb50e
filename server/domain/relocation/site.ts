/**
 * Relocation sites: where an enterprise that must relocate or withdraw could go, and whether it
 * may. A site qualifies only if the enterprise, moved there with all its attributes, is screened
 * clean of every rule that made it move and raises no flag it did not already have. These are the
 * shapes shared by the suggestion engine (server/relocation), the ledger's proposals
 * (server/ledger/case-sites.ts), the CLI, the HTTP routes and the web ledger.
 */

/** Where a candidate came from: an industrial park, a point an official chose, or a drawn area. */
export type SiteSource = 'park' | 'point' | 'area';

export interface CandidateSite {
  source: SiteSource;
  /** The park's zone id; null for a chosen point or area. */
  park_id: string | null;
  name: string | null;
  name_en: string | null;
  /** WGS84: the point the enterprise is screened at. */
  lon: number;
  lat: number;
  /** The prefecture (GB/T 2260) the site lies in, or null outside all known regions. */
  region_code: string | null;
}

/** Why a site qualifies, or why not; worded by the UI from `kind` and the named rule. */
export interface SiteReason {
  kind: /** A rule that flags the enterprise where it stands does not flag it at the site. */
    | 'clears'
    /** A rule that made it move (relocate/withdraw) still flags it at the site. */
    | 'still_breaks'
    /** A rule that does not flag it where it stands would flag it at the site. */
    | 'new_flag'
    /**
     * The policy's own next step at the site, from the same policy as a moving rule the site
     * clears (P7: a scattered-and-dirty plant moves into a park, and there it must upgrade). The
     * move is what the policy asks for, so this does not count against the site.
     */
    | 'next_step'
    /** The park lists its allowed sectors and the enterprise's is not among them. */
    | 'sector_not_allowed'
    /** The park has no land left. */
    | 'no_room';
  rule_id: string | null;
  policy: string | null;
  title_zh: string | null;
  title_en: string | null;
  /** The zone the rule names at the site, where it names one. */
  zone_id: string | null;
  zone_name: string | null;
}

export interface SiteVerdict {
  site: CandidateSite;
  qualifies: boolean;
  /** 1-based rank among qualifying sites; null for sites that do not qualify. */
  rank: number | null;
  /** Geodesic distance from the enterprise's current position, km. */
  distance_km: number;
  same_prefecture: boolean;
  same_province: boolean;
  /** 'listed': the park lists the sector; 'not_listed': it lists others; 'open': it lists none. */
  sector_fit: 'listed' | 'not_listed' | 'open';
  /** Land the park has left, hectares, where the data has it. */
  land_free_ha: number | null;
  reasons: SiteReason[];
}

export interface SiteSuggestions {
  enterprise_id: string;
  as_of: string;
  origin: { lon: number; lat: number; region_code: string | null };
  /** The rules whose relocate/withdraw flags make the enterprise move. */
  moving_rules: { rule_id: string; action: string; policy: string; title_zh: string; title_en: string }[];
  /** Qualifying sites in rank order, then the others nearest first. */
  sites: SiteVerdict[];
}
