/**
 * How a region stands against its targets, from yearly totals over its enterprises: intensity =
 * Σ energy (or water) / Σ added value over the plants reporting both that year; change against the
 * baseline year; added value growth against the year before; steel capacity against its cap. The
 * target that applies is the one of the most specific jurisdiction containing the region (a
 * stricter local target overrides the national one).
 */
import { changePercent, intensity } from '../intensity.ts';
import { jurisdictionContains } from '../regions.ts';
import type { GrowthTarget, IntensityTarget, SteelCap, Targets } from './targets.ts';

export interface YearTotals {
  year: number;
  /** Σ energy and Σ added value over plants reporting both. */
  energy_tce: number;
  energy_added_value: number;
  water_m3: number;
  water_added_value: number;
  /** Σ added value over every plant reporting it. */
  added_value: number;
  /** Σ capacity in t/yr (units.ts) of the cap's sectors among plants reporting that year. */
  steel_capacity_t: number;
}

export interface YearProgress {
  year: number;
  energy_intensity: number | null;
  water_intensity: number | null;
  energy_change: number | null;
  water_change: number | null;
  added_value: number;
  added_value_growth: number | null;
  steel_capacity_mt: number;
}

export interface IntensityProgress {
  target: IntensityTarget;
  /** Latest year up to the target year with a value, and its change against the baseline. */
  year: number | null;
  change: number | null;
  /** change ≤ target; null without data. */
  met: boolean | null;
}

export interface RegionProgress {
  region: string;
  baseline_year: number;
  years: YearProgress[];
  energy: IntensityProgress | null;
  water: IntensityProgress | null;
  growth: { target: GrowthTarget; actual: number | null; met: boolean | null } | null;
  steel: { cap: SteelCap; year: number | null; capacity_mt: number | null; over: boolean | null } | null;
}

/** Depth of a jurisdiction: national 0, province 1, prefecture 2, county 3. */
function depth(code: string): number {
  if (code === '000000') return 0;
  if (code.endsWith('0000')) return 1;
  if (code.endsWith('00')) return 2;
  return 3;
}

export function applicable<T extends { jurisdiction: string }>(targets: readonly T[], region: string): T | null {
  let best: T | null = null;
  for (const t of targets) {
    if (!jurisdictionContains(t.jurisdiction, region)) continue;
    if (!best || depth(t.jurisdiction) > depth(best.jurisdiction)) best = t;
  }
  return best;
}

export function regionProgress(region: string, totals: readonly YearTotals[], targets: Targets): RegionProgress {
  const sorted = [...totals].sort((a, b) => a.year - b.year);
  const base = sorted.find((t) => t.year === targets.baseline_year);
  const baseEnergy = base ? intensity(base.energy_tce, base.energy_added_value) : null;
  const baseWater = base ? intensity(base.water_m3, base.water_added_value) : null;
  const years: YearProgress[] = sorted.map((t, i) => {
    const e = intensity(t.energy_tce, t.energy_added_value);
    const w = intensity(t.water_m3, t.water_added_value);
    const prev = sorted[i - 1];
    return {
      year: t.year,
      energy_intensity: e,
      water_intensity: w,
      energy_change: changePercent(e, baseEnergy),
      water_change: changePercent(w, baseWater),
      added_value: t.added_value,
      added_value_growth: prev && prev.year === t.year - 1 ? changePercent(t.added_value, prev.added_value) : null,
      steel_capacity_mt: t.steel_capacity_t / 1e6,
    };
  });

  const intensityProgress = (indicator: IntensityTarget['indicator']): IntensityProgress | null => {
    const target = applicable(
      targets.intensity.filter((x) => x.indicator === indicator),
      region,
    );
    if (!target) return null;
    const key = indicator === 'energy_intensity' ? 'energy_change' : 'water_change';
    const latest = [...years].reverse().find((y) => y.year <= target.by && y[key] !== null);
    const change = latest ? latest[key] : null;
    return { target, year: latest?.year ?? null, change, met: change === null ? null : change <= target.change_percent };
  };

  const growthTarget = applicable(targets.growth, region);
  const growthActual = growthTarget ? (years.find((y) => y.year === growthTarget.year)?.added_value_growth ?? null) : null;
  const cap = targets.steel_caps.find((c) => c.region === region) ?? null;
  const capYear = cap ? ([...years].reverse().find((y) => y.year <= cap.by) ?? null) : null;

  return {
    region,
    baseline_year: targets.baseline_year,
    years,
    energy: intensityProgress('energy_intensity'),
    water: intensityProgress('water_intensity'),
    growth: growthTarget
      ? { target: growthTarget, actual: growthActual, met: growthActual === null ? null : growthActual >= growthTarget.change_percent }
      : null,
    steel: cap
      ? {
          cap,
          year: capYear?.year ?? null,
          capacity_mt: capYear?.steel_capacity_mt ?? null,
          over: capYear ? capYear.steel_capacity_mt > cap.cap_mt : null,
        }
      : null,
  };
}
