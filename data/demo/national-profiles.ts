/**
 * Industrial profiles for the national demo: for each province, roughly how many industrial
 * enterprises it has (thousands of enterprises above designated size, around 2020, rounded) and
 * the GB/T 4754 classes it is known for. Every prefecture of a province shares its mix; the
 * provincial capital draws three times a prefecture's share and spreads wider. Inner Mongolia's
 * and Hebei's prefectures keep their own profiles (city-profiles.ts), scaled to their province's
 * weight. Approximate and illustrative, like all demo data.
 */
import { CITY_PROFILES, type CityProfile } from './city-profiles.ts';

type Mix = readonly (readonly [string, number])[];

interface ProvinceProfile {
  /** Thousands of industrial enterprises above designated size. */
  weight: number;
  sectors: Mix;
}

const steel: Mix = [
  ['C3110', 6],
  ['C3120', 6],
  ['C3130', 8],
];
const dyeing: Mix = [
  ['C1713', 6],
  ['C1752', 8],
  ['C1762', 5],
  ['C1743', 3],
];
const chemicals: Mix = [
  ['C2614', 8],
  ['C2651', 6],
  ['C2612', 3],
];
const coal: Mix = [
  ['B0610', 12],
  ['C2521', 6],
  ['D4411', 5],
];

export const PROVINCE_PROFILES: Readonly<Record<string, ProvinceProfile>> = {
  '110000': {
    weight: 3,
    sectors: [
      ['C2710', 6],
      ['C2720', 8],
      ['D4412', 3],
      ['C3392', 2],
    ],
  },
  '120000': { weight: 5, sectors: [...steel, ...chemicals, ['C2720', 3]] },
  '140000': { weight: 5, sectors: [...coal, ['C2521', 10], ...steel, ['C3216', 4]] },
  '210000': { weight: 8, sectors: [...steel, ...chemicals, ['C3391', 6], ['C3140', 2]] },
  '220000': {
    weight: 3,
    sectors: [
      ['C2614', 6],
      ['C2720', 5],
      ['C3391', 8],
      ['C1310', 6],
    ],
  },
  '230000': {
    weight: 4,
    sectors: [
      ['B0610', 8],
      ['C2614', 5],
      ['C1310', 8],
      ['C1440', 4],
      ['C2221', 2],
    ],
  },
  '310000': { weight: 8.5, sectors: [...chemicals, ['C3120', 3], ['C2720', 6], ['C3392', 4]] },
  '320000': { weight: 50, sectors: [...dyeing, ...chemicals, ['C3130', 6], ['C2720', 4], ['C3391', 5], ['C2221', 2]] },
  '330000': { weight: 47, sectors: [...dyeing, ...dyeing, ['C2614', 5], ['C2221', 6], ['C2710', 6], ['C3392', 4]] },
  '340000': { weight: 18, sectors: [['C3011', 10], ...steel, ['C3211', 6], ['B0610', 5], ['C2720', 3]] },
  '350000': { weight: 18, sectors: [...dyeing, ['C2221', 6], ['C3011', 5], ['C3130', 4], ['C2651', 3]] },
  '360000': {
    weight: 13,
    sectors: [
      ['C3211', 8],
      ['C3232', 5],
      ['C3011', 6],
      ['C2720', 4],
      ['C3130', 3],
    ],
  },
  '370000': { weight: 29, sectors: [...chemicals, ...steel, ['C3216', 6], ['C2221', 6], ['C2521', 5], ['D4411', 4]] },
  '410000': {
    weight: 20,
    sectors: [
      ['C3216', 8],
      ['B0610', 6],
      ['C3011', 6],
      ['C3212', 4],
      ['C3391', 5],
      ['C2521', 3],
    ],
  },
  '420000': { weight: 15, sectors: [...steel, ['C2621', 6], ['C3011', 5], ['C3391', 6], ['C2614', 3]] },
  '430000': {
    weight: 17,
    sectors: [
      ['C3212', 7],
      ['C3392', 5],
      ['C3011', 6],
      ['C3130', 4],
      ['C2221', 2],
    ],
  },
  '440000': { weight: 55, sectors: [...dyeing, ['C2221', 6], ['C2651', 6], ['C3392', 6], ['D4411', 3]] },
  '450000': {
    weight: 7,
    sectors: [
      ['C3216', 7],
      ['C3011', 7],
      ['C2211', 6],
      ['C3130', 3],
      ['C1310', 3],
    ],
  },
  '460000': {
    weight: 0.5,
    sectors: [
      ['C2614', 5],
      ['C2211', 4],
      ['C3011', 3],
    ],
  },
  '500000': {
    weight: 7,
    sectors: [
      ['C3391', 9],
      ['C2614', 5],
      ['C3011', 5],
      ['C3216', 3],
    ],
  },
  '510000': {
    weight: 15,
    sectors: [
      ['C2621', 6],
      ['C2614', 5],
      ['C2710', 5],
      ['C3110', 4],
      ['C3011', 5],
      ['D4411', 2],
    ],
  },
  '520000': {
    weight: 4.5,
    sectors: [
      ['B0610', 8],
      ['C3216', 5],
      ['C2621', 6],
      ['C3140', 4],
    ],
  },
  '530000': {
    weight: 4.5,
    sectors: [
      ['C3212', 7],
      ['C3211', 5],
      ['C2621', 5],
      ['C3216', 4],
    ],
  },
  '540000': {
    weight: 0.1,
    sectors: [
      ['C3011', 5],
      ['D4411', 2],
    ],
  },
  '610000': { weight: 7, sectors: [...coal, ['C2522', 5], ['C2523', 4], ['C3212', 3]] },
  '620000': {
    weight: 2,
    sectors: [
      ['C3211', 5],
      ['C3216', 5],
      ['C2614', 5],
      ['C3140', 3],
    ],
  },
  '630000': {
    weight: 0.6,
    sectors: [
      ['C2612', 6],
      ['C3216', 5],
      ['C3140', 4],
    ],
  },
  '640000': {
    weight: 1.3,
    sectors: [
      ['C2522', 6],
      ['C2523', 4],
      ['B0610', 6],
      ['C3140', 5],
      ['C3216', 3],
    ],
  },
  '650000': {
    weight: 3.5,
    sectors: [
      ['B0610', 8],
      ['C2612', 6],
      ['C2522', 5],
      ['C3216', 5],
      ['D4411', 4],
    ],
  },
};

