/**
 * Industrial profiles of the demo's 23 prefectures (domain.md): how many of the enterprises each
 * gets, and the GB/T 4754 classes they run, as relative weights. Approximate and illustrative.
 */

export interface CityProfile {
  code: string;
  /** Short name used in generated enterprise names. */
  short: string;
  weight: number;
  sectors: readonly (readonly [string, number])[];
  /** Spread of plants around the seat, km (one standard deviation). */
  spreadKm: number;
}

/** Light industry and services present everywhere. */
export const COMMON_SECTORS: readonly (readonly [string, number])[] = [
  ['C1310', 4], // grain milling
  ['C1440', 2], // dairy
  ['C2921', 3], // plastic film
  ['C3360', 3], // metal surface treatment
  ['C3391', 2], // ferrous casting
  ['C3011', 2], // cement
  ['C2614', 2], // organic chemicals
  ['D4411', 1], // thermal power
  ['C3130', 1], // steel rolling
];

const steel: readonly (readonly [string, number])[] = [
  ['C3110', 14],
  ['C3120', 14],
  ['C3130', 12],
  ['C3140', 3],
];

export const CITY_PROFILES: readonly CityProfile[] = [
  {
    code: '150100',
    short: '呼和浩特',
    weight: 5,
    spreadKm: 18,
    sectors: [
      ['C2710', 10],
      ['C2720', 6],
      ['C1440', 10],
      ['D4411', 6],
      ['C3011', 5],
    ],
  },
  { code: '150200', short: '包头', weight: 7, spreadKm: 20, sectors: [...steel, ['C3232', 16], ['C3216', 10], ['D4411', 4], ['C3391', 6]] },
  {
    code: '150300',
    short: '乌海',
    weight: 3,
    spreadKm: 12,
    sectors: [
      ['C2521', 30],
      ['C2612', 20],
      ['C2614', 15],
      ['B0610', 10],
      ['C3011', 5],
      ['C3140', 6],
    ],
  },
  {
    code: '150400',
    short: '赤峰',
    weight: 3,
    spreadKm: 35,
    sectors: [
      ['C3211', 15],
      ['C3212', 12],
      ['C3216', 8],
      ['B0620', 6],
      ['C3011', 4],
    ],
  },
  {
    code: '150500',
    short: '通辽',
    weight: 2.5,
    spreadKm: 35,
    sectors: [
      ['C3216', 28],
      ['C3211', 8],
      ['B0620', 10],
      ['D4411', 5],
    ],
  },
  {
    code: '150600',
    short: '鄂尔多斯',
    weight: 6,
    spreadKm: 40,
    sectors: [
      ['B0610', 35],
      ['C2522', 10],
      ['C2523', 10],
      ['D4411', 10],
      ['C2614', 8],
      ['C2651', 5],
    ],
  },
  {
    code: '150700',
    short: '呼伦贝尔',
    weight: 1.5,
    spreadKm: 45,
    sectors: [
      ['B0620', 25],
      ['D4411', 14],
      ['C2221', 4],
      ['C1440', 8],
    ],
  },
  {
    code: '150800',
    short: '巴彦淖尔',
    weight: 1.5,
    spreadKm: 35,
    sectors: [
      ['C3211', 10],
      ['C2614', 8],
      ['C1310', 10],
      ['C3212', 6],
    ],
  },
  {
    code: '150900',
    short: '乌兰察布',
    weight: 2,
    spreadKm: 30,
    sectors: [
      ['C3140', 30],
      ['D4411', 10],
      ['C3011', 8],
    ],
  },
  {
    code: '152200',
    short: '兴安',
    weight: 0.8,
    spreadKm: 35,
    sectors: [
      ['C3011', 8],
      ['C2221', 4],
      ['C1310', 10],
    ],
  },
  {
    code: '152500',
    short: '锡林郭勒',
    weight: 1,
    spreadKm: 50,
    sectors: [
      ['B0620', 25],
      ['D4411', 15],
      ['C1440', 6],
    ],
  },
  {
    code: '152900',
    short: '阿拉善',
    weight: 1,
    spreadKm: 40,
    sectors: [
      ['C2612', 15],
      ['C2614', 15],
      ['B0610', 10],
    ],
  },
  {
    code: '130100',
    short: '石家庄',
    weight: 10,
    spreadKm: 25,
    sectors: [
      ['C2710', 18],
      ['C2720', 12],
      ['C1713', 10],
      ['C1752', 10],
      ['C3011', 8],
      ['C2614', 5],
    ],
  },
  { code: '130200', short: '唐山', weight: 12, spreadKm: 28, sectors: [...steel, ['C2521', 10], ['C3011', 9], ['C3041', 3], ['C3391', 8]] },
  {
    code: '130300',
    short: '秦皇岛',
    weight: 2,
    spreadKm: 20,
    sectors: [
      ['C3041', 15],
      ['C3130', 10],
      ['C3391', 5],
    ],
  },
  { code: '130400', short: '邯郸', weight: 9, spreadKm: 25, sectors: [...steel, ['C2521', 10], ['C3011', 8], ['C3391', 8]] },
  {
    code: '130500',
    short: '邢台',
    weight: 6,
    spreadKm: 22,
    sectors: [
      ['C3041', 35],
      ['C2521', 10],
      ['C3120', 8],
      ['C3391', 5],
    ],
  },
  {
    code: '130600',
    short: '保定',
    weight: 8,
    spreadKm: 28,
    sectors: [
      ['C2221', 25],
      ['C2211', 10],
      ['C1752', 10],
      ['C3392', 5],
    ],
  },
  {
    code: '130700',
    short: '张家口',
    weight: 2.5,
    spreadKm: 35,
    sectors: [
      ['C3130', 8],
      ['D4411', 15],
      ['C3011', 10],
      ['C3110', 4],
    ],
  },
  {
    code: '130800',
    short: '承德',
    weight: 2,
    spreadKm: 35,
    sectors: [
      ['C3110', 10],
      ['C3140', 8],
      ['C3011', 5],
    ],
  },
  {
    code: '130900',
    short: '沧州',
    weight: 8,
    spreadKm: 28,
    sectors: [
      ['C2614', 18],
      ['C2651', 12],
      ['C2611', 5],
      ['C3391', 15],
      ['C3392', 10],
    ],
  },
  {
    code: '131000',
    short: '廊坊',
    weight: 4,
    spreadKm: 20,
    sectors: [
      ['C3392', 10],
      ['C1752', 8],
      ['C2221', 8],
      ['C3391', 6],
    ],
  },
  {
    code: '131100',
    short: '衡水',
    weight: 3,
    spreadKm: 20,
    sectors: [
      ['C2614', 10],
      ['C1713', 10],
      ['C3391', 10],
      ['C2221', 4],
    ],
  },
];
