/**
 * Intensities and their change against a baseline, as the 2020 targets measure them: energy (tce)
 * or water (m³) per 10,000 CNY of industrial added value, and the change in percent.
 */

/** num / den, or null when either is missing or the denominator is not positive. */
export function intensity(num: number | null | undefined, den: number | null | undefined): number | null {
  if (num === null || num === undefined || den === null || den === undefined || !(den > 0)) return null;
  return num / den;
}

/** (now − base) / base in percent, or null without a positive baseline. */
export function changePercent(now: number | null, base: number | null): number | null {
  if (now === null || base === null || !(base > 0)) return null;
  return ((now - base) / base) * 100;
}

export const BASELINE_YEAR = 2015;
