/**
 * Saves what the map shows as a PNG a planner can put in a report: the basemap canvas and the
 * deck.gl canvas over it, and beside them a column with the title, the date, the legend (the
 * blocks legendBlocks makes, as the on-screen legend shows them) and a scale bar. The file also
 * carries the legend and scale as text (PNG Description).
 */

import { downloadPng } from '../charts/save-chart.ts';
import { wrapText } from '../print/page-layout.ts';
import { type LegendBlock, type Swatch, zoneSwatchOpacity } from './image-legend.ts';
import { hex, type RGB } from './palette.ts';
import type { ScaleBar } from './scale-bar.ts';

export interface MapImage {
  /** The map's canvases in drawing order, basemap first, all of one size in device pixels. */
  canvases: HTMLCanvasElement[];
  /** CSS pixels per device pixel of those canvases. */
  pixelRatio: number;
  blocks: LegendBlock[];
  scale: { bar: ScaleBar; label: string; title: string };
  heading: string;
  /** The date in the UI's locale. */
  date: string;
}

/** Width of the legend column, in CSS pixels; the widest scale bar it holds. */
const LEGEND_WIDTH = 300;
export const SCALE_BAR_MAX_PX = 200;
const PAD = 12;
const INK = '#1f2a24';
const MUTED = '#555555';
const FONT = '"Noto Sans CJK SC", "Microsoft YaHei", sans-serif';

/** Lines of at most maxWidth: English breaks at spaces, Chinese between any two characters. */
/** Lines of at most maxWidth pixels, broken as the printed page breaks them. */
function wrap(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  return wrapText(text, maxWidth, 0, (t) => ctx.measureText(t).width);
}

function drawSwatch(ctx: CanvasRenderingContext2D, swatch: Swatch, x: number, y: number): void {
  if (swatch.shape === 'dot') {
    ctx.fillStyle = hex(swatch.color);
    ctx.beginPath();
    ctx.arc(x + 8, y + 6, 5, 0, Math.PI * 2);
    ctx.fill();
    return;
  }
  // The on-screen swatch: 16 × 11 px inside a 1.5 px border.
  if (swatch.shape === 'square') {
    ctx.fillStyle = hex(swatch.color);
    ctx.fillRect(x, y, 16, 11);
    return;
  }
  const { style } = swatch;
  ctx.save();
  ctx.globalAlpha = zoneSwatchOpacity(style);
  ctx.fillStyle = style.fill;
  ctx.fillRect(x, y, 16, 11);
  ctx.strokeStyle = style.line;
  ctx.lineWidth = 1.5;
  ctx.setLineDash(style.dashed ? [3, 2] : []);
  ctx.strokeRect(x + 0.75, y + 0.75, 14.5, 9.5);
  ctx.restore();
}

/**
 * Lays out the legend column from (x, top), drawing it when draw is true; returns the y it ends
 * at. Run once without drawing to size the image, then again to draw.
 */
function legendColumn(ctx: CanvasRenderingContext2D, image: MapImage, x: number, top: number, draw: boolean): number {
  const width = LEGEND_WIDTH - 2 * PAD;
  let y = top;
  const text = (s: string, font: string, color: string, lineHeight: number, indent = 0) => {
    ctx.font = font;
    for (const line of wrap(ctx, s, width - indent)) {
      if (draw) {
        ctx.fillStyle = color;
        ctx.fillText(line, x + indent, y + lineHeight - 4);
      }
      y += lineHeight;
    }
  };
  ctx.textBaseline = 'alphabetic';
  text(image.heading, `600 14px ${FONT}`, INK, 20);
  text(image.date, `12px ${FONT}`, MUTED, 18);
  y += 10;
  for (const block of image.blocks) {
    if (block.title) text(block.title, `600 12px ${FONT}`, INK, 17);
    if (block.ramp) {
      if (draw) {
        const g = ctx.createLinearGradient(x, 0, x + 200, 0);
        const colors = block.ramp.colors;
        for (let i = 0; i < colors.length; i++) g.addColorStop(i / Math.max(1, colors.length - 1), hex(colors[i] as RGB));
        ctx.fillStyle = g;
        ctx.fillRect(x, y + 2, 200, 10);
        ctx.font = `11px ${FONT}`;
        ctx.fillStyle = MUTED;
        ctx.fillText(block.ramp.from, x, y + 26);
        ctx.fillText(block.ramp.to, x + 200 - ctx.measureText(block.ramp.to).width, y + 26);
      }
      y += 32;
    }
    for (const entry of block.entries) {
      if (draw) drawSwatch(ctx, entry.swatch, x, y + 3);
      text(entry.label, `12px ${FONT}`, INK, 17, 24);
    }
    if (block.note) text(block.note, `11px ${FONT}`, MUTED, 15);
    y += 10;
  }
  text(image.scale.title, `11px ${FONT}`, MUTED, 15);
  const px = image.scale.bar.px;
  if (draw) {
    ctx.fillStyle = INK;
    ctx.fillRect(x, y + 6, px, 4);
    ctx.fillRect(x, y + 2, 1.5, 12);
    ctx.fillRect(x + px - 1.5, y + 2, 1.5, 12);
    ctx.font = `12px ${FONT}`;
    ctx.fillText(image.scale.label, x + px + 6, y + 12);
  }
  return y + 18;
}

/** The map with its legend column to the right, taller than the map if the legend needs it. */
export function composeMapImage(image: MapImage): HTMLCanvasElement {
  const base = image.canvases[0];
  if (!base) throw new Error('no map canvas to save: the map has not been drawn yet');
  const ratio = image.pixelRatio;
  const out = document.createElement('canvas');
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('the browser gave no 2D canvas to compose the image');
  const x = base.width / ratio + PAD;
  const bottom = legendColumn(ctx, image, x, PAD, false) + PAD;
  // Sizing a canvas resets its context, so size first, then set fonts and draw.
  out.width = base.width + Math.ceil(LEGEND_WIDTH * ratio);
  out.height = Math.max(base.height, Math.ceil(bottom * ratio));
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  for (const c of image.canvases) ctx.drawImage(c, 0, 0, base.width, base.height);
  ctx.scale(ratio, ratio);
  legendColumn(ctx, image, x, PAD, true);
  return out;
}

/** The legend and scale as lines of text, for the PNG's Description. */
export function describeMapImage(image: MapImage): string {
  const lines: string[] = [];
  for (const block of image.blocks) {
    if (block.title) lines.push(block.title);
    if (block.ramp) lines.push(`  ${block.ramp.from} – ${block.ramp.to}`);
    for (const e of block.entries) lines.push(`  ${e.label}`);
    if (block.note) lines.push(`  ${block.note}`);
  }
  lines.push(`${image.scale.title}: ${image.scale.label}`);
  return lines.join('\n');
}

/** Async so a failure to compose, like one to encode, reaches the caller as a rejection. */
export async function saveMapImage(image: MapImage, fileName: string): Promise<void> {
  await downloadPng(composeMapImage(image), fileName, {
    Title: image.heading,
    'Creation Time': image.date,
    Description: describeMapImage(image),
  });
}
