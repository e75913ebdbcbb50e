import { describe, expect, it } from 'vitest';
import { resolveCrs } from './crs.ts';
import { identifyWkt } from './prj.ts';

const CGCS2000_GEOG =
  'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const esriGk = (name: string, fe: number, cm: number) =>
  `PROJCS["${name}",${CGCS2000_GEOG},PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",${fe}],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${cm}],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;

describe('identifyWkt', () => {
  it('recognises ESRI CGCS2000 Gauss–Krüger .prj files, which carry no EPSG code', () => {
    expect(identifyWkt(esriGk('CGCS2000_3_Degree_GK_CM_111E', 500000, 111))).toEqual({ code: 'EPSG:4546' });
    expect(identifyWkt(esriGk('CGCS2000_3_Degree_GK_Zone_37', 37500000, 111))).toEqual({ code: 'EPSG:4525' });
    expect(identifyWkt(esriGk('CGCS2000_GK_Zone_19', 19500000, 111))).toEqual({ code: 'EPSG:4497' });
    expect(identifyWkt(esriGk('CGCS2000_GK_CM_105E', 500000, 105))).toEqual({ code: 'EPSG:4507' });
  });

  it('takes the outermost EPSG authority of WKT 1 and WKT 2', () => {
    expect(
      identifyWkt(
        `PROJCS["CGCS2000 / 3-degree Gauss-Kruger CM 114E",GEOGCS["China Geodetic Coordinate System 2000",AUTHORITY["EPSG","4490"]],AUTHORITY["EPSG","4547"]]`,
      ),
    ).toEqual({ code: 'EPSG:4547' });
    expect(identifyWkt('PROJCRS["WGS 84 / Pseudo-Mercator",BASEGEOGCRS["WGS 84",ID["EPSG",4326]],ID["EPSG",3857]]')).toEqual({
      code: 'EPSG:3857',
    });
  });

  it('recognises Web Mercator as ESRI writes it, and geographic WGS84 and CGCS2000', () => {
    expect(
      identifyWkt(
        'PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984"]],PROJECTION["Mercator_Auxiliary_Sphere"]]',
      ),
    ).toEqual({ code: 'EPSG:3857' });
    expect(identifyWkt('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]]]')).toEqual({
      code: 'EPSG:4326',
    });
    expect(identifyWkt(CGCS2000_GEOG)).toEqual({ code: 'EPSG:4490' });
  });

  it('refuses Beijing 1954 and Xi’an 1980, which have no exact shift to WGS84', () => {
    expect(() =>
      identifyWkt(
        'PROJCS["Beijing_1954_3_Degree_GK_CM_111E",GEOGCS["GCS_Beijing_1954",DATUM["D_Beijing_1954"]],PROJECTION["Gauss_Kruger"]]',
      ),
    ).toThrow(/D_Beijing_1954 datum; only WGS84 and CGCS2000 can be converted exactly/);
    expect(() => identifyWkt('GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980"]]')).toThrow(/D_Xian_1980/);
  });

  it('leaves other projections to proj4, which converts them', () => {
    const utm =
      'PROJCS["WGS_1984_UTM_Zone_49N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",111.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    expect(identifyWkt(utm)).toEqual({ wkt: utm, name: 'WGS_1984_UTM_Zone_49N' });
    const crs = resolveCrs(utm);
    expect(crs).toMatchObject({ name: 'WGS_1984_UTM_Zone_49N', geographic: false });
    // The same point through EPSG:32649: both ways of naming UTM agree.
    const a = crs.toWgs84(542_000, 4_483_000);
    const b = resolveCrs('EPSG:32649').toWgs84(542_000, 4_483_000);
    expect(Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1])).toBeLessThan(1e-9);
  });
});
