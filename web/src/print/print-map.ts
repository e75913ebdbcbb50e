/**
 * Draws the map for a print frame: an offscreen MapLibre map with the planner map's style (basemap,
 * zones, choropleth, each as shown), sized in CSS pixels for the frame and drawn at 300 dpi, and a
 * deck.gl canvas over it with the enterprises, labels and drawings (live-map.ts). MapLibre keeps
 * its canvas under 4096 px a side unless told otherwise, which an A3 frame at 300 dpi passes, so
 * the limit is raised to what SwiftShader allows; where the renderer allows less, MapLibre lowers
 * the pixel ratio and the result says what resolution it reached.
 */
import { Deck, MapView } from '@deck.gl/core';
import * as maplibregl from 'maplibre-gl';
import { boxOfLonLat } from '../../../server/domain/geometry/mercator.ts';
import type { DrawnEnterprises } from '../map/legend-report.ts';
import { type LiveMap, printLayers } from './live-map.ts';
import { CSS_DPI } from './print-scale.ts';

export interface PrintMapRequest {
  live: LiveMap;
  css: { w: number; h: number };
  pixelRatio: number;
  centre: [number, number];
  /** The zoom of a stated scale; null fits bounds instead. */
  zoom: number | null;
  bounds: [number, number, number, number] | null;
  onStep: (step: 'basemap' | 'enterprises' | 'compose') => void;
}

export interface PrintedMap {
  canvas: HTMLCanvasElement;
  zoom: number;
  centre: { lng: number; lat: number };
  /** Measured on the print map: ground metres across 100 CSS px at its centre, over 100. */
  metresPerCssPixel: number;
  /** What resolution the map was drawn at, in dots per inch of paper. */
  dpi: number;
  drawn: DrawnEnterprises | null;
}

/** The most pixels a side SwiftShader renders to. */
const MAX_CANVAS: [number, number] = [8192, 8192];
const TIMEOUT_MS = 120_000;

function within<T>(promise: Promise<T>, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the print map did not finish ${what} within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/**
 * Lets the page run its timers, input and a frame before the next stretch of WebGL work: in software
 * WebGL each stretch (deck.gl's first frame, tearing down the map's 11-megapixel context) holds the
 * page for seconds, and back to back they would hold it for the sum.
 */
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 50));

/** Resolves once MapLibre has loaded the style and drawn every tile of the view. */
function mapIdle(map: maplibregl.Map): Promise<void> {
  return new Promise((resolve, reject) => {
    map.once('error', (e) => reject(e.error ?? new Error('the print map failed to load its style')));
    map.once('idle', () => resolve());
  });
}

export async function renderPrintMap(req: PrintMapRequest): Promise<PrintedMap> {
  const container = document.createElement('div');
  container.setAttribute('aria-hidden', 'true');
  container.style.cssText = `position:fixed;left:-${req.css.w + 100}px;top:0;width:${req.css.w}px;height:${req.css.h}px;pointer-events:none;`;
  document.body.append(container);
  let map: maplibregl.Map | null = null;
  // Set inside the promise below; a holder, so the finally block sees it.
  const held: { deck: Deck<MapView> | null } = { deck: null };
  try {
    map = new maplibregl.Map({
      container,
      style: req.live.map.getStyle(),
      ...(req.zoom === null && req.bounds
        ? { bounds: req.bounds, fitBoundsOptions: { padding: 0 } }
        : { center: req.centre, zoom: req.zoom ?? 0 }),
      pixelRatio: req.pixelRatio,
      maxCanvasSize: MAX_CANVAS,
      interactive: false,
      attributionControl: false,
      fadeDuration: 0,
      maxPitch: 0,
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
    });
    req.onStep('basemap');
    await within(mapIdle(map), 'the basemap');
    const centre = map.getCenter();
    const zoom = map.getZoom();
    const y = req.css.h / 2;
    const metresPerCssPixel = map.unproject([req.css.w / 2 - 50, y]).distanceTo(map.unproject([req.css.w / 2 + 50, y])) / 100;
    const b = map.getBounds();
    const mapCanvas = map.getCanvas();
    const ratio = mapCanvas.width / req.css.w;

    req.onStep('enterprises');
    await yieldToPage();
    const { layers, drawn } = printLayers(
      req.live,
      boxOfLonLat(b.getWest(), b.getSouth(), b.getEast(), b.getNorth()),
      zoom,
      ratio,
      centre.lat,
    );
    const deckCanvas = document.createElement('canvas');
    container.append(deckCanvas);
    await within(
      new Promise<void>((resolve, reject) => {
        held.deck = new Deck({
          canvas: deckCanvas,
          width: req.css.w,
          height: req.css.h,
          useDevicePixels: ratio,
          views: new MapView({ repeat: true }),
          viewState: { longitude: centre.lng, latitude: centre.lat, zoom, pitch: 0, bearing: 0 },
          controller: false,
          layers,
          deviceProps: { type: 'webgl', webgl: { preserveDrawingBuffer: true } },
          onError: (e: Error) => reject(e),
          // The labels' font atlas and the textures load after the first frame: wait for a frame with all of them.
          onAfterRender: () => {
            if (layers.every((l) => l.isLoaded)) resolve();
          },
        });
      }),
      'the enterprises and labels',
    );

    req.onStep('compose');
    await yieldToPage();
    const out = document.createElement('canvas');
    out.width = mapCanvas.width;
    out.height = mapCanvas.height;
    const ctx = out.getContext('2d');
    if (!ctx) throw new Error(`the browser gave no 2D canvas of ${out.width} × ${out.height} px for the print map`);
    // Where WebGL is drawn in software, the drawing is still being done when the canvases say they
    // are drawn; reading them with drawImage (or removing the map) then stops the page until it is
    // (some 10 s for an A3 frame in SwiftShader). createImageBitmap waits for it without stopping it.
    const [base, over] = await within(Promise.all([createImageBitmap(mapCanvas), createImageBitmap(deckCanvas)]), 'drawing');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(base, 0, 0);
    ctx.drawImage(over, 0, 0, out.width, out.height);
    base.close();
    over.close();
    return { canvas: out, zoom, centre, metresPerCssPixel, dpi: ratio * CSS_DPI, drawn };
  } finally {
    await yieldToPage();
    held.deck?.finalize();
    await yieldToPage();
    map?.remove();
    container.remove();
  }
}
