/**
 * Region-level targets the dashboard measures progress against (domain.md P10, P11). They are
 * data (data/targets/targets.json), not code: administrators change them without a release.
 */

export interface IntensityTarget {
  indicator: 'energy_intensity' | 'water_intensity';
  /** GB/T 2260 code; 000000 = national. */
  jurisdiction: string;
  change_percent: number;
  by: number;
  source: string;
}

export interface GrowthTarget {
  indicator: 'added_value';
  jurisdiction: string;
  change_percent: number;
  year: number;
  source: string;
}

export interface SteelCap {
  region: string;
  cap_mt: number;
  by: number;
  /** GB/T 4754 prefixes whose capacity counts against the cap (C312: steelmaking). */
  sector_prefixes: string[];
  source: string;
}

export interface Targets {
  baseline_year: number;
  intensity: IntensityTarget[];
  growth: GrowthTarget[];
  steel_caps: SteelCap[];
}
