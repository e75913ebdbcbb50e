/** The columns of a yearly indicator file, by their Chinese or English headers (see columns.ts). */
import { ColumnRecogniser } from './columns.ts';

export const INDICATOR_FIELDS = [
  'enterprise_id',
  'credit_code',
  'year',
  'energy_tce',
  'added_value',
  'water_m3',
  'output',
  'output_unit',
  'so2_t',
  'nox_t',
  'particulates_t',
  'cod_t',
  'solid_waste_t',
  'solid_waste_used_t',
  'unit_power_kwh',
] as const;
export type IndicatorField = (typeof INDICATOR_FIELDS)[number];

/** The measured values, all non-negative numbers; output_unit is text. */
export const INDICATOR_VALUES = INDICATOR_FIELDS.filter((f) => !['enterprise_id', 'credit_code', 'year', 'output_unit'].includes(f));

export const indicatorColumns = new ColumnRecogniser<IndicatorField>(INDICATOR_FIELDS, {
  enterprise_id: ['enterprise_id', 'id', '企业编号', '编号', '企业id'],
  credit_code: ['credit_code', 'uscc', '统一社会信用代码', '信用代码', '社会信用代码'],
  year: ['year', '年份', '年度', '统计年度', '报告年份', '年'],
  energy_tce: ['energy_tce', 'energy', '综合能耗', '综合能源消费量', '能源消费量', '能耗'],
  added_value: ['added_value', 'value_added', '工业增加值', '增加值'],
  water_m3: ['water_m3', 'water', '用水量', '取水量', '新鲜水用量'],
  output: ['output', '产量', '产品产量'],
  output_unit: ['output_unit', '产量单位', '单位'],
  so2_t: ['so2_t', 'so2', '二氧化硫', '二氧化硫排放量'],
  nox_t: ['nox_t', 'nox', '氮氧化物', '氮氧化物排放量'],
  particulates_t: ['particulates_t', 'particulates', 'pm', '颗粒物', '颗粒物排放量', '烟粉尘排放量'],
  cod_t: ['cod_t', 'cod', '化学需氧量', '化学需氧量排放量'],
  solid_waste_t: ['solid_waste_t', 'solid_waste', '一般工业固体废物产生量', '固体废物产生量', '固废产生量'],
  solid_waste_used_t: ['solid_waste_used_t', 'solid_waste_used', '一般工业固体废物综合利用量', '固体废物综合利用量', '固废综合利用量'],
  unit_power_kwh: ['unit_power_kwh', 'unit_power', '单位产品电耗', '单位电耗', '交流电耗'],
});
