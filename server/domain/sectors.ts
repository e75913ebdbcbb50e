/**
 * The part of the GB/T 4754-2017 industry classification that Greenline's policies and demo use,
 * as a tree: section letter → two-digit division → three-digit group → four-digit class.
 * Codes are written with their section letter (C3110), as the policies cite them.
 */

export interface Sector {
  code: string;
  zh: string;
  en: string;
  /** Colour group on the map; every code below a group shares it. */
  group: SectorGroup;
}

export const SECTOR_GROUPS = [
  'steel',
  'nonferrous',
  'coking_chemical',
  'building_materials',
  'paper',
  'textile_dyeing',
  'pharma',
  'casting',
  'coal',
  'power',
  'other',
] as const;
export type SectorGroup = (typeof SECTOR_GROUPS)[number];

export const SECTOR_GROUP_NAMES: Record<SectorGroup, { zh: string; en: string }> = {
  steel: { zh: '钢铁', en: 'Iron & steel' },
  nonferrous: { zh: '有色金属', en: 'Non-ferrous metals' },
  coking_chemical: { zh: '焦化与化工', en: 'Coking & chemicals' },
  building_materials: { zh: '建材', en: 'Building materials' },
  paper: { zh: '造纸', en: 'Paper' },
  textile_dyeing: { zh: '印染', en: 'Printing & dyeing' },
  pharma: { zh: '医药', en: 'Pharmaceuticals' },
  casting: { zh: '铸造', en: 'Casting' },
  coal: { zh: '煤炭开采', en: 'Coal mining' },
  power: { zh: '火电', en: 'Thermal power' },
  other: { zh: '其他', en: 'Other' },
};

const S = (code: string, zh: string, en: string, group: SectorGroup): Sector => ({ code, zh, en, group });

export const SECTORS: readonly Sector[] = [
  S('B', '采矿业', 'Mining', 'coal'),
  S('B06', '煤炭开采和洗选业', 'Coal mining and washing', 'coal'),
  S('B0610', '烟煤和无烟煤开采洗选', 'Bituminous coal and anthracite mining', 'coal'),
  S('B0620', '褐煤开采洗选', 'Lignite mining', 'coal'),
  S('C', '制造业', 'Manufacturing', 'other'),
  S('C17', '纺织业', 'Textiles', 'textile_dyeing'),
  S('C171', '棉纺织及印染精加工', 'Cotton spinning, weaving, printing & dyeing', 'textile_dyeing'),
  S('C1713', '棉印染精加工', 'Cotton printing and dyeing', 'textile_dyeing'),
  S('C172', '毛纺织及染整精加工', 'Wool spinning and dyeing', 'textile_dyeing'),
  S('C1723', '毛染整精加工', 'Wool dyeing and finishing', 'textile_dyeing'),
  S('C173', '麻纺织及染整精加工', 'Bast fibre spinning and dyeing', 'textile_dyeing'),
  S('C1733', '麻染整精加工', 'Bast fibre dyeing and finishing', 'textile_dyeing'),
  S('C174', '丝绢纺织及印染精加工', 'Silk spinning, printing & dyeing', 'textile_dyeing'),
  S('C1743', '丝印染精加工', 'Silk printing and dyeing', 'textile_dyeing'),
  S('C175', '化纤织造及印染精加工', 'Chemical-fibre weaving, printing & dyeing', 'textile_dyeing'),
  S('C1752', '化纤织物染整精加工', 'Chemical-fibre fabric dyeing', 'textile_dyeing'),
  S('C176', '针织或钩针编织物及其制品制造', 'Knitted fabrics', 'textile_dyeing'),
  S('C1762', '针织或钩针编织物印染精加工', 'Knitted fabric printing and dyeing', 'textile_dyeing'),
  S('C22', '造纸和纸制品业', 'Paper and paper products', 'paper'),
  S('C221', '纸浆制造', 'Pulp', 'paper'),
  S('C2211', '木竹浆制造', 'Wood and bamboo pulp', 'paper'),
  S('C222', '造纸', 'Papermaking', 'paper'),
  S('C2221', '机制纸及纸板制造', 'Machine-made paper and board', 'paper'),
  S('C25', '石油、煤炭及其他燃料加工业', 'Petroleum, coal and other fuel processing', 'coking_chemical'),
  S('C252', '煤炭加工', 'Coal processing', 'coking_chemical'),
  S('C2521', '炼焦', 'Coking', 'coking_chemical'),
  S('C2522', '煤制合成气生产', 'Coal-to-syngas', 'coking_chemical'),
  S('C2523', '煤制液体燃料生产', 'Coal-to-liquids', 'coking_chemical'),
  S('C26', '化学原料和化学制品制造业', 'Chemical raw materials and products', 'coking_chemical'),
  S('C261', '基础化学原料制造', 'Basic chemical raw materials', 'coking_chemical'),
  S('C2611', '无机酸制造', 'Inorganic acids', 'coking_chemical'),
  S('C2612', '无机碱制造', 'Inorganic alkalis (chlor-alkali)', 'coking_chemical'),
  S('C2614', '有机化学原料制造', 'Organic chemical raw materials', 'coking_chemical'),
  S('C262', '肥料制造', 'Fertilisers', 'coking_chemical'),
  S('C2621', '氮肥制造', 'Nitrogen fertilisers', 'coking_chemical'),
  S('C265', '合成材料制造', 'Synthetic materials', 'coking_chemical'),
  S('C2651', '初级形态塑料及合成树脂制造', 'Primary plastics and synthetic resins', 'coking_chemical'),
  S('C27', '医药制造业', 'Pharmaceuticals', 'pharma'),
  S('C271', '化学药品原料药制造', 'Chemical APIs', 'pharma'),
  S('C2710', '化学药品原料药制造', 'Chemical APIs', 'pharma'),
  S('C272', '化学药品制剂制造', 'Chemical drug preparations', 'pharma'),
  S('C2720', '化学药品制剂制造', 'Chemical drug preparations', 'pharma'),
  S('C30', '非金属矿物制品业', 'Non-metallic mineral products', 'building_materials'),
  S('C301', '水泥、石灰和石膏制造', 'Cement, lime and gypsum', 'building_materials'),
  S('C3011', '水泥制造', 'Cement', 'building_materials'),
  S('C3012', '石灰和石膏制造', 'Lime and gypsum', 'building_materials'),
  S('C304', '玻璃制造', 'Glass', 'building_materials'),
  S('C3041', '平板玻璃制造', 'Flat glass', 'building_materials'),
  S('C31', '黑色金属冶炼和压延加工业', 'Iron and steel smelting and rolling', 'steel'),
  S('C311', '炼铁', 'Ironmaking', 'steel'),
  S('C3110', '炼铁', 'Ironmaking', 'steel'),
  S('C312', '炼钢', 'Steelmaking', 'steel'),
  S('C3120', '炼钢', 'Steelmaking', 'steel'),
  S('C313', '钢压延加工', 'Steel rolling', 'steel'),
  S('C3130', '钢压延加工', 'Steel rolling', 'steel'),
  S('C314', '铁合金冶炼', 'Ferroalloys', 'steel'),
  S('C3140', '铁合金冶炼', 'Ferroalloys', 'steel'),
  S('C32', '有色金属冶炼和压延加工业', 'Non-ferrous smelting and rolling', 'nonferrous'),
  S('C321', '常用有色金属冶炼', 'Common non-ferrous smelting', 'nonferrous'),
  S('C3211', '铜冶炼', 'Copper smelting', 'nonferrous'),
  S('C3212', '铅锌冶炼', 'Lead and zinc smelting', 'nonferrous'),
  S('C3216', '铝冶炼', 'Aluminium smelting', 'nonferrous'),
  S('C323', '稀有稀土金属冶炼', 'Rare and rare-earth metal smelting', 'nonferrous'),
  S('C3232', '稀土金属冶炼', 'Rare-earth metal smelting', 'nonferrous'),
  S('C33', '金属制品业', 'Fabricated metal products', 'casting'),
  S('C339', '铸造及其他金属制品制造', 'Casting and other metal products', 'casting'),
  S('C3391', '黑色金属铸造', 'Ferrous casting', 'casting'),
  S('C3392', '有色金属铸造', 'Non-ferrous casting', 'casting'),
  S('D', '电力、热力、燃气及水生产和供应业', 'Electricity, heat, gas and water', 'power'),
  S('D44', '电力、热力生产和供应业', 'Electricity and heat', 'power'),
  S('D441', '电力生产', 'Electricity generation', 'power'),
  S('D4411', '火力发电', 'Thermal power', 'power'),
  S('D4412', '热电联产', 'Combined heat and power', 'power'),
];

