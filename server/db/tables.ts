/**
 * Column lists of the tables that bulk loads and exports touch, in table order. They are the
 * allow-list that SQL built from names draws on: nothing outside these lists reaches a query.
 */

export type ColumnType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN' | 'DATE' | 'TIMESTAMP' | 'JSON';
export type Columns = readonly (readonly [name: string, type: ColumnType])[];

export const ENTERPRISE_COLUMNS = [
  ['id', 'VARCHAR'],
  ['key', 'INTEGER'],
  ['name', 'VARCHAR'],
  ['credit_code', 'VARCHAR'],
  ['sector', 'VARCHAR'],
  ['region_code', 'VARCHAR'],
  ['lon', 'DOUBLE'],
  ['lat', 'DOUBLE'],
  ['location_accuracy', 'VARCHAR'],
  ['status', 'VARCHAR'],
  ['commissioned_year', 'INTEGER'],
  ['above_scale', 'BOOLEAN'],
  ['in_park', 'BOOLEAN'],
  ['capacity', 'DOUBLE'],
  ['capacity_unit', 'VARCHAR'],
  ['scattered_dirty', 'BOOLEAN'],
  ['green_factory', 'BOOLEAN'],
  ['attributes', 'JSON'],
  ['updated_at', 'TIMESTAMP'],
  /** Search form of the names, credit code and id (domain/search-text.ts); written with the row. */
  ['search_text', 'VARCHAR'],
] as const satisfies Columns;

export const EQUIPMENT_COLUMNS = [
  ['enterprise_id', 'VARCHAR'],
  ['kind', 'VARCHAR'],
  ['size', 'DOUBLE'],
  ['unit', 'VARCHAR'],
  ['count', 'INTEGER'],
  ['commissioned_year', 'INTEGER'],
] as const satisfies Columns;

export const INDICATOR_COLUMNS = [
  ['enterprise_id', 'VARCHAR'],
  ['year', 'INTEGER'],
  ['energy_tce', 'DOUBLE'],
  ['added_value', 'DOUBLE'],
  ['water_m3', 'DOUBLE'],
  ['output', 'DOUBLE'],
  ['output_unit', 'VARCHAR'],
  ['so2_t', 'DOUBLE'],
  ['nox_t', 'DOUBLE'],
  ['particulates_t', 'DOUBLE'],
  ['cod_t', 'DOUBLE'],
  ['solid_waste_t', 'DOUBLE'],
  ['solid_waste_used_t', 'DOUBLE'],
  ['unit_power_kwh', 'DOUBLE'],
] as const satisfies Columns;

export const COMPLIANCE_COLUMNS = [
  ['enterprise_id', 'VARCHAR'],
  ['standard', 'VARCHAR'],
  ['passed', 'BOOLEAN'],
  ['assessed_on', 'DATE'],
  ['rectify_by', 'DATE'],
  ['note', 'VARCHAR'],
] as const satisfies Columns;

export const columnNames = (columns: Columns): string[] => columns.map(([name]) => name);
