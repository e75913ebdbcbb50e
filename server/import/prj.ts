/**
 * Identifies the CRS a `.prj` (WKT 1, ESRI or OGC flavour, or WKT 2) describes, so that the
 * common Chinese cases map to their EPSG code and the exact definitions in resolveCrs.
 *
 * ESRI writes CGCS2000 Gauss–Krüger without any authority code, e.g.
 * `PROJCS["CGCS2000_3_Degree_GK_CM_111E",…PROJECTION["Gauss_Kruger"],…PARAMETER["Central_Meridian",111.0]…]`,
 * so those are recognised from their parameters. Beijing 1954 and Xi'an 1980 are refused: no
 * published datum shift converts them to WGS84 to better than a few metres.
 */
import { gaussKrugerCode } from '../domain/crs/gauss-kruger.ts';
import { reason } from '../domain/reasons.ts';
import { ReasonError } from './problems.ts';

export type WktIdentity = { code: string } | { wkt: string; name: string };

const OLD_CHINESE_DATUMS = /beijing|xian|xi'an|krassowsky|krasovsky|1954|1980/i;
const CGCS2000 = /cgcs\s*_?2000|china[_ ]?(geodetic[_ ]coordinate[_ ]system[_ ])?2000|china_2000/i;
const WGS84 = /wgs[_ ]?(19)?84|wgs_1984/i;

function parameter(wkt: string, name: string): number | undefined {
  const m = new RegExp(`PARAMETER\\["${name}",\\s*(-?[\\d.eE+-]+)`, 'i').exec(wkt);
  return m ? Number(m[1]) : undefined;
}

/** The name of the outermost object: PROJCS["name", … or GEOGCS["name", … */
function outerName(wkt: string): string {
  return /^\s*\w+\["([^"]*)"/.exec(wkt)?.[1] ?? '';
}

export function identifyWkt(wkt: string): WktIdentity {
  const text = wkt.trim();
  // The outermost authority closes the WKT: …AUTHORITY["EPSG","4547"]] (WKT 1) or …ID["EPSG",4547]] (WKT 2).
  const authority = /(?:AUTHORITY\["EPSG",\s*"?(\d+)"?\]|ID\["EPSG",\s*(\d+)\])\s*\]\s*$/i.exec(text);
  if (authority) return { code: `EPSG:${authority[1] ?? authority[2]}` };

  const name = outerName(text);
  const kind = /^\s*(\w+)\[/.exec(text)?.[1]?.toUpperCase() ?? '';
  const datum = /DATUM\["([^"]*)"/i.exec(text)?.[1] ?? '';
  const geographic = kind === 'GEOGCS' || kind === 'GEOGCRS' || kind === 'GEODCRS';

  if (/web_mercator|pseudo[-_ ]mercator|popular[_ ]visualisation|mercator_auxiliary_sphere/i.test(text)) return { code: 'EPSG:3857' };

  const datumText = `${datum} ${/GEOGCS\["([^"]*)"/i.exec(text)?.[1] ?? ''}`;
  if (!CGCS2000.test(datumText) && !WGS84.test(datumText) && OLD_CHINESE_DATUMS.test(datumText)) {
    throw new ReasonError(
      reason('import_crs_old_datum', { ext: '.prj', name, datum, exact: 'WGS84, CGCS2000', target: 'CGCS2000 (EPSG:4490)' }),
    );
  }
  if (geographic) {
    if (CGCS2000.test(datumText)) return { code: 'EPSG:4490' };
    if (WGS84.test(datumText)) return { code: 'EPSG:4326' };
  }

  const projection = /PROJECTION\["([^"]*)"/i.exec(text)?.[1] ?? /METHOD\["([^"]*)"/i.exec(text)?.[1] ?? '';
  if (CGCS2000.test(datumText) && /transverse[_ ]mercator|gauss[_ ]kruger/i.test(projection)) {
    const cm = parameter(text, 'Central_Meridian') ?? parameter(text, 'Longitude of natural origin');
    const fe = parameter(text, 'False_Easting') ?? parameter(text, 'False easting') ?? 0;
    const scale = parameter(text, 'Scale_Factor') ?? parameter(text, 'Scale factor at natural origin') ?? 1;
    if (cm !== undefined && scale === 1) {
      const prefixed = fe > 1e6;
      const zone = prefixed ? Math.round((fe - 500_000) / 1e6) : undefined;
      const width: 3 | 6 = zone !== undefined ? (zone >= 25 ? 3 : 6) : /3[_ -]?degree|3度/i.test(name) || cm % 6 !== 3 ? 3 : 6;
      const code = gaussKrugerCode(width, cm, prefixed);
      if (code !== undefined) return { code: `EPSG:${code}` };
    }
  }
  return { wkt: text, name: name || 'unnamed WKT' };
}
