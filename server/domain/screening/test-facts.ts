/** Builders for screening tests: an operating plant with nothing notable, changed as a test needs. */
import type { Metrics } from '../rules/metrics.ts';
import { computeMetrics } from '../rules/metrics.ts';
import type { EnterpriseFacts } from './facts.ts';

export function facts(overrides: Partial<EnterpriseFacts> = {}): EnterpriseFacts {
  return {
    id: 'T1',
    region_code: '150200',
    sector: 'C3110',
    status: 'operating',
    commissioned_year: 2005,
    above_scale: true,
    in_park: false,
    scattered_dirty: false,
    green_factory: false,
    location_accuracy: 'exact',
    zones: [],
    equipment: [],
    compliance: [],
    metrics: computeMetrics([], 2026),
    ...overrides,
  };
}

export function metricsFrom(
  rows: { year: number; energy_tce?: number; added_value?: number; water_m3?: number; unit_power_kwh?: number }[],
  asOfYear: number,
): Metrics {
  return computeMetrics(
    rows.map((r) => ({
      year: r.year,
      energy_tce: r.energy_tce ?? null,
      added_value: r.added_value ?? null,
      water_m3: r.water_m3 ?? null,
      unit_power_kwh: r.unit_power_kwh ?? null,
    })),
    asOfYear,
  );
}
