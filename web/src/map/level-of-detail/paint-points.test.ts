import { describe, expect, it } from 'vitest';
import { frameBox, type PaintFrame, paintFrame, paintPoints, RADIUS_MIN_PIXELS, unitsPerPixel } from './paint-points.ts';
import type { PointSubset } from './point-subset.ts';

/** A 20 × 10 px bitmap at world origin, one world unit per pixel. */
const frame = (over: Partial<PaintFrame> = {}): PaintFrame => ({
  minX: 0,
  minY: 0,
  scale: 1,
  pixelRatio: 1,
  width: 20,
  height: 10,
  ...over,
});

/** Plants at the given world positions (global index = place in the list), coloured and sized per plant. */
function plants(at: [number, number][], colors: number[][], radii: number[] | null) {
  const xy = new Float32Array(at.flat());
  const subset: PointSubset = {
    count: at.length,
    index: Uint32Array.from(at.keys()),
    positions: new Float32Array(at.length * 3),
    colors: new Uint8Array(colors.flat()),
    radii: radii ? new Float32Array(radii) : null,
  };
  return { xy, subset };
}

const pixel = (image: Uint8ClampedArray, f: PaintFrame, x: number, y: number) => [
  ...image.subarray((y * f.width + x) * 4, (y * f.width + x) * 4 + 4),
];
const painted = (image: Uint8ClampedArray) => image.filter((_, k) => k % 4 === 3 && image[k] !== 0).length;

describe('paintPoints', () => {
  it('puts a dot at its pixel in its colour, with a lighter rim', () => {
    const { xy, subset } = plants([[5.5, 4.5]], [[200, 0, 0, 255]], [3]);
    const f = frame();
    const image = paintPoints(xy, subset, 3, f);
    expect(pixel(image, f, 5, 4)).toEqual([200, 0, 0, 255]);
    expect(pixel(image, f, 8, 4)).toEqual([255 * 0.4 + 200 * 0.6, 102, 102, 255].map(Math.round));
    expect(pixel(image, f, 10, 4)).toEqual([0, 0, 0, 0]);
  });

  it('places the dot by the frame origin and scale', () => {
    const { xy, subset } = plants([[100.25, 200.25]], [[0, 0, 255, 255]], null);
    const f = frame({ minX: 100, minY: 200, scale: 20 });
    expect(pixel(paintPoints(xy, subset, 1, f), f, 5, 5)).toEqual([0, 0, 255, 255]);
  });

  it('clips a dot on the edge and skips one beyond it', () => {
    const { xy, subset } = plants(
      [
        [0, 0],
        [-50, 5],
      ],
      [
        [0, 255, 0, 255],
        [0, 255, 0, 255],
      ],
      [4, 4],
    );
    const f = frame();
    const image = paintPoints(xy, subset, 3, f);
    expect(pixel(image, f, 0, 0)).toEqual([0, 255, 0, 255]);
    // A quarter of the disc of radius 4.5 remains: pixel centres within it in the corner.
    expect(painted(image)).toBeGreaterThan(10);
    expect(painted(image)).toBeLessThan(20);
  });

  it('scales the radius with the pixel ratio and never draws below the minimum radius', () => {
    const one = plants([[10, 5]], [[9, 9, 9, 255]], [3]);
    const twice = paintPoints(one.xy, one.subset, 3, frame({ pixelRatio: 2 }));
    expect(painted(twice) / painted(paintPoints(one.xy, one.subset, 3, frame()))).toBeGreaterThan(3);
    const tiny = plants([[10, 5]], [[9, 9, 9, 255]], [0.1]);
    const min = plants([[10, 5]], [[9, 9, 9, 255]], [RADIUS_MIN_PIXELS]);
    expect(painted(paintPoints(tiny.xy, tiny.subset, 3, frame()))).toBe(painted(paintPoints(min.xy, min.subset, 3, frame())));
  });

  it('draws later plants over earlier ones, blending what shows through', () => {
    const { xy, subset } = plants(
      [
        [5, 5],
        [5, 5],
      ],
      [
        [255, 0, 0, 255],
        [0, 0, 255, 128],
      ],
      [3, 3],
    );
    const f = frame();
    const [r, g, b, a] = pixel(paintPoints(xy, subset, 3, f), f, 5, 5);
    expect([g, a]).toEqual([0, 255]);
    expect(r).toBeCloseTo(127, -1);
    expect(b).toBeCloseTo(128, -1);
  });

  it('paints nothing for zero plants', () => {
    const { xy, subset } = plants([], [], null);
    expect(painted(paintPoints(xy, subset, 3, frame()))).toBe(0);
  });
});

describe('paintFrame', () => {
  it('covers the box at 512 · 2^zoom pixels per unit, in whole pixels', () => {
    const box = { minX: 0.5, minY: 0.25, maxX: 0.5 + 1000.5 * unitsPerPixel(3), maxY: 0.25 + 10 * unitsPerPixel(3) };
    const f = paintFrame(box, 3, 1, 4096);
    expect([f.width, f.height, f.scale]).toEqual([1001, 10, 4096]);
    expect(frameBox(f).maxX).toBeCloseTo(0.5 + 1001 * unitsPerPixel(3), 12);
  });

  it('lowers the pixel ratio to keep within the largest side', () => {
    const box = { minX: 0, minY: 0, maxX: 3000 * unitsPerPixel(0), maxY: 100 * unitsPerPixel(0) };
    const f = paintFrame(box, 0, 2, 4000);
    expect(f.width).toBe(4000);
    expect(f.pixelRatio).toBeCloseTo(4000 / 3000, 12);
  });
});