/** Inner Mongolia's and Hebei's weights, in the same unit, for scaling their own profiles. */
const NORTH_WEIGHTS: Readonly<Record<string, number>> = { '150000': 3, '130000': 14 };

export interface Prefecture {
  code: string;
  /** The place name used in generated company names (苏州, 延边; 海南 for Hainan's county-level cities). */
  short: string;
  parent: string;
}

/**
 * One profile per prefecture of the country (the grouped county-level cities, X9000, included:
 * they are real places with plants).
 */
export function nationalCityProfiles(prefectures: readonly Prefecture[]): CityProfile[] {
  const profiles: CityProfile[] = [];
  for (const [province, weight] of Object.entries(NORTH_WEIGHTS)) {
    const own = CITY_PROFILES.filter((c) => c.code.startsWith(province.slice(0, 2)));
    const sum = own.reduce((s, c) => s + c.weight, 0);
    for (const c of own) profiles.push({ ...c, weight: (c.weight * weight) / sum });
  }
  const byProvince = new Map<string, Prefecture[]>();
  for (const p of prefectures) {
    const members = byProvince.get(p.parent) ?? [];
    members.push(p);
    byProvince.set(p.parent, members);
  }
  for (const [province, members] of byProvince) {
    const profile = PROVINCE_PROFILES[province];
    if (!profile) continue;
    const isCapital = (p: Prefecture) => p.code.endsWith('0100');
    const shares = members.reduce((s, p) => s + (isCapital(p) ? 3 : 1), 0);
    for (const p of members) {
      profiles.push({
        code: p.code,
        short: p.short,
        weight: (profile.weight * (isCapital(p) ? 3 : 1)) / shares,
        sectors: profile.sectors,
        spreadKm: isCapital(p) ? 25 : 18,
      });
    }
  }
  return profiles;
}
