/**
 * Maps published in China that show the national extent must show the whole territory, the South
 * China Sea islands included — by convention in an inset at the lower right (domain.md). The
 * embed decides from what it shows: a view at least half as wide as the mainland gets the inset,
 * so no publication can show the country without it.
 */
import type { BBox } from '../zone.ts';

/** Mainland China and Hainan, west–east and south–north (the islands reach about 3.8°N). */
export const CHINA_EXTENT: BBox = [73.4, 18.1, 135.1, 53.6];

/** A view this wide in longitude shows the country rather than a part of it. */
export const NATIONAL_VIEW_DEGREES = (CHINA_EXTENT[2] - CHINA_EXTENT[0]) / 2;

export function isNationalExtent([west, south, east, north]: BBox): boolean {
  const overlaps = east > CHINA_EXTENT[0] && west < CHINA_EXTENT[2] && north > CHINA_EXTENT[1] && south < CHINA_EXTENT[3];
  return overlaps && east - west >= NATIONAL_VIEW_DEGREES;
}
