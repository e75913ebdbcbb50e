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
  /** The policy document and clause the rule cites. */
  citation: string;
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
