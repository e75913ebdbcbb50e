import { describe, expect, it } from 'vitest';
import { BASEMAP_PLACES, parsePlaces } from './basemap-places.ts';
import { LEVELS, nameIn, type PlaceName, placeLabels, populationRank, type RegionName } from './place-labels.ts';

const regions: RegionName[] = [
  { code: '150000', level: 'province', zh: '内蒙古自治区', en: 'Inner Mongolia', centre: [111.7, 44.1] },
  { code: '150200', level: 'prefecture', zh: '包头市', en: 'Baotou', centre: [109.84, 40.66] },
];
const places: PlaceName[] = [
  { kind: 'county', code: '150221', zh: '土默特右旗', en: 'Tumote Right Banner', position: [110.52, 40.57], population: 0 },
  { kind: 'town', code: 'geonames:2035196', zh: '萨拉齐镇', en: 'Salaqi', position: [110.51, 40.54], population: 64704 },
  { kind: 'town', code: 'geonames:2035416', zh: null, en: 'Qasq', position: [111.13, 40.71], population: 0 },
];

describe('placeLabels', () => {
  it('names each place in the Chinese UI in Chinese', () => {
    expect(placeLabels(regions, places, 'zh').map((l) => l.text)).toEqual(['内蒙古自治区', '包头市', '土默特右旗', '萨拉齐镇', 'Qasq']);
  });

  it('names each place in the English UI in English or pinyin', () => {
    expect(placeLabels(regions, places, 'en').map((l) => l.text)).toEqual([
      'Inner Mongolia',
      'Baotou',
      'Tumote Right Banner',
      'Salaqi',
      'Qasq',
    ]);
  });

  it('ranks province over prefecture over county over town, whatever the population', () => {
    const big: PlaceName = { ...(places[1] as PlaceName), population: 30_000_000 };
    const [province, prefecture, county, town] = placeLabels(regions, [places[0] as PlaceName, big], 'zh').map((l) => l.priority);
    expect(province).toBeGreaterThan(prefecture as number);
    expect(prefecture).toBeGreaterThan(county as number);
    expect(county).toBeGreaterThan(town as number);
  });

  it('ranks the larger town above the smaller', () => {
    const [salaqi, qasq] = placeLabels([], places.slice(1), 'zh');
    expect(salaqi?.priority).toBeGreaterThan(qasq?.priority as number);
  });

  it('shows smaller units from higher zooms, provinces until prefectures fill the screen', () => {
    expect(LEVELS.province.minZoom).toBeLessThan(LEVELS.prefecture.minZoom);
    expect(LEVELS.prefecture.minZoom).toBeLessThan(LEVELS.county.minZoom);
    expect(LEVELS.county.minZoom).toBeLessThan(LEVELS.town.minZoom);
    expect(LEVELS.province.maxZoom).toBeLessThanOrEqual(LEVELS.town.minZoom);
  });

  it('moves the province names away from their capitals', () => {
    const [province] = placeLabels(regions, [], 'zh');
    expect(province?.position).toEqual([112.5, 43.6]);
  });
});

describe('nameIn', () => {
  it('falls back to the other language where the data has no name in the UI language', () => {
    expect(nameIn('en', '石拐区', null)).toBe('石拐区');
    expect(nameIn('zh', null, 'Qasq')).toBe('Qasq');
  });

  it('refuses a place without any name', () => {
    expect(() => nameIn('zh', null, null)).toThrow('neither a Chinese nor an English name');
  });
});

describe('populationRank', () => {
  it('zero or unknown population: 0; ten million and more: 99', () => {
    expect(populationRank(0)).toBe(0);
    expect(populationRank(10_000_000)).toBe(99);
    expect(populationRank(50_000_000)).toBe(99);
  });
});

describe('the shipped basemap places', () => {
  it('hold county seats and towns of both demo provinces, most towns named in Chinese', () => {
    const counties = BASEMAP_PLACES.filter((p) => p.kind === 'county');
    const towns = BASEMAP_PLACES.filter((p) => p.kind === 'town');
    expect(counties.some((c) => c.code.startsWith('15'))).toBe(true);
    expect(counties.some((c) => c.code.startsWith('13'))).toBe(true);
    expect(counties.find((c) => c.code === '150205')).toMatchObject({ zh: '石拐区', en: 'Shiguai District' });
    expect(towns.filter((t) => t.zh).length / towns.length).toBeGreaterThan(0.75);
  });

  it('a bad row is refused with its index, field and value', () => {
    expect(() => parsePlaces([{ kind: 'village', code: 'x', zh: null, en: 'X', position: [1, 2], population: 0 }], 'places.json')).toThrow(
      'places.json[0].kind: expected county or town, got "village"',
    );
    expect(() => parsePlaces([{ kind: 'town', code: 'x', zh: null, en: 'X', position: [1], population: 0 }], 'places.json')).toThrow(
      'places.json[0].position: expected [lon, lat], got [1]',
    );
  });
});
