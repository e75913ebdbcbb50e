/**
 * The printed page as a list of things to draw, in millimetres from the top-left corner: the title,
 * the map image, the legend (legendBlocks, as on screen), a scale bar and a north arrow over the
 * map, and the notes (coordinate reference, sources, date, "illustrative data"). The PDF writer
 * draws them as vectors and the PNG writer on a canvas, so both pages are the same page.
 */
import type { LegendBlock, Swatch } from '../map/image-legend.ts';
import { zoneSwatchOpacity } from '../map/image-legend.ts';
import type { RGB } from '../map/palette.ts';
import { type Box, type PageGeometry, PT_PER_MM } from './paper.ts';
import type { PaperScaleBar } from './print-scale.ts';

export type PageItem =
  /** y is the text's baseline. size in points. */
  | { kind: 'text'; x: number; y: number; size: number; text: string; color: RGB; align?: 'left' | 'right' | 'center' }
  | {
      kind: 'rect';
      x: number;
      y: number;
      w: number;
      h: number;
      fill?: RGB;
      fillOpacity?: number;
      stroke?: RGB;
      strokeWidth?: number;
      dash?: number[];
    }
  | { kind: 'circle'; cx: number; cy: number; r: number; fill: RGB; stroke?: RGB; strokeWidth?: number }
  | { kind: 'polygon'; points: [number, number][]; fill: RGB; stroke?: RGB; strokeWidth?: number }
  | { kind: 'map'; x: number; y: number; w: number; h: number };

/** Width of a text in mm at a size in points, as the writer's font sets it. */
export type Measure = (text: string, sizePt: number) => number;

export interface PageContent {
  title: string;
  subtitle: string;
  blocks: LegendBlock[];
  scale: { bar: PaperScaleBar; ratio: string; heading: string; barLabel: string; zeroLabel: string };
  north: string;
  notes: string[];
}

export interface PageLayout {
  items: PageItem[];
  /** Where the scale bar's baseline was put: its left end and length in mm. */
  scaleBar: { x: number; y: number; mm: number };
}

const INK: RGB = [31, 42, 36];
const MUTED: RGB = [85, 85, 85];
const WHITE: RGB = [255, 255, 255];
const FRAME: RGB = [60, 60, 60];

/** Lines of at most maxMm: English breaks at spaces, Chinese between any two characters. */
export function wrapText(text: string, maxMm: number, size: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line && measure(line + ch, size) > maxMm) {
      const space = line.lastIndexOf(' ');
      if (space > 0 && ch !== ' ') {
        lines.push(line.slice(0, space));
        line = line.slice(space + 1) + ch;
      } else {
        lines.push(line);
        line = ch === ' ' ? '' : ch;
      }
    } else line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

const lineHeight = (size: number) => (size * 1.35) / PT_PER_MM;

function swatchItems(swatch: Swatch, x: number, y: number, size: number): PageItem[] {
  // A swatch as tall as a line of body text, its top at y.
  const h = size * 0.9;
  const w = h * 1.45;
  if (swatch.shape === 'dot')
    return [{ kind: 'circle', cx: x + w / 2, cy: y + h / 2, r: h * 0.38, fill: swatch.color, stroke: WHITE, strokeWidth: 0.1 }];
  if (swatch.shape === 'square') return [{ kind: 'rect', x, y, w, h, fill: swatch.color }];
  const { style } = swatch;
  return [
    {
      kind: 'rect',
      x,
      y,
      w,
      h,
      fill: hexRgb(style.fill),
      fillOpacity: zoneSwatchOpacity(style),
      stroke: hexRgb(style.line),
      strokeWidth: 0.35,
      dash: style.dashed ? [0.8, 0.5] : undefined,
    },
  ];
}

export const hexRgb = (css: string): RGB => [1, 3, 5].map((i) => Number.parseInt(css.slice(i, i + 2), 16)) as RGB;

/** Lays the panel out in columns from its top-left; what does not fit the last column is left off. */
class Flow {
  items: PageItem[] = [];
  private col = 0;
  y: number;
  constructor(
    private readonly panel: Box,
    private readonly column: number,
    private readonly measure: Measure,
  ) {
    this.y = panel.y;
  }
  get x() {
    return this.panel.x + this.col * (this.column + 4);
  }
  get width() {
    return this.column;
  }
  /** Room for h mm more; moves to the next column when not. False when no column is left. */
  room(h: number): boolean {
    if (this.y + h <= this.panel.y + this.panel.h) return true;
    if (this.x + 2 * this.column + 4 > this.panel.x + this.panel.w + 0.01) return false;
    this.col += 1;
    this.y = this.panel.y;
    return true;
  }
  text(s: string, size: number, color: RGB, indent = 0): void {
    for (const line of wrapText(s, this.width - indent, size, this.measure)) {
      const h = lineHeight(size);
      if (!this.room(h)) return;
      this.items.push({ kind: 'text', x: this.x + indent, y: this.y + h * 0.78, size, text: line, color });
      this.y += h;
    }
  }
}

