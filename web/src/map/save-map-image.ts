/**
 * Saves what the map shows as a PNG: the basemap canvas, the deck.gl canvas over it, and the
 * legend drawn beside them from the same legend data the on-screen legend uses.
 */
import { hex, type RGB } from './palette.ts';

export interface ImageLegend {
  title: string;
  items: { label: string; color: RGB }[];
  ramp?: { colors: RGB[]; from: string; to: string };
}

const LEGEND_WIDTH = 260;

export function composeMapImage(canvases: HTMLCanvasElement[], legends: ImageLegend[], caption: string): HTMLCanvasElement {
  const base = canvases[0];
  const width = base?.width ?? 800;
  const height = base?.height ?? 600;
  const ratio = window.devicePixelRatio || 1;
  const out = document.createElement('canvas');
  out.width = width + LEGEND_WIDTH * ratio;
  out.height = height;
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('the browser gave no 2D canvas to compose the image');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  for (const c of canvases) ctx.drawImage(c, 0, 0, width, height);
  ctx.scale(ratio, ratio);
  let y = 20;
  const x = width / ratio + 12;
  ctx.fillStyle = '#1f2a24';
  ctx.font = '600 13px "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
  ctx.fillText(caption, x, y);
  y += 22;
  for (const legend of legends) {
    ctx.font = '600 12px "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
    ctx.fillStyle = '#1f2a24';
    ctx.fillText(legend.title, x, y);
    y += 16;
    ctx.font = '12px "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
    if (legend.ramp) {
      const g = ctx.createLinearGradient(x, 0, x + 200, 0);
      const colors = legend.ramp.colors;
      for (let i = 0; i < colors.length; i++) g.addColorStop(i / (colors.length - 1), hex(colors[i] as RGB));
      ctx.fillStyle = g;
      ctx.fillRect(x, y, 200, 10);
      ctx.fillStyle = '#444';
      ctx.fillText(legend.ramp.from, x, y + 24);
      ctx.fillText(legend.ramp.to, x + 200 - ctx.measureText(legend.ramp.to).width, y + 24);
      y += 34;
    }
    for (const item of legend.items) {
      ctx.fillStyle = hex(item.color);
      ctx.beginPath();
      ctx.arc(x + 5, y - 4, 5, 0, Math.PI * 2);
      ctx.fill();
      ctx.fillStyle = '#333';
      ctx.fillText(item.label, x + 16, y);
      y += 17;
    }
    y += 10;
  }
  return out;
}

export function downloadCanvas(canvas: HTMLCanvasElement, fileName: string): void {
  canvas.toBlob((blob) => {
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }, 'image/png');
}
