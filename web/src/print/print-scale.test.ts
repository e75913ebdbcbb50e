import { describe, expect, it } from 'vitest';
import { metresPerPixel } from '../map/scale-bar.ts';
import { metresPerCssPixel, paperScaleBar, parseScale, ScaleParseError, scaleForZoom, zoomForScale } from './print-scale.ts';

describe('parseScale', () => {
  it.each([
    ['1:250000', 250_000],
    ['1:250,000', 250_000],
    ['1 : 250 000', 250_000],
    ['250000', 250_000],
    ['1:50,000', 50_000],
    ['1：25万', 250_000],
    ['  1:1,000,000 ', 1_000_000],
  ])('reads "%s" as 1:%i', (text, denominator) => {
    expect(parseScale(text)).toEqual({ kind: 'stated', denominator });
  });

  it('an empty field fits the current view', () => {
    expect(parseScale('')).toEqual({ kind: 'fit' });
    expect(parseScale('   ')).toEqual({ kind: 'fit' });
  });

  it.each(['1:abc', '2:50000', '1:', 'fifty thousand', '1:250000:3', '-250000'])('refuses "%s", naming it', (text) => {
    expect(() => parseScale(text)).toThrow(ScaleParseError);
    expect(() => parseScale(text)).toThrow(`"${text}"`);
  });

  it.each(['1:10', '1:100,000,000', '1:2500.5'])('refuses the out-of-range or fractional "%s", naming it', (text) => {
    expect(() => parseScale(text)).toThrow(`Scale "${text}" gives`);
  });
});

describe('scale and zoom', () => {
  it('1:250,000 at Baotou is zoom 9.81 and 66 m per CSS pixel', () => {
    const zoom = zoomForScale(250_000, 40.66);
    expect(metresPerCssPixel(250_000)).toBeCloseTo(66.146, 3);
    expect(metresPerPixel(zoom, 40.66)).toBeCloseTo(66.146, 3);
    expect(zoom).toBeCloseTo(9.81, 2);
  });

  it('zoom and scale are inverses at any latitude', () => {
    for (const lat of [-60, 0, 23.5, 40.66, 53.4])
      for (const d of [5_000, 50_000, 250_000, 4_000_000]) expect(scaleForZoom(zoomForScale(d, lat), lat)).toBeCloseTo(d, 3);
  });

  it('the same scale needs a higher zoom further from the equator', () => {
    expect(zoomForScale(250_000, 53.4)).toBeLessThan(zoomForScale(250_000, 0));
  });

  it('refuses a latitude beyond the poles and a scale of 0', () => {
    expect(() => zoomForScale(250_000, 91)).toThrow('got 91');
    expect(() => zoomForScale(0, 40)).toThrow('got 0');
  });
});

describe('paperScaleBar', () => {
  it('is a round length: 1, 2 or 5 × 10^n km', () => {
    for (const d of [10_000, 50_000, 250_000, 1_000_000, 3_300_000])
      for (const max of [30, 45, 60]) {
        const bar = paperScaleBar(d, max);
        expect(String(bar.metres)).toMatch(/^[125]0*$/);
        expect(bar.mm).toBeLessThanOrEqual(max + 1e-9);
        expect(bar.mm).toBeGreaterThan(max * 0.4);
      }
  });

  it('at 1:250,000 and 60 mm it is 10 km and 40 mm long', () => {
    expect(paperScaleBar(250_000, 60)).toEqual({ metres: 10_000, mm: 40 });
  });

  it('a bar exactly as long as allowed is kept (no float rounding down a decade)', () => {
    expect(paperScaleBar(100_000, 50)).toEqual({ metres: 5_000, mm: 50 });
  });

  it('refuses a bar of no length', () => {
    expect(() => paperScaleBar(250_000, 0)).toThrow('got 0 mm');
  });
});
