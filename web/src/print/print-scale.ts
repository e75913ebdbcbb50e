/**
 * The scale of a printed map: what a planner types ("1:250,000"), the MapLibre zoom that draws it
 * at the map's centre, and a scale bar of a round length on paper. A printed map is laid out in CSS
 * pixels of 1/96 inch, as browsers print; MapLibre's zoom counts 512-pixel worlds, so one CSS pixel
 * is 40 075 016.686 · cos(lat) / (512 · 2^zoom) metres on the ground (scale-bar.ts) and
 * 25.4 / 96 mm on paper.
 */
import { metresPerPixel, roundDown125 } from '../map/scale-bar.ts';

/** CSS pixels per inch: what the print map is laid out in, before it is drawn at 300 dpi. */
export const CSS_DPI = 96;
const MM_PER_INCH = 25.4;
const EARTH_CIRCUMFERENCE_M = 40_075_016.686;
/** Scales a planner may ask for: a street plan to a map of the whole of China. */
export const SCALE_RANGE = { min: 500, max: 50_000_000 } as const;

/** A scale the user asked for: a stated 1:n, or whatever fits the view on screen. */
export type ScaleChoice = { kind: 'fit' } | { kind: 'stated'; denominator: number };

export class ScaleParseError extends Error {}

/**
 * "1:250000", "1:250,000", "1 : 250 000", "250000", "1：25万" (full-width colon, 万) → 250000.
 * An empty field means "fit the current view". The error names the value typed.
 */
export function parseScale(text: string): ScaleChoice {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'fit' };
  const m = /^(?:1\s*[:：]\s*)?([\d\s,，.]+?)\s*(万)?$/.exec(trimmed);
  const digits = m?.[1]?.replace(/[\s,，]/g, '') ?? '';
  if (!m || !/^\d+(\.\d+)?$/.test(digits)) throw new ScaleParseError(`Scale "${text}" is not of the form 1:250000, 1:250,000 or 250000.`);
  const denominator = Number(digits) * (m[2] ? 10_000 : 1);
  if (!Number.isInteger(denominator) || denominator < SCALE_RANGE.min || denominator > SCALE_RANGE.max)
    throw new ScaleParseError(
      `Scale "${text}" gives 1:${denominator}; a printed map's scale must be a whole 1:${SCALE_RANGE.min} to 1:${SCALE_RANGE.max}.`,
    );
  return { kind: 'stated', denominator };
}

/** "1:250,000" as a reader writes it, in the UI's locale. */
export const formatScale = (denominator: number, locale: string) =>
  `1:${Math.round(denominator).toLocaleString(locale === 'zh-CN' ? 'en' : locale)}`;

/** Metres on the ground per millimetre of paper at 1:n. */
export const groundMetresPerMm = (denominator: number) => denominator / 1000;

/** Metres on the ground per CSS pixel of paper at 1:n. */
export const metresPerCssPixel = (denominator: number) => (denominator * MM_PER_INCH) / CSS_DPI / 1000;

/** The MapLibre zoom that draws 1:n at a latitude (on paper, in CSS pixels of 1/96 inch). */
export function zoomForScale(denominator: number, lat: number): number {
  if (!(denominator > 0)) throw new Error(`Print scale: the denominator must be above 0, got ${denominator}.`);
  if (!(Math.abs(lat) <= 90)) throw new Error(`Print scale: latitude must lie within ±90°, got ${lat}.`);
  const cos = Math.cos((Math.max(-85.051129, Math.min(85.051129, lat)) * Math.PI) / 180);
  return Math.log2((EARTH_CIRCUMFERENCE_M * cos) / (512 * metresPerCssPixel(denominator)));
}

/** The 1:n a MapLibre zoom draws at a latitude, on paper. */
export const scaleForZoom = (zoom: number, lat: number) => metresPerPixel(zoom, lat) / metresPerCssPixel(1);

/** A scale bar of a round length (1, 2 or 5 × 10^n m), and how long it is on paper. */
export interface PaperScaleBar {
  metres: number;
  mm: number;
}

/** The longest round scale bar no longer than maxMm on paper at 1:n. */
export function paperScaleBar(denominator: number, maxMm: number): PaperScaleBar {
  if (!(maxMm > 0)) throw new Error(`Print scale bar: the longest bar must be above 0 mm, got ${maxMm} mm.`);
  const perMm = groundMetresPerMm(denominator);
  const metres = roundDown125(perMm * maxMm);
  return { metres, mm: metres / perMm };
}
