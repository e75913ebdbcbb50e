/**
 * Paper and where things go on it, in millimetres from the page's top-left corner: the title band,
 * the map frame, and the panel for the legend and notes (right of the map in landscape, under it
 * in portrait). Pure, so the page's geometry is tested without a browser.
 */
import { CSS_DPI } from './print-scale.ts';

export type Paper = 'A4' | 'A3';
export type Orientation = 'portrait' | 'landscape';

/** ISO 216, portrait, in mm. */
const PAPER_MM: Record<Paper, { w: number; h: number }> = { A4: { w: 210, h: 297 }, A3: { w: 297, h: 420 } };
export const MM_PER_INCH = 25.4;
export const PT_PER_MM = 72 / MM_PER_INCH;
/** What the map is drawn at, and the PNG page. */
export const PRINT_DPI = 300;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PageGeometry {
  paper: Paper;
  orientation: Orientation;
  /** The page, in mm. */
  width: number;
  height: number;
  margin: number;
  /** Title and subtitle. */
  title: Box;
  map: Box;
  /** Legend, scale, notes. */
  panel: Box;
  /** Width of one column of the panel: the panel flows into as many as fit. */
  column: number;
  /** Type sizes in points. */
  type: { title: number; subtitle: number; heading: number; body: number; note: number };
  /** The longest the scale bar may be, in mm. */
  scaleBarMaxMm: number;
}

export function pageGeometry(paper: Paper, orientation: Orientation): PageGeometry {
  const size = PAPER_MM[paper];
  if (!size) throw new Error(`Paper "${paper}" is not one of A4, A3.`);
  const landscape = orientation === 'landscape';
  const width = landscape ? size.h : size.w;
  const height = landscape ? size.w : size.h;
  const big = paper === 'A3';
  const margin = big ? 12 : 10;
  const titleH = big ? 20 : 16;
  const gap = 5;
  const title = { x: margin, y: margin, w: width - 2 * margin, h: titleH };
  const top = margin + titleH;
  const inner = { w: width - 2 * margin, h: height - top - margin };
  const column = big ? 78 : 60;
  let map: Box;
  let panel: Box;
  if (landscape) {
    map = { x: margin, y: top, w: inner.w - column - gap, h: inner.h };
    panel = { x: margin + map.w + gap, y: top, w: column, h: inner.h };
  } else {
    const panelH = big ? 80 : 66;
    map = { x: margin, y: top, w: inner.w, h: inner.h - panelH - gap };
    panel = { x: margin, y: top + map.h + gap, w: inner.w, h: panelH };
  }
  return {
    paper,
    orientation,
    width,
    height,
    margin,
    title,
    map,
    panel,
    column: landscape ? column : Math.min(column, panel.w),
    type: big
      ? { title: 22, subtitle: 12, heading: 9.5, body: 8.5, note: 7 }
      : { title: 17, subtitle: 10, heading: 8.5, body: 7.5, note: 6.5 },
    scaleBarMaxMm: big ? 60 : 45,
  };
}

/** Millimetres to pixels at a resolution. */
export const mmToPx = (mm: number, dpi: number) => (mm / MM_PER_INCH) * dpi;

/** The map frame's size in CSS pixels (the unit the print map is laid out in) and in pixels at dpi. */
export function frameSize(map: Box, dpi = PRINT_DPI): { css: { w: number; h: number }; px: { w: number; h: number }; pixelRatio: number } {
  const css = { w: Math.round(mmToPx(map.w, CSS_DPI)), h: Math.round(mmToPx(map.h, CSS_DPI)) };
  const pixelRatio = dpi / CSS_DPI;
  return { css, px: { w: Math.round(css.w * pixelRatio), h: Math.round(css.h * pixelRatio) }, pixelRatio };
}
