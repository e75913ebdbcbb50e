/**
 * The plants of a subset painted on the CPU into one RGBA bitmap, for renderers that draw WebGL in
 * software: SwiftShader spends some 15–25 µs on each of deck.gl's instanced dots, while painting a
 * dot into a typed array costs well under a microsecond, and the bitmap is then a single textured
 * quad (layers/painted-layer.ts), as the cells are.
 *
 * The dots mean what deck.gl's ScatterplotLayer draws on a GPU (layers/enterprise-layer.ts): the
 * same colour and radius in pixels, no smaller than RADIUS_MIN_PIXELS, in the subset's order (later
 * plants over earlier ones), with a light rim where the GPU strokes a half-pixel white outline. A
 * half-pixel line cannot be drawn on whole pixels without antialiasing, so the rim is the fill
 * blended towards white on the dot's edge pixels.
 */
import type { Box } from '../../../../server/domain/geometry/mercator.ts';
import type { PointSubset } from './point-subset.ts';

/** As radiusMinPixels on the ScatterplotLayer: the smallest a plant is drawn, in CSS pixels. */
export const RADIUS_MIN_PIXELS = 1.5;
/** How far the rim goes towards white (the GPU's outline is white at alpha 200, half a pixel wide). */
const RIM_WHITE = 0.4;

/** Where a bitmap lies in Web Mercator world units and how finely it is painted. */
export interface PaintFrame {
  /** World units of the bitmap's top-left corner. */
  minX: number;
  minY: number;
  /** Bitmap pixels per world unit. */
  scale: number;
  /** Bitmap pixels per CSS pixel, the unit plant radii are given in. */
  pixelRatio: number;
  width: number;
  height: number;
}

/** World units per CSS pixel at a zoom, as MapLibre draws tiles of 512 px. */
export const unitsPerPixel = (zoom: number) => 1 / (512 * 2 ** zoom);

/**
 * The frame covering a box at a zoom, at the given pixel ratio, lowered so neither side passes
 * maxSide (a texture limit). The box is widened to whole pixels from its top-left corner.
 */
export function paintFrame(box: Box, zoom: number, pixelRatio: number, maxSide: number): PaintFrame {
  const cssScale = 1 / unitsPerPixel(zoom);
  const cssSide = Math.max(box.maxX - box.minX, box.maxY - box.minY) * cssScale;
  const ratio = Math.min(pixelRatio, maxSide / cssSide);
  if (!(ratio > 0)) throw new Error(`Cannot paint a box ${cssSide} px across at pixel ratio ${pixelRatio} within ${maxSide} px.`);
  const scale = cssScale * ratio;
  return {
    minX: box.minX,
    minY: box.minY,
    scale,
    pixelRatio: ratio,
    width: Math.max(1, Math.ceil((box.maxX - box.minX) * scale)),
    height: Math.max(1, Math.ceil((box.maxY - box.minY) * scale)),
  };
}

/** The box a frame's bitmap covers exactly, whole pixels included. */
export const frameBox = (f: PaintFrame): Box => ({
  minX: f.minX,
  minY: f.minY,
  maxX: f.minX + f.width / f.scale,
  maxY: f.minY + f.height / f.scale,
});

/** A plant's drawn radius in CSS pixels: its own (or the fixed one), never below the minimum. */
export const drawnRadius = (subset: PointSubset, slot: number, fixedRadius: number) =>
  Math.max(subset.radii ? (subset.radii[slot] as number) : fixedRadius, RADIUS_MIN_PIXELS);

/** A colour with straight alpha, premultiplied and packed as the little-endian RGBA bytes of one pixel. */
function packPremultiplied(red: number, green: number, blue: number, alpha: number): number {
  const f = alpha / 255;
  return ((alpha << 24) | (Math.round(blue * f) << 16) | (Math.round(green * f) << 8) | Math.round(red * f)) >>> 0;
}

/** round(v · k / 255) for every byte v: what shows through of a pixel under a plant of alpha 255 − k. */
function throughTable(k: number): Uint8Array {
  const table = new Uint8Array(256);
  for (let v = 0; v < 256; v++) table[v] = Math.round((v * k) / 255);
  return table;
}

