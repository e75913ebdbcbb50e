/**
 * Indicator metrics a rule can compare, computed for an "as of" year from yearly indicators:
 * intensities per 10,000 CNY of added value, their change against the 2015 baseline, growth, and
 * unit power use. A metric that cannot be computed (no baseline, zero added value) is null and the
 * reason is kept, so screening can say why it did not judge.
 */
import type { IndicatorYear } from '../enterprise.ts';

export const BASELINE_YEAR = 2015;

export const METRICS = [
  'energy_per_added_value',
  'water_per_added_value',
  'energy_per_added_value_change_vs_2015',
  'water_per_added_value_change_vs_2015',
  'added_value_growth',
  'unit_power_kwh',
  'energy_tce',
  'added_value',
] as const;
export type Metric = (typeof METRICS)[number];

export const METRIC_UNITS: Record<Metric, string> = {
  energy_per_added_value: 'tce/10k CNY',
  water_per_added_value: 'm³/10k CNY',
  energy_per_added_value_change_vs_2015: 'ratio',
  water_per_added_value_change_vs_2015: 'ratio',
  added_value_growth: 'ratio',
  unit_power_kwh: 'kWh/t',
  energy_tce: 'tce',
  added_value: '10k CNY',
};

export interface Metrics {
  /** The latest year with indicators on or before the as-of year, or null. */
  year: number | null;
  values: Record<Metric, number | null>;
  /** Why a metric is null, by metric. */
  missing: Partial<Record<Metric, string>>;
}

type Row = Pick<IndicatorYear, 'year' | 'energy_tce' | 'added_value' | 'water_m3' | 'unit_power_kwh'>;

const ratio = (num: number | null, den: number | null) => (num === null || den === null || den === 0 ? null : num / den);

const NO_INDICATORS = new Map<number, Metrics>();

/** Shared per as-of year: most enterprises have no rule that reads indicators, so nothing is loaded. */
function noIndicators(asOfYear: number): Metrics {
  let m = NO_INDICATORS.get(asOfYear);
  if (!m) {
    const missing: Partial<Record<Metric, string>> = {};
    for (const k of METRICS) missing[k] = `no indicators on or before ${asOfYear}`;
    m = Object.freeze({
      year: null,
      values: Object.freeze(Object.fromEntries(METRICS.map((k) => [k, null]))) as Record<Metric, null>,
      missing: Object.freeze(missing),
    });
    NO_INDICATORS.set(asOfYear, m);
  }
  return m;
}

export function computeMetrics(indicators: readonly Row[], asOfYear: number): Metrics {
  if (indicators.length === 0) return noIndicators(asOfYear);
  let latest: Row | undefined;
  let base: Row | undefined;
  // Only what was known by the as-of year counts, the baseline included. Plain loops and one
  // literal: this runs for every enterprise a rule reads indicators of.
  for (const row of indicators) {
    if (row.year > asOfYear) continue;
    if (row.year === BASELINE_YEAR) base = row;
    if (!latest || row.year > latest.year) latest = row;
  }
  if (!latest) return noIndicators(asOfYear);
  const y = latest.year;
  let previous: Row | undefined;
  for (const row of indicators) if (row.year === y - 1) previous = row;
  const values: Record<Metric, number | null> = {
    energy_per_added_value: null,
    water_per_added_value: null,
    energy_per_added_value_change_vs_2015: null,
    water_per_added_value_change_vs_2015: null,
    added_value_growth: null,
    unit_power_kwh: null,
    energy_tce: null,
    added_value: null,
  };
  const missing: Partial<Record<Metric, string>> = {};
  values.energy_tce = latest.energy_tce;
  values.added_value = latest.added_value;
  values.unit_power_kwh = latest.unit_power_kwh;
  values.energy_per_added_value = ratio(latest.energy_tce, latest.added_value);
  values.water_per_added_value = ratio(latest.water_m3, latest.added_value);
  const zeroValue = latest.added_value === 0 ? `added value is 0 in ${y}` : `added value missing in ${y}`;
  if (values.energy_per_added_value === null)
    missing.energy_per_added_value = latest.energy_tce === null ? `energy use missing in ${y}` : zeroValue;
  if (values.water_per_added_value === null)
    missing.water_per_added_value = latest.water_m3 === null ? `water use missing in ${y}` : zeroValue;
  if (values.unit_power_kwh === null) missing.unit_power_kwh = `unit power use missing in ${y}`;

  const baseEnergy = base ? ratio(base.energy_tce, base.added_value) : null;
  const baseWater = base ? ratio(base.water_m3, base.added_value) : null;
  const change = (now: number | null, then: number | null) => (now === null || then === null || then === 0 ? null : now / then - 1);
  values.energy_per_added_value_change_vs_2015 = change(values.energy_per_added_value, baseEnergy);
  values.water_per_added_value_change_vs_2015 = change(values.water_per_added_value, baseWater);
  const noBase = base ? `the ${BASELINE_YEAR} baseline has no usable intensity` : `no ${BASELINE_YEAR} baseline`;
  if (values.energy_per_added_value_change_vs_2015 === null) {
    missing.energy_per_added_value_change_vs_2015 =
      values.energy_per_added_value === null ? (missing.energy_per_added_value ?? zeroValue) : noBase;
  }
  if (values.water_per_added_value_change_vs_2015 === null) {
    missing.water_per_added_value_change_vs_2015 =
      values.water_per_added_value === null ? (missing.water_per_added_value ?? zeroValue) : noBase;
  }
  values.added_value_growth = previous ? change(latest.added_value, previous.added_value) : null;
  if (values.added_value_growth === null)
    missing.added_value_growth = previous ? `added value missing or 0 in ${y - 1} or ${y}` : `no indicators for ${y - 1}`;
  return { year: y, values, missing };
}
