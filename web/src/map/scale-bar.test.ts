import { describe, expect, it } from 'vitest';
import { metresPerPixel, roundDown125, scaleBar } from './scale-bar.ts';

describe('metresPerPixel', () => {
  it('zoom 0 on the equator: one 512-pixel world round the earth', () => {
    expect(metresPerPixel(0, 0)).toBeCloseTo(40_075_016.686 / 512, 6);
  });

  it('zoom 18 on the equator is 2^18 times finer', () => {
    expect(metresPerPixel(18, 0)).toBeCloseTo(40_075_016.686 / 512 / 2 ** 18, 9);
  });

  it('at 60° a pixel covers half the ground it covers on the equator', () => {
    expect(metresPerPixel(5, 60) / metresPerPixel(5, 0)).toBeCloseTo(0.5, 9);
  });

  it('north and south of the equator alike', () => {
    expect(metresPerPixel(7, -40.5)).toBe(metresPerPixel(7, 40.5));
  });

  it('the pole is held at the Web Mercator limit rather than shrinking to nothing', () => {
    expect(metresPerPixel(3, 90)).toBe(metresPerPixel(3, 85.051129));
    expect(metresPerPixel(3, 90)).toBeGreaterThan(0);
  });

  it('names the bad value', () => {
    expect(() => metresPerPixel(Number.NaN, 40)).toThrow('zoom must be a number, got NaN');
    expect(() => metresPerPixel(4, 91)).toThrow('latitude must lie within ±90°, got 91');
  });
});

describe('roundDown125', () => {
  it.each([
    [1, 1],
    [1.99, 1],
    [2, 2],
    [4.99, 2],
    [5, 5],
    [9.99, 5],
    [10, 10],
    [1000, 1000],
    [999.999, 500],
    [0.03, 0.02],
    [7_827_151, 5_000_000],
  ])('%f → %f', (v, want) => {
    expect(roundDown125(v)).toBeCloseTo(want, 12);
  });
});

describe('scaleBar', () => {
  it('zoom 0 on the equator: 100 px hold 7 827 km, drawn as 5 000 km', () => {
    const bar = scaleBar(0, 0, 100);
    expect(bar.metres).toBe(5_000_000);
    expect(bar.px).toBeCloseTo(5_000_000 / (40_075_016.686 / 512), 6);
  });

  it('zoom 18 on the equator: 100 px hold 29.9 m, drawn as 20 m', () => {
    const bar = scaleBar(18, 0, 100);
    expect(bar.metres).toBe(20);
    expect(bar.px).toBeCloseTo(20 / metresPerPixel(18, 0), 9);
  });

  it('Baotou at zoom 9: 200 px hold about 23.2 km, drawn as 20 km', () => {
    const bar = scaleBar(9, 40.66, 200);
    expect(bar.metres).toBe(20_000);
    expect(bar.px).toBeCloseTo(172.5, 1);
  });

  it('at high latitude the same zoom gives a shorter round length', () => {
    expect(scaleBar(6, 78, 120).metres).toBeLessThan(scaleBar(6, 0, 120).metres);
  });

  it('never wider than the target and never under two fifths of it (1-2-5 steps)', () => {
    for (let zoom = 0; zoom <= 22; zoom += 0.37) {
      for (const lat of [-80, -33.9, 0, 40.66, 69.6, 85]) {
        const bar = scaleBar(zoom, lat, 150);
        expect(bar.px).toBeLessThanOrEqual(150 + 1e-9);
        expect(bar.px).toBeGreaterThanOrEqual(150 * 0.4 - 1e-9);
        const digit = bar.metres / 10 ** Math.floor(Math.log10(bar.metres) + 1e-9);
        expect([1, 2, 5].some((d) => Math.abs(digit - d) < 1e-9)).toBe(true);
      }
    }
  });

  it('refuses a width of 0', () => {
    expect(() => scaleBar(5, 40, 0)).toThrow('target width must be above 0 px, got 0');
  });
});
