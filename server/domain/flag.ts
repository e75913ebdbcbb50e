/**
 * A flag: one rule triggered by one enterprise, with everything a person needs to see why —
 * the rule, the policy it cites, and the evidence (the zone and distance, or the values compared).
 */
import type { Action } from './actions.ts';

export interface ZoneEvidence {
  kind: 'zone';
  zone_id: string;
  zone_name: string;
  zone_kind: string;
  zone_type: string | null;
  /** 0 inside (boundary included), else metres to the nearest point of the zone. */
  distance_m: number;
  /** Inside a reserve of unknown zoning (zone type unzoned): what its experimental zone would change. */
  if_experimental?: ExperimentalAlternative;
}

/**
 * What the rule set asks of a plant in a reserve of unknown zoning had the plant stood in the
 * reserve's experimental zone, where art. 32 lets a plant that neither pollutes nor damages
 * resources stay: the rules written for that zone, and the action of the most severe of them
 * that would flag the plant there (null: none would, it may stay).
 */
export interface ExperimentalAlternative {
  rules: string[];
  action: Action | null;
  /** Of those rules, the ones the data cannot decide for this plant (absent when none). */
  undecided?: string[];
}

export interface ComparisonEvidence {
  kind: 'comparison';
  /** What was compared, e.g. "blast_furnace.size", "energy_per_added_value_change_vs_2015". */
  subject: string;
  value: number | string | boolean | null;
  operator: '<' | '<=' | '>' | '>=' | '=' | 'between' | 'in' | 'before' | 'after';
  threshold: number | string | boolean | (number | string)[] | null;
  unit?: string;
  year?: number;
}

export type Evidence = ZoneEvidence | ComparisonEvidence;

export interface Flag {
  enterprise_id: string;
  rule_id: string;
  /** Policy reference in domain.md's table, e.g. P1. */
  policy: string;
  /** The policy document and clause the rule cites, in English, and in Chinese where the rule has it. */
  citation: string;
  citation_zh: string | null;
  title_zh: string;
  title_en: string;
  action: Action;
  severity: number;
  /** ISO date or null. */
  deadline: string | null;
  /** GB/T 2260 code of the jurisdiction whose rule this is. */
  jurisdiction: string;
  evidence: Evidence[];
}
