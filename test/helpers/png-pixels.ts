/**
 * Screenshots and saved PNGs read back as pixels in the test's own process (pngjs), for browser
 * tests that check what is drawn: how many pixels carry a colour, in what region.
 */
import { PNG } from 'pngjs';

export type RGB = readonly [number, number, number];

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, four bytes a pixel, row by row. */
  data: Uint8Array;
}

export function decodePng(png: Buffer): Pixels {
  const { width, height, data } = PNG.sync.read(png);
  return { width, height, data };
}

/** A test of one pixel by its colour. */
export type ColourTest = (r: number, g: number, b: number) => boolean;

/** Within `tolerance` of the colour on every channel. */
export const near =
  ([R, G, B]: RGB, tolerance: number): ColourTest =>
  (r, g, b) =>
    Math.abs(r - R) <= tolerance && Math.abs(g - G) <= tolerance && Math.abs(b - B) <= tolerance;

/** Near one of the colours (a pixel counts once). */
export const nearAny = (colours: readonly RGB[], tolerance: number): ColourTest => {
  const tests = colours.map((c) => near(c, tolerance));
  return (r, g, b) => tests.some((t) => t(r, g, b));
};

/** How many pixels pass the test, in the columns from `fromX` on (the whole image by default). */
export function countPixels({ width, height, data }: Pixels, test: ColourTest, fromX = 0): number {
  let n = 0;
  for (let y = 0; y < height; y++) {
    for (let x = fromX; x < width; x++) {
      const i = 4 * (y * width + x);
      if (test(data[i] as number, data[i + 1] as number, data[i + 2] as number)) n++;
    }
  }
  return n;
}

/** The longest horizontal run of pixels passing the test, in the columns from `fromX` on. */
export function longestRun({ width, height, data }: Pixels, test: ColourTest, fromX = 0): number {
  let longest = 0;
  for (let y = 0; y < height; y++) {
    let run = 0;
    for (let x = fromX; x < width; x++) {
      const i = 4 * (y * width + x);
      run = test(data[i] as number, data[i + 1] as number, data[i + 2] as number) ? run + 1 : 0;
      if (run > longest) longest = run;
    }
  }
  return longest;
}