const BY_CODE = new Map(SECTORS.map((s) => [s.code, s]));

/** Normalise a sector code as written in data: "3110" and "c3110" become "C3110". */
export function normaliseSectorCode(raw: string): string {
  const code = raw.trim().toUpperCase();
  if (/^\d{2,4}$/.test(code)) {
    const section = sectionOfDivision(Number(code.slice(0, 2)));
    return section ? `${section}${code}` : code;
  }
  return code;
}

/** GB/T 4754-2017: the last division of each section, A to T. */
const SECTION_LAST_DIVISION: ReadonlyArray<readonly [string, number]> = [
  ['A', 5],
  ['B', 12],
  ['C', 43],
  ['D', 46],
  ['E', 50],
  ['F', 52],
  ['G', 60],
  ['H', 62],
  ['I', 65],
  ['J', 69],
  ['K', 70],
  ['L', 72],
  ['M', 75],
  ['N', 79],
  ['O', 82],
  ['P', 83],
  ['Q', 85],
  ['R', 90],
  ['S', 96],
  ['T', 97],
];

function sectionOfDivision(division: number): string | undefined {
  if (division < 1) return undefined;
  return SECTION_LAST_DIVISION.find(([, last]) => division <= last)?.[0];
}

/**
 * A code is known when it is well formed and its section letter matches its division (C3219 is
 * accepted though the catalogue above does not name it; B3110 is not, because 31 is in section C).
 */
export function isKnownSector(code: string): boolean {
  if (/^[A-T]$/.test(code)) return true;
  const match = /^([A-T])(\d{2})(\d{0,2})$/.exec(code);
  if (!match) return false;
  return sectionOfDivision(Number(match[2])) === match[1];
}

export function lookupSector(code: string): Sector | undefined {
  const exact = BY_CODE.get(code);
  if (exact) return exact;
  if (!/^[A-T]\d{2,4}$/.test(code)) return undefined;
  for (let len = code.length - 1; len >= 3; len--) {
    const parent = BY_CODE.get(code.slice(0, len));
    if (parent) return parent;
  }
  return undefined;
}

export function sectorGroup(code: string): SectorGroup {
  return lookupSector(code)?.group ?? 'other';
}

/** The code's ancestors, section first: C3110 → [C, C31, C311]. */
export function sectorAncestors(code: string): string[] {
  const out: string[] = [];
  for (let len = 1; len < code.length; len++) {
    const prefix = code.slice(0, len);
    if (BY_CODE.has(prefix)) out.push(prefix);
  }
  return out;
}
