/**
 * A batch of enterprises to screen, as named columns: one interface per input table, built once
 * by server/screening/load-batch.ts. Columns are the shape in which DuckDB hands data over and in
 * which a batch crosses to a worker thread as memory copies; screen-batch.ts reads them by row
 * without building an object per row for the enterprise itself.
 */
import type { ComplianceStandard, LocationAccuracy, PlantStatus } from '../enterprise.ts';

/**
 * Region, sector, status and location accuracy take a few hundred distinct values between them,
 * so they travel as integer codes into these small dictionaries.
 */
export interface Dictionaries {
  region: (string | null)[];
  sector: string[];
  status: PlantStatus[];
  accuracy: LocationAccuracy[];
}

/** The batch's enterprises, in key order. */
export interface EnterpriseColumns {
  /** Enterprises by key: ids cost a string per enterprise on every hop and SQL joins them back. */
  key: Int32Array;
  /** Codes into dicts.region, dicts.sector, dicts.status, dicts.accuracy. */
  region: Int32Array;
  sector: Int32Array;
  status: Int32Array;
  accuracy: Int32Array;
  dicts: Dictionaries;
  /** 0 where unknown. */
  commissioned_year: Int32Array;
  /** 0 false, 1 true, anything else unknown. */
  above_scale: Uint8Array;
  in_park: Uint8Array;
  scattered_dirty: Uint8Array;
  green_factory: Uint8Array;
}

/** Zone hits of enterprise row r are zone[start[r] .. start[r + 1]), as indexes into screen-batch's ZoneTable. */
export interface HitColumns {
  start: Uint32Array;
  zone: Uint32Array;
  /** 0 inside (boundary included), else geodesic metres. */
  distance: Float64Array;
}

/** Yearly indicators, a row per enterprise and year; NaN where a value is missing. */
export interface IndicatorColumns {
  key: Int32Array;
  year: Int32Array;
  energy_tce: Float64Array;
  added_value: Float64Array;
  water_m3: Float64Array;
  unit_power_kwh: Float64Array;
}

/** Equipment, a row per enterprise and kind of unit. */
export interface EquipmentColumns {
  key: Int32Array;
  kind: string[];
  size: (number | null)[];
  unit: (string | null)[];
  count: Int32Array;
  commissioned_year: (number | null)[];
}

/** Compliance results, a row per enterprise and assessment; dates as YYYY-MM-DD. */
export interface ComplianceColumns {
  key: Int32Array;
  standard: ComplianceStandard[];
  /** 1 passed, 0 failed. */
  passed: Uint8Array;
  assessed_on: string[];
  rectify_by: (string | null)[];
  note: (string | null)[];
}

export interface BatchInput {
  enterprises: EnterpriseColumns;
  hits: HitColumns;
  indicators: IndicatorColumns;
  equipment: EquipmentColumns;
  compliance: ComplianceColumns;
}
