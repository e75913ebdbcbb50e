import { describe, expect, it } from 'vitest';
import { REGIONS_FILE, readFeatures } from '../../data/demo/geography.ts';
import { resolveCrs } from './crs.ts';
import { Jurisdiction } from './jurisdiction.ts';
import { CHINA_EXTENT, checkLocation, type LocationContext } from './location.ts';

const demoRegions = () =>
  readFeatures(REGIONS_FILE).map((f) => ({
    code: String(f.properties.code),
    name: String(f.properties.name),
    name_en: (f.properties.name_en as string | undefined) ?? null,
    geometry: f.geometry,
  }));

/** As an import into a database with no regions loaded sees it, in the CRS given. */
const national = (crs?: string): LocationContext => {
  const { toWgs84, geographic } = resolveCrs(crs);
  return { toWgs84, geographic, jurisdiction: Jurisdiction.of([]), extent: CHINA_EXTENT };
};
const loaded = (): LocationContext => ({ ...national(), jurisdiction: Jurisdiction.of(demoRegions()) });

const check = (lon: unknown, lat: unknown, ctx: LocationContext) => checkLocation({ row: 7, values: {} }, lon, lat, '经度', '纬度', ctx);

describe('checkLocation against the jurisdiction', () => {
  it('an enterprise on Yongxing Island (Sansha, 16.83°N) is inside China', () => {
    expect(check('112.34', '16.83', national())).toEqual({ lonLat: [112.34, 16.83], errors: [], warnings: [] });
  });

  it('as a GeoJSON point, and in Web Mercator metres, too', () => {
    const point = checkLocation(
      { row: 2, values: {}, geometry: { type: 'Point', coordinates: [112.34, 16.83] } },
      '',
      '',
      'lon',
      'lat',
      national(),
    );
    expect(point.errors).toEqual([]);
    // 112.34°E 16.83°N in EPSG:3857; converted first, then checked.
    const mercator = check(12505631.6, 1901044.98, national('EPSG:3857'));
    expect(mercator.errors).toEqual([]);
    expect(mercator.lonLat?.[0]).toBeCloseTo(112.34, 5);
    expect(mercator.lonLat?.[1]).toBeCloseTo(16.83, 5);
  });

  it('a point outside names the row, the field, the value and the nearest region', () => {
    expect(check('139.7', '35.7', national()).errors).toEqual([
      {
        row: 7,
        field: '经度/纬度',
        value: '139.7, 35.7',
        reason: { key: 'import_point_outside', params: expect.objectContaining({ near_name: '吉林', near_code: '220000', km: '1,081' }) },
        message: 'point 139.70000, 35.70000 lies outside the jurisdiction: 1,081 km from 吉林 (220000); check the coordinates and the CRS',
      },
    ]);
  });

  it('a point in China outside the loaded regions says which boundary to load', () => {
    const [error] = check('112.34', '16.83', loaded()).errors;
    expect(error?.message).toContain(
      'lies outside the jurisdiction: 2,145 km from 邯郸市 Handan (130400); it is in 三沙市 Sansha (460300)',
    );
  });

  it('swapped latitude and longitude are still recognised, against the outline', () => {
    // Urumqi swapped: both numbers in range, the point in Kazakhstan, swapping it back lands in Xinjiang.
    expect(check('43.8', '87.6', national()).errors[0]?.message).toBe('point lies outside the jurisdiction; looks like lat/lon swapped');
    expect(check('40.6', '110.2', loaded()).errors[0]?.message).toContain('(looks like lat/lon swapped)');
    // Yongxing Island swapped: the latitude is out of range, and swapping it back lands in Sansha.
    expect(check('16.83', '112.34', national()).errors[0]?.message).toBe(
      'coordinates out of range: longitude must be within ±180 and latitude within ±90 (looks like lat/lon swapped)',
    );
  });

  it('a GCJ-02 point near the edge is checked where it lands in WGS84', () => {
    // Yongxing Island read as AMap's GCJ-02: shifted by a few hundred metres, still on the island's doorstep.
    expect(check('112.34', '16.83', national('gcj02')).errors).toEqual([]);
  });
});
