/**
 * GB/T 2260 regions of the demo: two provinces and their 23 prefecture-level divisions, with the
 * city centre each prefecture's seat stands on (domain.md). Boundaries live in data/boundaries.
 */

export type RegionLevel = 'country' | 'province' | 'prefecture' | 'county';

export interface RegionInfo {
  code: string;
  zh: string;
  en: string;
  level: RegionLevel;
  parent: string | null;
  /** Seat of government, [lon, lat] WGS84. */
  centre: [number, number];
}

const P = (code: string, zh: string, en: string, parent: string, lon: number, lat: number): RegionInfo => ({
  code,
  zh,
  en,
  level: 'prefecture',
  parent,
  centre: [lon, lat],
});

export const NATIONAL_CODE = '000000';

export const DEMO_REGIONS: readonly RegionInfo[] = [
  { code: '150000', zh: '内蒙古自治区', en: 'Inner Mongolia', level: 'province', parent: NATIONAL_CODE, centre: [111.67, 40.82] },
  P('150100', '呼和浩特市', 'Hohhot', '150000', 111.67, 40.82),
  P('150200', '包头市', 'Baotou', '150000', 109.84, 40.66),
  P('150300', '乌海市', 'Wuhai', '150000', 106.83, 39.67),
  P('150400', '赤峰市', 'Chifeng', '150000', 118.96, 42.27),
  P('150500', '通辽市', 'Tongliao', '150000', 122.26, 43.62),
  P('150600', '鄂尔多斯市', 'Ordos', '150000', 109.98, 39.82),
  P('150700', '呼伦贝尔市', 'Hulunbuir', '150000', 119.76, 49.21),
  P('150800', '巴彦淖尔市', 'Bayannur', '150000', 107.42, 40.76),
  P('150900', '乌兰察布市', 'Ulanqab', '150000', 113.11, 41.03),
  P('152200', '兴安盟', "Xing'an League", '150000', 122.07, 46.08),
  P('152500', '锡林郭勒盟', 'Xilingol League', '150000', 116.09, 43.94),
  P('152900', '阿拉善盟', 'Alxa League', '150000', 105.71, 38.84),
  { code: '130000', zh: '河北省', en: 'Hebei', level: 'province', parent: NATIONAL_CODE, centre: [114.51, 38.04] },
  P('130100', '石家庄市', 'Shijiazhuang', '130000', 114.51, 38.04),
  P('130200', '唐山市', 'Tangshan', '130000', 118.18, 39.63),
  P('130300', '秦皇岛市', 'Qinhuangdao', '130000', 119.6, 39.94),
  P('130400', '邯郸市', 'Handan', '130000', 114.54, 36.63),
  P('130500', '邢台市', 'Xingtai', '130000', 114.5, 37.07),
  P('130600', '保定市', 'Baoding', '130000', 115.46, 38.87),
  P('130700', '张家口市', 'Zhangjiakou', '130000', 114.89, 40.82),
  P('130800', '承德市', 'Chengde', '130000', 117.96, 40.95),
  P('130900', '沧州市', 'Cangzhou', '130000', 116.84, 38.3),
  P('131000', '廊坊市', 'Langfang', '130000', 116.7, 39.52),
  P('131100', '衡水市', 'Hengshui', '130000', 115.67, 37.74),
];

const BY_CODE = new Map(DEMO_REGIONS.map((r) => [r.code, r]));

export function demoRegion(code: string): RegionInfo | undefined {
  return BY_CODE.get(code);
}

/** GB/T 2260 codes are six digits; the province is the first two, the prefecture the first four. */
export function isRegionCode(code: string): boolean {
  return /^\d{6}$/.test(code);
}

export function provinceOf(code: string): string {
  return `${code.slice(0, 2)}0000`;
}

export function prefectureOf(code: string): string {
  return `${code.slice(0, 4)}00`;
}

/**
 * Does a jurisdiction contain a region? National contains all; a province contains its
 * prefectures and counties; a prefecture contains its counties.
 */
export function jurisdictionContains(jurisdiction: string, region: string): boolean {
  if (jurisdiction === NATIONAL_CODE) return true;
  if (jurisdiction === region) return true;
  if (jurisdiction.endsWith('0000')) return region.startsWith(jurisdiction.slice(0, 2));
  if (jurisdiction.endsWith('00')) return region.startsWith(jurisdiction.slice(0, 4));
  return false;
}

/** Suffixes naming the kind of a division, longest first where one ends another. */
const DIVISION_KINDS = ['特别行政区', '自治区', '自治州', '地区', '林区', '省', '盟', '市', '县'] as const;

/**
 * Where an autonomous division's place name ends: the first people it is named for
 * (延边朝鲜族自治州 is 延边, 新疆维吾尔自治区 is 新疆).
 */
const PEOPLES = [
  '朝鲜',
  '土家',
  '布依',
  '哈尼',
  '景颇',
  '傈僳',
  '蒙古',
  '哈萨克',
  '柯尔克孜',
  '维吾尔',
  '回族',
  '苗族',
  '藏族',
  '彝族',
  '羌族',
  '侗族',
  '傣族',
  '白族',
  '壮族',
  '黎族',
];

/**
 * A division's name as its place and its kind: 苏州市 → 苏州 + 市, 延边朝鲜族自治州 → 延边 + 自治州,
 * 广西壮族自治区 → 广西 + 自治区. A name with no known kind is all place.
 */
export function placeOf(zh: string): { place: string; kind: string } {
  const kind = DIVISION_KINDS.find((k) => zh.endsWith(k) && zh.length > k.length) ?? '';
  let place = zh.slice(0, zh.length - kind.length);
  if (kind.startsWith('自治')) {
    const cut = Math.min(...PEOPLES.map((p) => place.indexOf(p)).filter((i) => i > 0));
    if (Number.isFinite(cut)) place = place.slice(0, cut);
  }
  return { place, kind };
}
