/**
 * A scale bar for a saved map: the longest round length (1, 2 or 5 × 10^n metres) that fits in a
 * target width, and how many CSS pixels it spans at a zoom and latitude. The same measure as
 * MapLibre's ScaleControl: MapLibre's zoom counts 512-pixel worlds whatever the tile size of a
 * source (our raster basemaps use 256-pixel tiles, which MapLibre draws at half a zoom step's
 * scale), so one pixel is 40 075 016.686 · cos(lat) / (512 · 2^zoom) metres.
 */

/** Web Mercator stops here; beyond it cos(lat) would shrink the bar towards nothing. */
const MAX_LATITUDE = 85.051129;
const EARTH_CIRCUMFERENCE_M = 40_075_016.686;

export interface ScaleBar {
  /** The round length the bar stands for, in metres. */
  metres: number;
  /** Its length on screen, in CSS pixels; at most the target width. */
  px: number;
}

/** Metres on the ground per CSS pixel of a MapLibre map at a zoom, at a latitude. */
export function metresPerPixel(zoom: number, lat: number): number {
  if (!Number.isFinite(zoom)) throw new Error(`Scale bar: zoom must be a number, got ${zoom}.`);
  if (!(Math.abs(lat) <= 90)) throw new Error(`Scale bar: latitude must lie within ±90°, got ${lat}.`);
  const clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
  return (EARTH_CIRCUMFERENCE_M * Math.cos((clamped * Math.PI) / 180)) / (512 * 2 ** zoom);
}

/** The largest 1, 2 or 5 × 10^n not above v (v > 0). */
export function roundDown125(v: number): number {
  const e = 10 ** Math.floor(Math.log10(v));
  // log10 of values like 1000 can come out a hair under 3: correct the decade before choosing.
  const decade = e * 10 <= v ? e * 10 : e > v ? e / 10 : e;
  const d = v / decade;
  return (d >= 5 ? 5 : d >= 2 ? 2 : 1) * decade;
}

/** The scale bar no wider than maxPx CSS pixels for a map at a zoom and the latitude of its centre. */
export function scaleBar(zoom: number, lat: number, maxPx: number): ScaleBar {
  if (!(maxPx > 0)) throw new Error(`Scale bar: the target width must be above 0 px, got ${maxPx}.`);
  const perPx = metresPerPixel(zoom, lat);
  const metres = roundDown125(perPx * maxPx);
  return { metres, px: metres / perPx };
}
