/**
 * Writes the laid-out page (page-layout.ts) as a PDF with pdf-lib: text, frame, legend, scale bar
 * and north arrow as vectors, the map as one image at print resolution. Chinese needs a font that
 * has it: the one the server finds on its system (print-font.ts), embedded as a subset of the
 * characters used, so a page carries some kilobytes of font, not megabytes.
 */
import fontkit from '@pdf-lib/fontkit';
import { type Color, LineCapStyle, PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import type { RGB } from '../map/palette.ts';
import { layoutPage, type Measure, type PageContent, type PageItem, type PageLayout } from './page-layout.ts';
import { type PageGeometry, PT_PER_MM } from './paper.ts';

/** A font collection (.ttc) holds several faces; pdf-lib wants one, so take the first. */
const firstFace = {
  create: (data: Uint8Array, postscriptName?: string) => {
    const font = fontkit.create(data, postscriptName);
    const faces: unknown = (font as { fonts?: unknown }).fonts;
    return Array.isArray(faces) && faces.length ? (faces[0] as typeof font) : font;
  },
};

const color = (c: RGB): Color => rgb(c[0] / 255, c[1] / 255, c[2] / 255);

export interface PdfPageInput {
  geometry: PageGeometry;
  content: PageContent;
  /** The map frame at print resolution, JPEG-encoded (a PNG of 11 megapixels is slow to re-encode). */
  mapJpeg: Uint8Array;
  font: Uint8Array;
  meta: { title: string; subject: string; keywords: string[]; lang: string };
}

export interface PdfDocumentOut {
  doc: PDFDocument;
  font: PDFFont;
  layout: PageLayout;
}

function drawItem(page: PDFPage, item: PageItem, height: number, font: PDFFont, map: () => void): void {
  const X = (mm: number) => mm * PT_PER_MM;
  const Y = (mm: number) => (height - mm) * PT_PER_MM;
  switch (item.kind) {
    case 'map':
      map();
      return;
    case 'text': {
      const w = font.widthOfTextAtSize(item.text, item.size);
      const x = X(item.x) - (item.align === 'right' ? w : item.align === 'center' ? w / 2 : 0);
      page.drawText(item.text, { x, y: Y(item.y), size: item.size, font, color: color(item.color) });
      return;
    }
    case 'rect':
      page.drawRectangle({
        x: X(item.x),
        y: Y(item.y + item.h),
        width: X(item.w),
        height: X(item.h),
        color: item.fill ? color(item.fill) : undefined,
        opacity: item.fill ? (item.fillOpacity ?? 1) : undefined,
        borderColor: item.stroke ? color(item.stroke) : undefined,
        borderWidth: item.stroke ? X(item.strokeWidth ?? 0.2) : 0,
        borderDashArray: item.dash?.map(X),
      });
      return;
    case 'circle':
      page.drawCircle({
        x: X(item.cx),
        y: Y(item.cy),
        size: X(item.r),
        color: color(item.fill),
        borderColor: item.stroke ? color(item.stroke) : undefined,
        borderWidth: item.stroke ? X(item.strokeWidth ?? 0.2) : 0,
      });
      return;
    case 'polygon': {
      // drawSvgPath flips y itself: give it points relative to (x, y) with y growing downwards.
      const [first, ...rest] = item.points;
      if (!first) return;
      const path = `M ${X(first[0])} ${X(first[1])} ${rest.map(([x, y]) => `L ${X(x)} ${X(y)}`).join(' ')} Z`;
      page.drawSvgPath(path, {
        x: 0,
        y: height * PT_PER_MM,
        color: color(item.fill),
        borderColor: item.stroke ? color(item.stroke) : undefined,
        borderWidth: item.stroke ? X(item.strokeWidth ?? 0.2) : undefined,
        borderLineCap: LineCapStyle.Round,
      });
      return;
    }
  }
}

/** The map page: a new PDF with the page laid out and drawn. */
export async function writeMapPdf(input: PdfPageInput): Promise<PdfDocumentOut> {
  const { geometry: g } = input;
  const doc = await PDFDocument.create();
  doc.registerFontkit(firstFace);
  const font = await doc.embedFont(input.font, { subset: true });
  const measure: Measure = (text, size) => font.widthOfTextAtSize(text, size) / PT_PER_MM;
  const layout = layoutPage(g, input.content, measure);
  const page = doc.addPage([g.width * PT_PER_MM, g.height * PT_PER_MM]);
  const image = await doc.embedJpg(input.mapJpeg);
  const drawMap = () =>
    page.drawImage(image, {
      x: g.map.x * PT_PER_MM,
      y: (g.height - g.map.y - g.map.h) * PT_PER_MM,
      width: g.map.w * PT_PER_MM,
      height: g.map.h * PT_PER_MM,
    });
  for (const item of layout.items) drawItem(page, item, g.height, font, drawMap);
  doc.setTitle(input.meta.title);
  doc.setSubject(input.meta.subject);
  doc.setKeywords(input.meta.keywords);
  doc.setLanguage(input.meta.lang);
  doc.setCreator('Greenline');
  doc.setProducer('Greenline (pdf-lib)');
  return { doc, font, layout };
}

/**
 * The hook for the region dashboard's charts as further pages: each SVG is drawn as an image at
 * print resolution, two a page, under a heading. Callers pass the SVG strings the charts expose.
 */
export async function appendChartPages(
  out: PdfDocumentOut,
  g: PageGeometry,
  heading: string,
  svgs: readonly string[],
  rasterise: (svg: string, widthPx: number) => Promise<Uint8Array>,
): Promise<void> {
  const perPage = 2;
  for (let i = 0; i < svgs.length; i += perPage) {
    const page = out.doc.addPage([g.width * PT_PER_MM, g.height * PT_PER_MM]);
    const size = g.type.subtitle + 2;
    page.drawText(heading, {
      x: g.margin * PT_PER_MM,
      y: (g.height - g.margin) * PT_PER_MM - size,
      size,
      font: out.font,
      color: color([31, 42, 36]),
    });
    const slotH = (g.height - 2 * g.margin - 12) / perPage;
    const w = g.width - 2 * g.margin;
    const captionSize = g.type.subtitle;
    const captionMm = captionSize / PT_PER_MM + 2;
    for (let k = 0; k < perPage && i + k < svgs.length; k++) {
      const svg = svgs[i + k] as string;
      const top = g.margin + 12 + k * slotH;
      // Each chart under its own title, as text (searchable, sharp); the chart itself as an image.
      const caption = svgTitle(svg);
      if (caption)
        page.drawText(caption, {
          x: g.margin * PT_PER_MM,
          y: (g.height - top) * PT_PER_MM - captionSize,
          size: captionSize,
          font: out.font,
          color: color([31, 42, 36]),
        });
      const png = await out.doc.embedPng(await rasterise(svg, Math.round((w / 25.4) * 300)));
      const fit = Math.min((w * PT_PER_MM) / png.width, ((slotH - 4 - captionMm) * PT_PER_MM) / png.height);
      page.drawImage(png, {
        x: g.margin * PT_PER_MM,
        y: (g.height - top - captionMm) * PT_PER_MM - png.height * fit,
        width: png.width * fit,
        height: png.height * fit,
      });
    }
  }
}

/** The text of an SVG document's first <title>, the name chart-svg.ts gives every chart. */
export function svgTitle(svg: string): string | null {
  const m = svg.match(/<title>([^<]*)<\/title>/);
  if (!m) return null;
  return (
    (m[1] as string)
      .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
      .replace(/&amp;/g, '&')
      .trim() || null
  );
}
