/**
 * A hint for numbers that are plainly not degrees: which projected CRS they look like, so the
 * error can say "try --crs EPSG:4525" instead of only "out of range".
 */
import { zoneOfPrefixedEasting } from '../domain/crs/gauss-kruger.ts';

/** Northings of China in a transverse Mercator on the equator: about 18°N to 54°N. */
const CHINA_NORTHING = [1_900_000, 6_100_000] as const;
/** China's extent in Web Mercator metres. */
const CHINA_MERCATOR = { x: [8_100_000, 15_100_000], y: [2_000_000, 7_200_000] } as const;

const within = (v: number, [lo, hi]: readonly [number, number]) => v >= lo && v <= hi;

export function projectedHint(x: number, y: number): string {
  if (within(y, CHINA_NORTHING)) {
    const zone = zoneOfPrefixedEasting(x);
    if (zone) {
      return `looks like CGCS2000 Gauss–Krüger ${zone.width}° zone ${zone.zone} (central meridian ${zone.centralMeridian}°E) with the zone in the easting: try --crs EPSG:${zone.code}`;
    }
    if (x > 100_000 && x < 900_000) {
      return 'looks like Gauss–Krüger metres without a zone prefix: pass --crs with the zone, e.g. EPSG:4534–4554 (3° zones) or EPSG:4502–4512 (6° zones)';
    }
  }
  if (within(x, CHINA_MERCATOR.x) && within(y, CHINA_MERCATOR.y)) return 'looks like Web Mercator metres: try --crs EPSG:3857';
  return '';
}
