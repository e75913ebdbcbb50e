/** The enterprise record and its yearly indicators, equipment and compliance results. */

export const PLANT_STATUSES = ['announced', 'pre-construction', 'construction', 'operating', 'mothballed', 'retired', 'cancelled'] as const;
export type PlantStatus = (typeof PLANT_STATUSES)[number];

export const LOCATION_ACCURACIES = ['exact', 'approximate'] as const;
export type LocationAccuracy = (typeof LOCATION_ACCURACIES)[number];

export const EQUIPMENT_KINDS = [
  'blast_furnace',
  'converter',
  'electric_arc_furnace',
  'induction_furnace',
  'cement_kiln',
  'glass_furnace',
  'coke_oven',
  'electrolytic_cell',
  'boiler',
  'paper_machine',
] as const;
export type EquipmentKind = (typeof EQUIPMENT_KINDS)[number];

export const COMPLIANCE_STANDARDS = ['energy', 'environment', 'quality', 'safety', 'technology'] as const;
export type ComplianceStandard = (typeof COMPLIANCE_STANDARDS)[number];

export interface Enterprise {
  id: string;
  key: number;
  name: string;
  credit_code: string | null;
  /** GB/T 4754-2017 code with its section letter, e.g. C3110. */
  sector: string;
  /** GB/T 2260 code of the county or prefecture the plant stands in. */
  region_code: string | null;
  lon: number;
  lat: number;
  location_accuracy: LocationAccuracy;
  status: PlantStatus;
  commissioned_year: number | null;
  above_scale: boolean | null;
  in_park: boolean | null;
  capacity: number | null;
  capacity_unit: string | null;
  scattered_dirty: boolean;
  green_factory: boolean;
  attributes: Record<string, unknown> | null;
}

export interface Equipment {
  kind: EquipmentKind | string;
  size: number | null;
  unit: string | null;
  count: number;
  commissioned_year: number | null;
}

/** One year of indicators. Money is in 10,000 CNY (万元), energy in tonnes of coal equivalent. */
export interface IndicatorYear {
  year: number;
  energy_tce: number | null;
  added_value: number | null;
  water_m3: number | null;
  output: number | null;
  output_unit: string | null;
  so2_t: number | null;
  nox_t: number | null;
  particulates_t: number | null;
  cod_t: number | null;
  solid_waste_t: number | null;
  solid_waste_used_t: number | null;
  unit_power_kwh: number | null;
}

export interface ComplianceResult {
  standard: ComplianceStandard;
  passed: boolean;
  /** ISO date, YYYY-MM-DD. */
  assessed_on: string;
  rectify_by: string | null;
  note: string | null;
}

export interface EnterpriseDetail extends Enterprise {
  indicators: IndicatorYear[];
  equipment: Equipment[];
  compliance: ComplianceResult[];
}
