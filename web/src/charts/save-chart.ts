/** Saves an SVG chart as PNG (via an image and a canvas, all in the browser) and rows as CSV with a BOM for Excel. */
import { roundForPeople } from '../../../server/domain/units.ts';

export async function svgToPng(svg: SVGSVGElement, fileName: string): Promise<void> {
  const text = new XMLSerializer().serializeToString(svg);
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  await img.decode();
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = svg.width.baseVal.value * scale;
  canvas.height = svg.height.baseVal.value * scale;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('the browser gave no 2D canvas to draw the chart');
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (blob) download(blob, fileName);
}

/** Numbers as people read them (890.9, not 890.8760000000001): a chart's CSV is read, not recomputed. */
const cell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(typeof v === 'number' ? roundForPeople(v) : v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function rowsToCsv(header: string[], rows: unknown[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

export function downloadCsv(csv: string, fileName: string): void {
  download(new Blob([csv], { type: 'text/csv;charset=utf-8' }), fileName);
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
