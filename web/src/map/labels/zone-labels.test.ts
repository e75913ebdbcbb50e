import { booleanPointInPolygon } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { placeLabelsAt } from './label-placement.ts';
import { LEVELS, placeLabels } from './place-labels.ts';
import { zoneLabels, zoneNames } from './zone-labels.ts';

// A crescent: its centroid lies outside it, where a label would name empty ground.
const crescent: [number, number][] = [
  [110, 40],
  [111, 40],
  [111, 41],
  [110, 41],
  [110, 40.9],
  [110.9, 40.9],
  [110.9, 40.1],
  [110, 40.1],
  [110, 40],
];
const reserves: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: '乌拉山自然保护区', name_en: 'Wulashan Nature Reserve' },
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [109, 39],
              [109.01, 39],
              [109.01, 39.01],
              [109, 39],
            ],
          ],
          [crescent],
        ],
      },
    },
    { type: 'Feature', properties: { name: null, name_en: null }, geometry: { type: 'Polygon', coordinates: [crescent] } },
    { type: 'Feature', properties: { name: '无英文名', name_en: null }, geometry: { type: 'Polygon', coordinates: [crescent] } },
  ],
};

describe('zone names on the map', () => {
  it('sit inside the zone’s largest part, even where its centroid lies outside it', () => {
    const [first] = zoneNames('nature_reserve', reserves);
    expect(first?.zh).toBe('乌拉山自然保护区');
    expect(booleanPointInPolygon(first?.position as [number, number], { type: 'Polygon', coordinates: [crescent] })).toBe(true);
  });

  it('skip zones without a name, and speak the UI language where the data has it', () => {
    const names = zoneNames('nature_reserve', reserves);
    expect(names).toHaveLength(2);
    expect(zoneLabels(names, 'en').map((l) => l.text)).toEqual(['Wulashan Nature Reserve', '无英文名']);
    expect(zoneLabels(names, 'zh').map((l) => l.text)).toEqual(['乌拉山自然保护区', '无英文名']);
  });

  it('give way to county seats and win over towns where they would overlap', () => {
    const at: [number, number] = [110.5, 40.5];
    const county = placeLabels([], [{ kind: 'county', code: '150222', zh: '固阳县', en: 'Guyang', position: at, population: 0 }], 'zh');
    const town = placeLabels([], [{ kind: 'town', code: '1', zh: '金山镇', en: 'Jinshan', position: at, population: 50_000 }], 'zh');
    const zone = zoneLabels([{ kind: 'nature_reserve', zh: '乌拉山', en: null, position: at }], 'zh');
    const measure = (text: string, size: number) => text.length * size;
    const drawn = (labels: typeof zone) => placeLabelsAt(labels, 10, measure).map((l) => l.text);
    expect(drawn([...zone, ...county])).toEqual(['固阳县']);
    expect(drawn([...town, ...zone])).toEqual(['乌拉山']);
    expect(LEVELS.zone.base).toBeLessThan(LEVELS.county.base);
    expect(LEVELS.zone.base).toBeGreaterThan(LEVELS.town.base + 99);
  });
});
