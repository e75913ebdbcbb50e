import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { PreparedPolygon } from '../domain/geometry/prepared-polygon.ts';
import type { Zone } from '../domain/zone.ts';
import { parksOf } from './park-store.ts';

const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [110, 40],
      [110.1, 40],
      [110.1, 40.1],
      [110, 40.1],
      [110, 40],
    ],
  ],
};

const zone = (id: string, attributes: Record<string, unknown>, kind: Zone['kind'] = 'industrial_park'): Zone => ({
  id,
  kind,
  zone_type: null,
  level: null,
  name: id,
  name_en: null,
  region_code: '150200',
  attributes,
  geometry: square,
});

describe('parksOf', () => {
  it('reads sectors and land as the shipped GeoJSON has them', () => {
    const [p] = parksOf([zone('P', { sectors: 'C31,C32', land_total_ha: 2600, land_free_ha: 610 })]);
    expect(p).toMatchObject({ id: 'P', sectors: ['C31', 'C32'], land_total_ha: 2600, land_free_ha: 610, lon: 110.05, lat: 40.05 });
    expect(new PreparedPolygon(square).contains(p?.lon as number, p?.lat as number)).toBe(true);
  });

  it('reads what a spreadsheet import leaves: numbers as text, Chinese separators, lower case, a list', () => {
    const [a, b] = parksOf([
      zone('A', { sectors: 'c31；C3216、 C26', land_total_ha: '1200', land_free_ha: ' 0 ' }),
      zone('B', { sectors: ['C22'], land_free_ha: 'full' }),
    ]);
    expect(a).toMatchObject({ sectors: ['C31', 'C3216', 'C26'], land_total_ha: 1200, land_free_ha: 0 });
    expect(b).toMatchObject({ sectors: ['C22'], land_total_ha: null, land_free_ha: null });
  });

  it('a park without sectors is open to all; other zone kinds are not parks', () => {
    expect(parksOf([zone('O', {}), zone('BU', {}, 'built_up')]).map((p) => [p.id, p.sectors])).toEqual([['O', []]]);
  });

  it('zero parks', () => {
    expect(parksOf([])).toEqual([]);
  });
});
