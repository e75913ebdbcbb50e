import Geodesic from 'geographiclib-geodesic';
import { describe, expect, it } from 'vitest';
import { resolveCrs } from './crs.ts';

const geodesic = Geodesic.Geodesic.WGS84;
const metres = (a: [number, number], b: [number, number]) => geodesic.Inverse(a[1], a[0], b[1], b[0]).s12 as number;

/**
 * GCJ-02 forward, as published (the "eviltransform" formula), written out here independently of
 * the library that does the inverse, so the test checks one against the other.
 */
function wgsToGcj(lon: number, lat: number): [number, number] {
  const a = 6378245.0;
  const ee = 0.006693421622965943;
  const x = lon - 105;
  const y = lat - 35;
  let dLat = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  dLat += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  dLat += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  dLat += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  let dLon = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  dLon += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  dLon += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  dLon += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  const radLat = (lat / 180) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - ee * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180) / (((a * (1 - ee)) / (magic * sqrtMagic)) * Math.PI);
  dLon = (dLon * 180) / ((a / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lon + dLon, lat + dLat];
}

/** BD-09 forward from GCJ-02, as Baidu publishes it. */
function gcjToBd(lon: number, lat: number): [number, number] {
  const k = (Math.PI * 3000) / 180;
  const z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * k);
  const t = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * k);
  return [z * Math.cos(t) + 0.0065, z * Math.sin(t) + 0.006];
}

/** A fixed grid over Inner Mongolia and Hebei (and the rest of the mainland around them). */
const GRID: [number, number][] = [];
for (let lon = 97.3; lon <= 126; lon += 1.7) for (let lat = 30.1; lat <= 53; lat += 1.3) GRID.push([lon, lat]);

describe('resolveCrs names', () => {
  it.each([
    [undefined, 'EPSG:4326', true],
    ['WGS84', 'EPSG:4326', true],
    ['urn:ogc:def:crs:OGC:1.3:CRS84', 'EPSG:4326', true],
    ['urn:ogc:def:crs:EPSG::4490', 'EPSG:4490', true],
    ['http://www.opengis.net/def/crs/EPSG/0/4547', 'EPSG:4547', false],
    ['epsg:4547', 'EPSG:4547', false],
    ['4525', 'EPSG:4525', false],
    ['EPSG:900913', 'EPSG:3857', false],
    ['GCJ-02', 'gcj02', true],
    ['amap', 'gcj02', true],
    ['BD09', 'bd09', true],
    ['EPSG:32649', 'EPSG:32649', false],
  ])('%s → %s', (spec, name, geographic) => {
    expect(resolveCrs(spec)).toMatchObject({ name, geographic });
  });

  it('refuses what it cannot convert, naming the value and what it can', () => {
    expect(() => resolveCrs('EPSG:2385')).toThrow('unsupported CRS "EPSG:2385"; expected EPSG:4326, EPSG:4490, EPSG:3857');
    expect(() => resolveCrs('{"name":"x"}')).toThrow('CRS "x" in PROJJSON has no EPSG id; pass --crs');
  });

  it('takes the EPSG id of GeoParquet PROJJSON', () => {
    expect(resolveCrs('{"id":{"authority":"EPSG","code":4547}}').name).toBe('EPSG:4547');
    expect(resolveCrs('{"id":{"authority":"OGC","code":"CRS84"}}').name).toBe('EPSG:4326');
  });
});

describe('resolveCrs transforms', () => {
  it('takes CGCS2000 (EPSG:4490) as WGS84', () => {
    expect(resolveCrs('EPSG:4490').toWgs84(111.5, 40.5)).toEqual([111.5, 40.5]);
  });

  it('inverts Gauss–Krüger with and without zone prefix to PROJ’s positions', () => {
    for (const [spec, x, y] of [
      ['EPSG:4525', 37542383.967119, 4485168.85849685],
      ['EPSG:4546', 556523.840618979, 4520799.94011542],
      ['EPSG:4508', 542383.967118998, 4485168.85849685],
    ] as const) {
      const [lon, lat] = resolveCrs(spec).toWgs84(x, y);
      expect(metres([lon, lat], spec === 'EPSG:4546' ? [111.67, 40.82] : [111.5, 40.5])).toBeLessThan(0.001);
    }
  });

  it('inverts Web Mercator', () => {
    const [lon, lat] = resolveCrs('EPSG:3857').toWgs84(12227332.8687332, 4962320.35387879);
    expect(metres([lon, lat], [109.84, 40.66])).toBeLessThan(0.001);
  });

  it('brings GCJ-02 back to WGS84 within 2 m everywhere on the grid (the offset itself is 100–700 m)', () => {
    const toWgs = resolveCrs('gcj02').toWgs84;
    let worst = 0;
    for (const p of GRID) {
      const shifted = wgsToGcj(p[0], p[1]);
      expect(metres(p, shifted)).toBeGreaterThan(50);
      worst = Math.max(worst, metres(p, toWgs(shifted[0], shifted[1])));
    }
    expect(worst).toBeLessThan(2);
  });

  it('brings BD-09 back to WGS84 within 2 m everywhere on the grid', () => {
    const toWgs = resolveCrs('bd09').toWgs84;
    let worst = 0;
    for (const p of GRID) {
      const bd = gcjToBd(...wgsToGcj(p[0], p[1]));
      worst = Math.max(worst, metres(p, toWgs(bd[0], bd[1])));
    }
    expect(worst).toBeLessThan(2);
  });
});
