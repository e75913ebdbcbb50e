/**
 * A hint for numbers that are plainly not degrees: which projected CRS they look like, so the
 * error can say "try --crs EPSG:4525" instead of only "out of range".
 */
import { zoneOfPrefixedEasting } from '../domain/crs/gauss-kruger.ts';
import type { Params } from '../domain/reasons.ts';

/** Northings of China in a transverse Mercator on the equator: about 18°N to 54°N. */
const CHINA_NORTHING = [1_900_000, 6_100_000] as const;
/** China's extent in Web Mercator metres. */
const CHINA_MERCATOR = { x: [8_100_000, 15_100_000], y: [2_000_000, 7_200_000] } as const;

const within = (v: number, [lo, hi]: readonly [number, number]) => v >= lo && v <= hi;

/**
 * The hint as reason parameters (see projectedHintText in import-reasons.ts), to spread into the
 * parameters of the problem it explains; none when the numbers look like nothing known.
 */
export function projectedHint(x: number, y: number): Params {
  if (within(y, CHINA_NORTHING)) {
    const zone = zoneOfPrefixedEasting(x);
    if (zone) {
      return { hint: 'gk_zone', gk_width: zone.width, gk_zone: zone.zone, gk_cm: zone.centralMeridian, gk_code: `EPSG:${zone.code}` };
    }
    if (x > 100_000 && x < 900_000) return { hint: 'gk', gk3: 'EPSG:4534–4554', gk6: 'EPSG:4502–4512' };
  }
  if (within(x, CHINA_MERCATOR.x) && within(y, CHINA_MERCATOR.y)) return { hint: 'mercator', code: 'EPSG:3857' };
  return {};
}