function scaleBarItems(g: PageGeometry, content: PageContent, measure: Measure): { items: PageItem[]; bar: PageLayout['scaleBar'] } {
  const { bar } = content.scale;
  const size = g.type.body;
  const pad = 2.5;
  const labelW = measure(content.scale.barLabel, size);
  const boxW = bar.mm + labelW / 2 + measure(content.scale.zeroLabel, size) / 2 + 2 * pad + 1;
  const headingText = `${content.scale.heading} ${content.scale.ratio}`;
  const w = Math.max(boxW, measure(headingText, size) + 2 * pad);
  const h = lineHeight(size) * 2 + 3.5 + 2 * pad;
  const x = g.map.x + 3;
  const y = g.map.y + g.map.h - 3 - h;
  const barX = x + pad + measure(content.scale.zeroLabel, size) / 2;
  const baseY = y + pad + lineHeight(size) + 3;
  const items: PageItem[] = [
    { kind: 'rect', x, y, w, h, fill: WHITE, fillOpacity: 0.9, stroke: FRAME, strokeWidth: 0.2 },
    { kind: 'text', x: x + pad, y: y + pad + lineHeight(size) * 0.78, size, text: headingText, color: INK },
  ];
  // Four segments, alternately filled, over one unbroken baseline: the baseline is the bar's true length.
  const seg = bar.mm / 4;
  for (let i = 0; i < 4; i++)
    items.push({
      kind: 'rect',
      x: barX + i * seg,
      y: baseY - 1.6,
      w: seg,
      h: 1.6,
      fill: i % 2 ? WHITE : INK,
      stroke: INK,
      strokeWidth: 0.15,
    });
  items.push({ kind: 'rect', x: barX, y: baseY, w: bar.mm, h: 0.5, fill: INK });
  const labelY = baseY + 0.5 + lineHeight(size) * 0.8;
  items.push({ kind: 'text', x: barX, y: labelY, size, text: content.scale.zeroLabel, color: INK, align: 'center' });
  items.push({ kind: 'text', x: barX + bar.mm, y: labelY, size, text: content.scale.barLabel, color: INK, align: 'center' });
  return { items, bar: { x: barX, y: baseY, mm: bar.mm } };
}

function northArrowItems(g: PageGeometry, label: string): PageItem[] {
  const s = g.paper === 'A3' ? 12 : 9;
  const cx = g.map.x + g.map.w - 3 - s / 2;
  const top = g.map.y + 3;
  return [
    { kind: 'rect', x: cx - s / 2, y: top, w: s, h: s * 1.55, fill: WHITE, fillOpacity: 0.9, stroke: FRAME, strokeWidth: 0.2 },
    { kind: 'text', x: cx, y: top + s * 0.42, size: g.type.heading, text: label, color: INK, align: 'center' },
    // Two halves, dark and light, as a north arrow is commonly drawn.
    {
      kind: 'polygon',
      points: [
        [cx, top + s * 0.5],
        [cx - s * 0.28, top + s * 1.4],
        [cx, top + s * 1.18],
      ],
      fill: INK,
    },
    {
      kind: 'polygon',
      points: [
        [cx, top + s * 0.5],
        [cx + s * 0.28, top + s * 1.4],
        [cx, top + s * 1.18],
      ],
      fill: WHITE,
      stroke: INK,
      strokeWidth: 0.2,
    },
  ];
}

/** The whole page. The map image goes in g.map; everything else is vector. */
export function layoutPage(g: PageGeometry, content: PageContent, measure: Measure): PageLayout {
  const items: PageItem[] = [];
  const { title } = g;
  // A title longer than the page is wide is set smaller, never cut.
  const titleWidth = measure(content.title, g.type.title);
  const titleSize = titleWidth > title.w ? (g.type.title * title.w) / titleWidth : g.type.title;
  items.push({ kind: 'text', x: title.x, y: title.y + lineHeight(g.type.title) * 0.75, size: titleSize, text: content.title, color: INK });
  if (content.subtitle)
    items.push({
      kind: 'text',
      x: title.x,
      y: title.y + lineHeight(g.type.title) + lineHeight(g.type.subtitle) * 0.7,
      size: g.type.subtitle,
      text: content.subtitle,
      color: MUTED,
    });
  items.push({ kind: 'map', ...g.map });
  items.push({ kind: 'rect', ...g.map, stroke: FRAME, strokeWidth: 0.35 });
  const scale = scaleBarItems(g, content, measure);
  items.push(...scale.items, ...northArrowItems(g, content.north));

  const flow = new Flow(g.panel, g.column, measure);
  const size = g.type.body;
  for (const block of content.blocks) {
    if (block.title) flow.text(block.title, g.type.heading, INK);
    if (block.ramp && flow.room(7)) {
      const n = 24;
      const colors = block.ramp.colors;
      const w = Math.min(50, flow.width);
      for (let i = 0; i < n; i++) {
        const c = colors[Math.min(colors.length - 1, Math.floor((i / n) * colors.length))] as RGB;
        flow.items.push({ kind: 'rect', x: flow.x + (i * w) / n, y: flow.y + 0.5, w: w / n + 0.05, h: 2.5, fill: c });
      }
      flow.items.push({ kind: 'text', x: flow.x, y: flow.y + 6, size: g.type.note, text: block.ramp.from, color: MUTED });
      flow.items.push({ kind: 'text', x: flow.x + w, y: flow.y + 6, size: g.type.note, text: block.ramp.to, color: MUTED, align: 'right' });
      flow.y += 7.5;
    }
    for (const entry of block.entries) {
      const h = lineHeight(size);
      if (!flow.room(h)) break;
      const top = flow.y + (h - (size * 0.9) / PT_PER_MM) / 2;
      flow.items.push(...swatchItems(entry.swatch, flow.x, top, size / PT_PER_MM));
      flow.text(entry.label, size, INK, (size * 1.45) / PT_PER_MM + 1.5);
    }
    if (block.note) flow.text(block.note, g.type.note, MUTED);
    flow.y += 2;
  }
  flow.y += 1;
  for (const note of content.notes) {
    flow.text(note, g.type.note, MUTED);
    flow.y += 0.8;
  }
  items.push(...flow.items);
  return { items, scaleBar: scale.bar };
}
