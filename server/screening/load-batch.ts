/**
 * Builds what screening reads as named columns (domain/screening/batch-columns.ts): the scope's
 * enterprises once, then per batch a slice of them, of their zone hits and of the child rows
 * (indicators, equipment, compliance) staged once per run. The queries are in
 * db/screening-batch-store.ts; child rows are staged only for the sectors some rule reads them for.
 */
import type { Queryable } from '../db/database.ts';
import {
  dropScopeChildRows,
  readScopeEnterprises,
  readStagedCompliance,
  readStagedEquipment,
  readStagedIndicators,
  stageScopeChildRows,
} from '../db/screening-batch-store.ts';
import type { ComplianceStandard, LocationAccuracy, PlantStatus } from '../domain/enterprise.ts';
import type { BatchInput, EnterpriseColumns, HitColumns } from '../domain/screening/batch-columns.ts';

/**
 * The scope's enterprises, in key order, held as columns, with their positions. Region, sector,
 * status and location accuracy travel as integer codes into small dictionaries: decoding a million
 * strings per column was the slowest part of loading. The yes/no columns are bool8
 * (read-columns.ts): 0, 1 or NULL_BOOL8.
 */
export interface ScopeColumns extends EnterpriseColumns {
  lon: Float64Array;
  lat: Float64Array;
}

/** For each kind of child row, the sector prefixes that need it (RulePlan.needs); null for all. */
export type Needs = Record<'indicators' | 'equipment' | 'compliance', string[] | null>;

/** Zone hits indexed by scope row (compressed sparse rows). */
export type HitIndex = HitColumns;

/** Reads the enterprises listed in temp table screen_scope(id, key). */
export async function loadScope(q: Queryable): Promise<ScopeColumns> {
  const rows = await readScopeEnterprises(q);
  return {
    key: rows.key,
    lon: rows.lon,
    lat: rows.lat,
    region: rows.region,
    sector: rows.sector,
    status: rows.status,
    accuracy: rows.accuracy,
    // Status and location accuracy are CHECKed against these values (migration 001).
    dicts: {
      region: rows.dicts.region,
      sector: rows.dicts.sector,
      status: rows.dicts.status as PlantStatus[],
      accuracy: rows.dicts.accuracy as LocationAccuracy[],
    },
    commissioned_year: rows.commissioned_year,
    above_scale: rows.above_scale,
    in_park: rows.in_park,
    scattered_dirty: rows.scattered_dirty,
    green_factory: rows.green_factory,
  };
}

/**
 * Stages the child rows of the whole scope for the run, in key order, so that each batch reads a
 * key range; dropChildRows removes them.
 */
export async function stageChildRows(q: Queryable, asOf: string, needs: Needs): Promise<void> {
  await stageScopeChildRows(q, asOf, needs);
}

export async function dropChildRows(q: Queryable): Promise<void> {
  await dropScopeChildRows(q);
}

/** The batch of scope rows [from, to); stageChildRows must have run. */
export async function loadBatch(q: Queryable, scope: ScopeColumns, hits: HitIndex, from: number, to: number): Promise<BatchInput> {
  const range = { lo: scope.key[from] as number, hi: scope.key[to - 1] as number };
  const first = hits.start[from] as number;
  const last = hits.start[to] as number;
  const indicators = await readStagedIndicators(q, range);
  const equipment = await readStagedEquipment(q, range);
  const compliance = await readStagedCompliance(q, range);
  return {
    enterprises: {
      key: scope.key.slice(from, to),
      region: scope.region.slice(from, to),
      sector: scope.sector.slice(from, to),
      status: scope.status.slice(from, to),
      accuracy: scope.accuracy.slice(from, to),
      dicts: scope.dicts,
      commissioned_year: scope.commissioned_year.slice(from, to),
      above_scale: scope.above_scale.slice(from, to),
      in_park: scope.in_park.slice(from, to),
      scattered_dirty: scope.scattered_dirty.slice(from, to),
      green_factory: scope.green_factory.slice(from, to),
    },
    hits: {
      start: hits.start.slice(from, to + 1).map((v) => v - first),
      zone: hits.zone.slice(first, last),
      distance: hits.distance.slice(first, last),
    },
    indicators: {
      key: indicators.key,
      year: indicators.year,
      energy_tce: indicators.energy_tce,
      added_value: indicators.added_value,
      water_m3: indicators.water_m3,
      unit_power_kwh: indicators.unit_power_kwh,
    },
    equipment: {
      key: equipment.key,
      kind: equipment.kind,
      size: equipment.size,
      unit: equipment.unit,
      count: equipment.count,
      commissioned_year: equipment.commissioned_year,
    },
    // The standards are CHECKed against ComplianceStandard (migration 001).
    compliance: {
      key: compliance.key,
      standard: compliance.standard as ComplianceStandard[],
      passed: compliance.passed,
      assessed_on: compliance.assessed_on,
      rectify_by: compliance.rectify_by,
      note: compliance.note,
    },
  };
}