/**
 * Paints the subset's plants, whose world positions are read from `xy` (every enterprise's x, y,
 * mercator.ts) through `subset.index`, into a new straight-alpha RGBA bitmap of the frame's size.
 * Colours are composited "over" one another; pixels outside the bitmap are clipped.
 *
 * Hot loop: painting is done premultiplied in whole pixels (one 32-bit read and write each, the
 * blend by table lookups, no division), row spans from the circle's equation rather than a test per
 * pixel of the bounding square, and the bitmap is turned back to straight alpha once at the end.
 */
export function paintPoints(xy: Float32Array, subset: PointSubset, fixedRadius: number, frame: PaintFrame): Uint8ClampedArray {
  const { width, height, scale, minX, minY, pixelRatio } = frame;
  const out = new Uint8ClampedArray(width * height * 4);
  const pixels = new Uint32Array(out.buffer);
  const { index, colors } = subset;
  let through = throughTable(0);
  let throughK = 0;
  for (let j = 0; j < subset.count; j++) {
    const i = index[j] as number;
    const cx = ((xy[2 * i] as number) - minX) * scale;
    const cy = ((xy[2 * i + 1] as number) - minY) * scale;
    const r = drawnRadius(subset, j, fixedRadius) * pixelRatio;
    // Pixel centres within r + 0.5 of the centre are painted; those beyond r - 0.5 form the rim.
    const outer = r + 0.5;
    const y0 = Math.max(0, Math.ceil(cy - outer - 0.5));
    const y1 = Math.min(height - 1, Math.floor(cy + outer - 0.5));
    if (y0 > y1 || cx + outer + 0.5 < 0 || cx - outer - 0.5 > width) continue;
    const outer2 = outer * outer;
    const inner = Math.max(0, r - 0.5);
    const inner2 = inner * inner;
    const red = colors[4 * j] as number;
    const green = colors[4 * j + 1] as number;
    const blue = colors[4 * j + 2] as number;
    const alpha = colors[4 * j + 3] as number;
    if (alpha === 0) continue;
    const fill = packPremultiplied(red, green, blue, alpha);
    const rim = packPremultiplied(
      Math.round(red + (255 - red) * RIM_WHITE),
      Math.round(green + (255 - green) * RIM_WHITE),
      Math.round(blue + (255 - blue) * RIM_WHITE),
      alpha,
    );
    if (255 - alpha !== throughK) {
      throughK = 255 - alpha;
      through = throughTable(throughK);
    }
    for (let py = y0; py <= y1; py++) {
      const dy = py + 0.5 - cy;
      const dy2 = dy * dy;
      if (dy2 > outer2) continue;
      const half = Math.sqrt(outer2 - dy2);
      const xa = Math.max(0, Math.ceil(cx - half - 0.5));
      const xb = Math.min(width - 1, Math.floor(cx + half - 0.5));
      let ia = xb + 1;
      let ib = xb;
      if (dy2 <= inner2) {
        const innerHalf = Math.sqrt(inner2 - dy2);
        ia = Math.ceil(cx - innerHalf - 0.5);
        ib = Math.floor(cx + innerHalf - 0.5);
      }
      const row = py * width;
      for (let px = xa; px <= xb; px++) {
        const src = px >= ia && px <= ib ? fill : rim;
        const below = pixels[row + px] as number;
        if (below === 0 || throughK === 0) {
          pixels[row + px] = src;
          continue;
        }
        // Premultiplied "over": the plant, plus what shows through of what was painted before.
        pixels[row + px] =
          (src +
            ((through[below >>> 24] as number) << 24) +
            ((through[(below >>> 16) & 255] as number) << 16) +
            ((through[(below >>> 8) & 255] as number) << 8) +
            (through[below & 255] as number)) >>>
          0;
      }
    }
  }
  unpremultiply(pixels);
  return out;
}

function unpremultiply(pixels: Uint32Array): void {
  for (let p = 0; p < pixels.length; p++) {
    const v = pixels[p] as number;
    const a = v >>> 24;
    if (a === 0 || a === 255) continue;
    const f = 255 / a;
    pixels[p] =
      ((a << 24) |
        (Math.min(255, Math.round(((v >>> 16) & 255) * f)) << 16) |
        (Math.min(255, Math.round(((v >>> 8) & 255) * f)) << 8) |
        Math.min(255, Math.round((v & 255) * f))) >>>
      0;
  }
}
