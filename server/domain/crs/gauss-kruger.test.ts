import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { gaussKrugerCode, gaussKrugerProj4, gaussKrugerZone, zoneOfPrefixedEasting } from './gauss-kruger.ts';

/**
 * [EPSG code, lon, lat, easting, northing] as GDAL 3.6 / PROJ computes them from the EPSG
 * database (`gdaltransform -s_srs EPSG:4490 -t_srs EPSG:<code> -output_xy`): an outside peer.
 */
const KNOWN: readonly [number, number, number, number, number][] = [
  [4525, 111.5, 40.5, 37542383.967119, 4485168.85849685],
  [4546, 111.67, 40.82, 556523.840618979, 4520799.94011542],
  [4547, 114.51, 38.04, 544770.356996831, 4212060.67797764],
  [4527, 117.3, 42.4, 39524698.9705123, 4696111.34891713],
  [4508, 111.5, 40.5, 542383.967118998, 4485168.85849685],
  [4496, 106.8, 39.6, 18654606.879062, 4386665.01579606],
  [4497, 122.07, 46.08, 20356058.4496771, 5164914.53033945],
  [4550, 123.9, 47.3, 568066.09237453, 5240992.03232449],
  [4510, 123.4, 47.3, 530251.675298014, 5240676.74517555],
  [4521, 105.71, 38.84, 34082855.2992967, 4322200.74928171],
  [4499, 118.18, 39.63, 21086097.0254834, 4399566.4030022],
  [4512, 135.0, 48.0, 500000, 5318427.5953676],
  [4491, 75.5, 39.5, 13543006.8149793, 4374133.47689149],
];

describe('gaussKrugerZone', () => {
  it('knows the first and last code of each family', () => {
    expect(gaussKrugerZone(4491)).toEqual({
      code: 4491,
      width: 6,
      zone: 13,
      centralMeridian: 75,
      prefixed: true,
      falseEasting: 13_500_000,
    });
    expect(gaussKrugerZone(4501)).toMatchObject({ width: 6, zone: 23, centralMeridian: 135, prefixed: true });
    expect(gaussKrugerZone(4502)).toMatchObject({ width: 6, centralMeridian: 75, prefixed: false, falseEasting: 500_000 });
    expect(gaussKrugerZone(4512)).toMatchObject({ width: 6, centralMeridian: 135, prefixed: false });
    expect(gaussKrugerZone(4513)).toEqual({
      code: 4513,
      width: 3,
      zone: 25,
      centralMeridian: 75,
      prefixed: true,
      falseEasting: 25_500_000,
    });
    expect(gaussKrugerZone(4533)).toMatchObject({ width: 3, zone: 45, centralMeridian: 135, prefixed: true });
    expect(gaussKrugerZone(4534)).toMatchObject({ width: 3, centralMeridian: 75, prefixed: false });
    expect(gaussKrugerZone(4554)).toMatchObject({ width: 3, centralMeridian: 135, prefixed: false });
  });

  it('knows nothing outside 4491–4554', () => {
    expect(gaussKrugerZone(4490)).toBeUndefined();
    expect(gaussKrugerZone(4555)).toBeUndefined();
  });

  it('finds every code back from its parameters', () => {
    for (let code = 4491; code <= 4554; code++) {
      const z = gaussKrugerZone(code);
      expect(z && gaussKrugerCode(z.width, z.centralMeridian, z.prefixed)).toBe(code);
    }
    expect(gaussKrugerCode(3, 112, false)).toBeUndefined();
  });
});

describe('gaussKrugerProj4 against PROJ', () => {
  it.each(KNOWN)('EPSG:%i projects %f, %f within a millimetre, and back within 1e-9°', (code, lon, lat, x, y) => {
    const def = gaussKrugerProj4(gaussKrugerZone(code) as NonNullable<ReturnType<typeof gaussKrugerZone>>);
    const [px = 0, py = 0] = proj4('EPSG:4326', def, [lon, lat]);
    expect(Math.abs(px - x)).toBeLessThan(0.001);
    expect(Math.abs(py - y)).toBeLessThan(0.001);
    const [blon = 0, blat = 0] = proj4(def, 'EPSG:4326', [x, y]);
    expect(Math.abs(blon - lon)).toBeLessThan(1e-9);
    expect(Math.abs(blat - lat)).toBeLessThan(1e-9);
  });
});

describe('zoneOfPrefixedEasting', () => {
  it('reads the zone from the millions of an easting', () => {
    expect(zoneOfPrefixedEasting(37_542_383)?.code).toBe(4525);
    expect(zoneOfPrefixedEasting(19_654_606)?.code).toBe(4497);
  });

  it('ignores eastings without a zone or far from any false easting', () => {
    expect(zoneOfPrefixedEasting(542_383)).toBeUndefined();
    expect(zoneOfPrefixedEasting(24_500_000)).toBeUndefined();
    expect(zoneOfPrefixedEasting(37_950_000)).toBeUndefined();
  });
});
