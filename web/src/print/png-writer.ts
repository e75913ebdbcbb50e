/**
 * Draws the laid-out page (page-layout.ts) on a canvas at 300 dpi, for a PNG: the same items the
 * PDF writer draws, with the browser's own fonts.
 */
import type { RGB } from '../map/palette.ts';
import { layoutPage, type Measure, type PageContent, type PageItem, type PageLayout } from './page-layout.ts';
import { mmToPx, type PageGeometry, PT_PER_MM } from './paper.ts';

const FONT = '"Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif';
const css = (c: RGB, a = 1) => `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${a})`;

function drawItem(ctx: CanvasRenderingContext2D, item: PageItem, map: HTMLCanvasElement): void {
  switch (item.kind) {
    case 'map':
      ctx.drawImage(map, item.x, item.y, item.w, item.h);
      return;
    case 'text':
      ctx.font = `${item.size / PT_PER_MM}px ${FONT}`;
      ctx.textAlign = item.align ?? 'left';
      ctx.fillStyle = css(item.color);
      ctx.fillText(item.text, item.x, item.y);
      return;
    case 'rect':
      if (item.fill) {
        ctx.fillStyle = css(item.fill, item.fillOpacity ?? 1);
        ctx.fillRect(item.x, item.y, item.w, item.h);
      }
      if (item.stroke) {
        ctx.strokeStyle = css(item.stroke);
        ctx.lineWidth = item.strokeWidth ?? 0.2;
        ctx.setLineDash(item.dash ?? []);
        ctx.strokeRect(item.x, item.y, item.w, item.h);
        ctx.setLineDash([]);
      }
      return;
    case 'circle':
      ctx.beginPath();
      ctx.arc(item.cx, item.cy, item.r, 0, Math.PI * 2);
      ctx.fillStyle = css(item.fill);
      ctx.fill();
      if (item.stroke) {
        ctx.strokeStyle = css(item.stroke);
        ctx.lineWidth = item.strokeWidth ?? 0.2;
        ctx.stroke();
      }
      return;
    case 'polygon':
      ctx.beginPath();
      for (const [i, [x, y]] of item.points.entries()) i ? ctx.lineTo(x, y) : ctx.moveTo(x, y);
      ctx.closePath();
      ctx.fillStyle = css(item.fill);
      ctx.fill();
      if (item.stroke) {
        ctx.strokeStyle = css(item.stroke);
        ctx.lineWidth = item.strokeWidth ?? 0.2;
        ctx.stroke();
      }
      return;
  }
}

/** The page on a canvas of dpi, white behind. */
export function drawPagePng(
  g: PageGeometry,
  content: PageContent,
  map: HTMLCanvasElement,
  dpi: number,
): { canvas: HTMLCanvasElement; layout: PageLayout } {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(mmToPx(g.width, dpi));
  canvas.height = Math.round(mmToPx(g.height, dpi));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error(`the browser gave no 2D canvas of ${canvas.width} × ${canvas.height} px for the page`);
  const measure: Measure = (text, size) => {
    ctx.font = `${size / PT_PER_MM}px ${FONT}`;
    return ctx.measureText(text).width;
  };
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  // Everything is laid out in mm; one scale puts it on the canvas's pixels.
  ctx.scale(mmToPx(1, dpi), mmToPx(1, dpi));
  ctx.textBaseline = 'alphabetic';
  const layout = layoutPage(g, content, measure);
  for (const item of layout.items) drawItem(ctx, item, map);
  return { canvas, layout };
}
