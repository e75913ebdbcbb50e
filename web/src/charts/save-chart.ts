/**
 * Saves a chart's SVG markup (chartSvg) as PNG (via an image and a canvas, all in the browser) and
 * rows as CSV with a BOM for Excel. A saved PNG carries what it shows as text too (PNG iTXt chunks:
 * Title, Creation Time, Description), so a report, a file search or a screen reader can tell what
 * it is.
 */
import CRC32 from 'crc-32';
import { roundForPeople } from '../../../server/domain/units.ts';
import { csvText } from '../../../server/export/csv-text.ts';

/** What a saved chart says above itself: what it shows, whose it is and when it was saved. */
export interface ChartHeading {
  /** The chart's title, in the UI's language. */
  title: string;
  /** The region the chart is of, in the UI's language. */
  region: string;
  /** The date, in the UI's locale (messages' savedOn). */
  date: string;
}

const FONT = '"Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
const HEADING_HEIGHT = 40;

/** Draws the chart under a heading naming its region and title, and the date, at twice its size. */
export async function svgToPng(svg: string, fileName: string, heading: ChartHeading): Promise<void> {
  const title = heading.title ? `${heading.region} · ${heading.title}` : heading.region;
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  const scale = 2;
  // The markup's own width and height: the chart's size on screen.
  const width = img.naturalWidth;
  const height = img.naturalHeight;
  if (!(width > 0 && height > 0)) throw new Error(`the chart for ${fileName} has no size (${width}×${height} px)`);
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = (height + HEADING_HEIGHT) * scale;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('the browser gave no 2D canvas to draw the chart');
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height + HEADING_HEIGHT);
  ctx.fillStyle = '#1f2a24';
  ctx.font = `600 13px ${FONT}`;
  ctx.fillText(title, 8, 17, width - 16);
  ctx.fillStyle = '#555';
  ctx.font = `11px ${FONT}`;
  ctx.fillText(heading.date, 8, 33, width - 16);
  ctx.drawImage(img, 0, HEADING_HEIGHT);
  await downloadPng(canvas, fileName, { Title: title, 'Creation Time': heading.date });
}

/** Saves a canvas as a PNG carrying the given text chunks. */
export async function downloadPng(canvas: HTMLCanvasElement, fileName: string, text: Record<string, string>): Promise<void> {
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error(`the browser could not encode ${fileName} (${canvas.width}×${canvas.height} px) as PNG`);
  const png = withPngText(new Uint8Array(await blob.arrayBuffer()), text);
  download(new Blob([png], { type: 'image/png' }), fileName);
}

const PNG_SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];
/** The signature, then IHDR: 4 bytes of length, 4 of type, 13 of data, 4 of CRC. */
const AFTER_IHDR = 8 + 4 + 4 + 13 + 4;

/**
 * A PNG with uncompressed international text chunks (iTXt, UTF-8, so Chinese survives) after its
 * header. Keywords are Latin-1, 1–79 characters (PNG spec 11.3.4); "Title" and "Description" are
 * the registered ones readers show.
 */
export function withPngText(png: Uint8Array, text: Record<string, string>): Uint8Array<ArrayBuffer> {
  if (PNG_SIGNATURE.some((b, i) => png[i] !== b) || String.fromCharCode(...png.subarray(12, 16)) !== 'IHDR')
    throw new Error(`not a PNG: it starts with bytes ${[...png.subarray(0, 16)].join(',')}`);
  const utf8 = new TextEncoder();
  const chunks = Object.entries(text).map(([keyword, value]) => {
    if (!/^[\x20-\x7e]{1,79}$/.test(keyword))
      throw new Error(`PNG text keyword must be 1–79 printable Latin-1 characters, got "${keyword}"`);
    // keyword, NUL, compression flag 0, method 0, empty language tag and translated keyword (NUL each), text.
    const data = new Uint8Array([...utf8.encode(keyword), 0, 0, 0, 0, 0, ...utf8.encode(value)]);
    const chunk = new Uint8Array(12 + data.length);
    const view = new DataView(chunk.buffer);
    view.setUint32(0, data.length);
    chunk.set(utf8.encode('iTXt'), 4);
    chunk.set(data, 8);
    view.setUint32(8 + data.length, CRC32.buf(chunk.subarray(4, 8 + data.length)) >>> 0);
    return chunk;
  });
  const size = png.length + chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(size);
  out.set(png.subarray(0, AFTER_IHDR), 0);
  let at = AFTER_IHDR;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  out.set(png.subarray(AFTER_IHDR), at);
  return out;
}

/** Numbers as people read them (890.9, not 890.8760000000001): a chart's CSV is read, not recomputed. */
export function rowsToCsv(header: string[], rows: unknown[][]): string {
  return csvText(
    header,
    rows.map((r) => r.map((v) => (typeof v === 'number' ? roundForPeople(v) : v))),
  );
}

export function downloadCsv(csv: string, fileName: string): void {
  download(new Blob([csv], { type: 'text/csv;charset=utf-8' }), fileName);
}

/** Saves a file the page made; the object URL lives a minute, long enough for a large PDF to be taken. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
