/**
 * One print, from the dialog's choices to a file: the font and the demo flag from the server, the
 * map drawn offscreen at the stated scale (print-map.ts), the legend of what that map draws, the
 * page laid out (page-layout.ts) and written as a PDF or a 300 dpi PNG.
 */
import { type LegendWords, legendBlocks, type MapLayerState } from '../map/image-legend.ts';
import type { MapController } from '../map/map-controller.ts';
import { dashboardChartSource, rasteriseSvg } from './chart-pages.ts';
import { readLiveMap } from './live-map.ts';
import type { PageContent } from './page-layout.ts';
import { frameSize, MM_PER_INCH, type Orientation, type Paper, PRINT_DPI, pageGeometry } from './paper.ts';
import { appendChartPages, writeMapPdf } from './pdf-writer.ts';
import { drawPagePng } from './png-writer.ts';
import { renderPrintMap } from './print-map.ts';
import { CSS_DPI, formatScale, paperScaleBar, type ScaleChoice, scaleForZoom, zoomForScale } from './print-scale.ts';
import { dataIsDemo, printFont, styleAttribution } from './print-sources.ts';

export interface PrintRequest {
  paper: Paper;
  orientation: Orientation;
  scale: ScaleChoice;
  title: string;
  subtitle: string;
  format: 'pdf' | 'png';
  /** Add the dashboard's charts as a page (PDF only; needs a registered chart source). */
  charts: boolean;
}

export type PrintStep = 'font' | 'basemap' | 'enterprises' | 'compose' | 'page' | 'done';

export interface PrintEnv {
  controller: MapController;
  words: LegendWords;
  layers: Omit<MapLayerState, 'drawn'>;
  onStep: (step: PrintStep) => void;
}

/** What was printed, as the file's metadata also says: for the reader, and for tests. */
export interface PrintFacts {
  denominator: number;
  zoom: number;
  centre: [number, number];
  /** Ground metres per point of paper at the map's centre, measured on the print map. */
  metresPerPoint: number;
  scaleBar: { metres: number; mm: number; x: number; y: number };
  dpi: number;
}

export interface PrintResult {
  blob: Blob;
  fileName: string;
  facts: PrintFacts;
  ms: number;
}

function toBlob(canvas: HTMLCanvasElement, type: string, quality?: number): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error(`could not encode the ${canvas.width} × ${canvas.height} px map as ${type}`))),
      type,
      quality,
    ),
  );
}

/** A stated scale as it is; a fitted one to three significant figures, as maps state it. */
const roundScale = (n: number) => Number(n.toPrecision(3));

export async function printMap(req: PrintRequest, env: PrintEnv): Promise<PrintResult> {
  const started = performance.now();
  const { t, lang } = env.words;
  const locale = lang === 'zh' ? 'zh-CN' : 'en';
  env.onStep('font');
  const [font, demo] = await Promise.all([req.format === 'pdf' ? printFont() : Promise.resolve(null), dataIsDemo()]);

  const g = pageGeometry(req.paper, req.orientation);
  const frame = frameSize(g.map, PRINT_DPI);
  // The frame exactly as many CSS pixels as the map is drawn in, so the image is not stretched.
  g.map = { ...g.map, w: (frame.css.w / CSS_DPI) * MM_PER_INCH, h: (frame.css.h / CSS_DPI) * MM_PER_INCH };
  const live = readLiveMap(env.controller);
  const c = live.map.getCenter();
  const b = live.map.getBounds();
  const printed = await renderPrintMap({
    live,
    css: frame.css,
    pixelRatio: frame.pixelRatio,
    centre: [c.lng, c.lat],
    zoom: req.scale.kind === 'stated' ? zoomForScale(req.scale.denominator, c.lat) : null,
    bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
    onStep: env.onStep,
  });

  env.onStep('page');
  const denominator = req.scale.kind === 'stated' ? req.scale.denominator : roundScale(scaleForZoom(printed.zoom, printed.centre.lat));
  const bar = paperScaleBar(req.scale.kind === 'stated' ? denominator : scaleForZoom(printed.zoom, printed.centre.lat), g.scaleBarMaxMm);
  const basemap = styleAttribution(live.map.getStyle()) || t.basemapKinds.offline;
  const content: PageContent = {
    title: req.title,
    subtitle: req.subtitle,
    blocks: legendBlocks({ ...env.layers, drawn: printed.drawn }, env.words),
    scale: {
      bar,
      ratio: `${req.scale.kind === 'fit' ? '≈ ' : ''}${formatScale(denominator, locale)}`,
      heading: t.print.scaleHeading,
      barLabel: t.scaleLength(bar.metres),
      zeroLabel: '0',
    },
    north: t.print.north,
    notes: [t.print.crs, t.print.sources(basemap), t.print.printedOn(t.savedOn(new Date())), ...(demo ? [t.illustrative] : [])],
  };
  const metresPerPoint = (printed.metresPerCssPixel * CSS_DPI) / 72;
  const centre: [number, number] = [printed.centre.lng, printed.centre.lat];
  const factsOf = (layoutBar: { x: number; y: number; mm: number }): PrintFacts => ({
    denominator,
    zoom: printed.zoom,
    centre,
    metresPerPoint,
    scaleBar: { metres: bar.metres, ...layoutBar },
    dpi: printed.dpi,
  });
  const stem = `greenline-map-${req.paper}-${req.orientation}`;

  if (req.format === 'png' || !font) {
    const { canvas, layout } = drawPagePng(g, content, printed.canvas, PRINT_DPI);
    const blob = await toBlob(canvas, 'image/png');
    env.onStep('done');
    return { blob, fileName: `${stem}.png`, facts: factsOf(layout.scaleBar), ms: performance.now() - started };
  }
  const mapJpeg = new Uint8Array(await (await toBlob(printed.canvas, 'image/jpeg', 0.92)).arrayBuffer());
  const out = await writeMapPdf({
    geometry: g,
    content,
    mapJpeg,
    font,
    meta: {
      title: req.title,
      subject: req.subtitle,
      lang: locale,
      keywords: [
        `scale=1:${denominator}`,
        `centre=${centre[0].toFixed(5)},${centre[1].toFixed(5)}`,
        `zoom=${printed.zoom.toFixed(5)}`,
        `metres-per-point=${metresPerPoint.toFixed(3)}`,
        `scale-bar=${bar.metres} m`,
        `map-dpi=${Math.round(printed.dpi)}`,
      ],
    },
  });
  const charts = dashboardChartSource();
  if (req.charts && charts)
    await appendChartPages(out, g, `${t.print.chartsHeading} · ${charts.region}`, await charts.give(), rasteriseSvg);
  const bytes = await out.doc.save();
  env.onStep('done');
  return {
    blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }),
    fileName: `${stem}.pdf`,
    facts: factsOf(out.layout.scaleBar),
    ms: performance.now() - started,
  };
}
