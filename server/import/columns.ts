/**
 * Recognises the columns of a table by their Chinese or English headers, with an explicit mapping
 * (`--map "经度=lon,纬度=lat"`) for anything else. Unrecognised columns are kept as attributes.
 *
 * Headers are compared after dropping a unit in brackets (经度（°） → 经度, 综合能耗(吨标准煤) →
 * 综合能耗), case, and spaces. Shapefile field names hold at most 10 bytes, so GDAL and ArcGIS
 * cut longer ones (credit_code → credit_cod): every alias is also recognised cut to 10.
 */
import { SCREENING_SUMMARY_NAMES } from '../domain/screening/screening-summary.ts';

export const ENTERPRISE_FIELDS = [
  'id',
  'name',
  'credit_code',
  'sector',
  'region_code',
  'lon',
  'lat',
  'location_accuracy',
  'status',
  'commissioned_year',
  'above_scale',
  'in_park',
  'capacity',
  'capacity_unit',
  'scattered_dirty',
  'green_factory',
] as const;
export type EnterpriseField = (typeof ENTERPRISE_FIELDS)[number];

export const ENTERPRISE_ALIASES: Record<EnterpriseField, readonly string[]> = {
  id: ['id', 'enterprise_id', '编号', '企业编号', '序号id'],
  name: ['name', 'enterprise_name', 'company', '企业名称', '名称', '单位名称', '企业'],
  credit_code: ['credit_code', 'uscc', 'unified_social_credit_code', '统一社会信用代码', '信用代码', '社会信用代码'],
  sector: ['sector', 'industry', 'industry_code', 'gbt4754', '行业代码', '行业', '国民经济行业代码', '行业类别代码'],
  region_code: ['region_code', 'region', 'adcode', '所在地区代码', '行政区划代码', '地区代码', '区划代码'],
  lon: ['lon', 'lng', 'long', 'longitude', 'x', '经度', '东经'],
  lat: ['lat', 'latitude', 'y', '纬度', '北纬'],
  location_accuracy: ['location_accuracy', 'accuracy', '定位精度', '位置精度'],
  status: ['status', 'plant_status', '状态', '生产状态', '运行状态'],
  commissioned_year: ['commissioned_year', 'commissioned', 'start_year', '投产年份', '投产年'],
  above_scale: ['above_scale', 'above_designated_size', '规模以上', '是否规上', '规上企业'],
  in_park: ['in_park', 'industrial_park', '是否入园', '入园', '园区内'],
  capacity: ['capacity', '产能', '设计产能'],
  capacity_unit: ['capacity_unit', '产能单位', '单位'],
  scattered_dirty: ['scattered_dirty', '散乱污', '是否散乱污'],
  green_factory: ['green_factory', 'green', '绿色工厂', '是否绿色工厂'],
};

const normalise = (header: string) =>
  header
    .replace(/^\uFEFF/, '')
    .replace(/[（(][^（()）]*[)）]\s*$/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** As a 10-byte DBF field name would cut it (ASCII names; a Chinese alias is cut at a character). */
function dbfCut(alias: string): string {
  let out = '';
  let bytes = 0;
  for (const c of alias) {
    bytes += Buffer.byteLength(c);
    if (bytes > 10) break;
    out += c;
  }
  return out;
}

export class ColumnRecogniser<F extends string> {
  private readonly lookup = new Map<string, F>();

  constructor(
    readonly fields: readonly F[],
    aliases: Record<F, readonly string[]>,
    /** Headers neither a field nor kept as attributes: values Greenline derives itself. */
    private readonly skipped: ReadonlySet<string> = new Set(),
  ) {
    for (const field of fields) for (const alias of aliases[field]) this.lookup.set(normalise(alias), field);
    // Cut names only where they do not shadow a full alias of another field.
    for (const field of fields) {
      for (const alias of aliases[field]) {
        const cut = normalise(dbfCut(alias));
        if (!this.lookup.has(cut)) this.lookup.set(cut, field);
      }
    }
  }

  /** Parses `--map "经度=lon,纬度=lat"` into header → field. */
  parseMap(option: string | undefined): Map<string, F> {
    const out = new Map<string, F>();
    if (!option) return out;
    for (const pair of option.split(',')) {
      const [header, field] = pair.split('=').map((s) => s.trim());
      if (!header || !field) throw new Error(`--map: expected HEADER=FIELD pairs separated by commas, found "${pair}"`);
      if (!(this.fields as readonly string[]).includes(field)) {
        throw new Error(`--map: unknown field "${field}" for header "${header}"; fields are ${this.fields.join(', ')}`);
      }
      out.set(header, field as F);
    }
    return out;
  }

  map(headers: readonly string[], explicit = new Map<string, F>()): ColumnMapping<F> {
    const fields: Partial<Record<F, string>> = {};
    const extras: string[] = [];
    for (const header of headers) {
      const field = explicit.get(header) ?? this.lookup.get(normalise(header));
      if (field && fields[field] === undefined) fields[field] = header;
      else if (!this.skipped.has(header)) extras.push(header);
    }
    return { fields, extras };
  }
}

export interface ColumnMapping<F extends string = EnterpriseField> {
  /** canonical field → header in the file */
  fields: Partial<Record<F, string>>;
  /** headers kept as attributes */
  extras: string[];
}

/** An export read back: its screening columns are recomputed, not imported (screening-summary.ts). */
export const enterpriseColumns = new ColumnRecogniser(ENTERPRISE_FIELDS, ENTERPRISE_ALIASES, SCREENING_SUMMARY_NAMES);

export const parseMapOption = (option: string | undefined) => enterpriseColumns.parseMap(option);

export const mapColumns = (headers: readonly string[], explicit?: Map<string, EnterpriseField>) => enterpriseColumns.map(headers, explicit);
