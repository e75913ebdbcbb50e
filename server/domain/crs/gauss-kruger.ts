/**
 * The CGCS2000 Gauss–Krüger projections, EPSG:4491–4554, defined from their parameters rather
 * than looked up: four families of transverse Mercator on the CGCS2000 ellipsoid (GRS 1980), scale
 * 1, false northing 0.
 *
 *   EPSG:4491–4501  6° zones 13–23, central meridian 75°E…135°E, easting prefixed with the zone
 *   EPSG:4502–4512  6° zones, the same meridians, easting 500 000 at the meridian (no prefix)
 *   EPSG:4513–4533  3° zones 25–45, central meridian 75°E…135°E, easting prefixed with the zone
 *   EPSG:4534–4554  3° zones, the same meridians, no prefix
 *
 * A prefixed easting carries the zone number in its millions: 37 542 383 m is 42 383 m east of the
 * false easting in 3° zone 37 (central meridian 111°E).
 */

export interface GaussKrugerZone {
  code: number;
  width: 3 | 6;
  zone: number;
  centralMeridian: number;
  prefixed: boolean;
  falseEasting: number;
}

interface Family {
  first: number;
  width: 3 | 6;
  firstZone: number;
  prefixed: boolean;
}

const FAMILIES: readonly Family[] = [
  { first: 4491, width: 6, firstZone: 13, prefixed: true },
  { first: 4502, width: 6, firstZone: 13, prefixed: false },
  { first: 4513, width: 3, firstZone: 25, prefixed: true },
  { first: 4534, width: 3, firstZone: 25, prefixed: false },
];

const zonesIn = (f: Family) => (f.width === 6 ? 11 : 21);

export function gaussKrugerZone(code: number): GaussKrugerZone | undefined {
  for (const f of FAMILIES) {
    const i = code - f.first;
    if (i < 0 || i >= zonesIn(f)) continue;
    const zone = f.firstZone + i;
    const centralMeridian = f.width === 6 ? zone * 6 - 3 : zone * 3;
    return { code, width: f.width, zone, centralMeridian, prefixed: f.prefixed, falseEasting: (f.prefixed ? zone * 1e6 : 0) + 500_000 };
  }
  return undefined;
}

/** The EPSG code of a zone given its width, central meridian and whether eastings carry the zone. */
export function gaussKrugerCode(width: 3 | 6, centralMeridian: number, prefixed: boolean): number | undefined {
  const f = FAMILIES.find((family) => family.width === width && family.prefixed === prefixed);
  if (!f) return undefined;
  const zone = width === 6 ? (centralMeridian + 3) / 6 : centralMeridian / 3;
  const i = zone - f.firstZone;
  return Number.isInteger(i) && i >= 0 && i < zonesIn(f) ? f.first + i : undefined;
}

/**
 * The proj4 definition. `etmerc` is the Poder/Engsager algorithm PROJ itself uses for tmerc,
 * exact to a millimetre well beyond a zone's edge, where the classic series drifts.
 */
export function gaussKrugerProj4(z: GaussKrugerZone): string {
  return `+proj=etmerc +lat_0=0 +lon_0=${z.centralMeridian} +k=1 +x_0=${z.falseEasting} +y_0=0 +ellps=GRS80 +units=m +no_defs`;
}

/**
 * The zone a prefixed easting names, if any: 13–23 are 6° zones, 25–45 3° zones. Used for the
 * hint "looks like Gauss–Krüger, try --crs EPSG:…" when projected numbers arrive without a CRS.
 */
export function zoneOfPrefixedEasting(x: number): GaussKrugerZone | undefined {
  const prefix = Math.floor(x / 1e6);
  const offset = x - prefix * 1e6;
  // Within a zone, eastings stay within about 330 km of the false easting.
  if (offset < 100_000 || offset > 900_000) return undefined;
  if (prefix >= 13 && prefix <= 23) return gaussKrugerZone(4491 + prefix - 13);
  if (prefix >= 25 && prefix <= 45) return gaussKrugerZone(4513 + prefix - 25);
  return undefined;
}

export const GAUSS_KRUGER_CODES = { first: 4491, last: 4554 } as const;
