import { describe, expect, it } from 'vitest';
import { fitView, viewBounds } from './fallback-svg.ts';
import { CHINA_EXTENT, isNationalExtent } from './national-extent.ts';

describe('isNationalExtent', () => {
  it('the whole country is national', () => {
    expect(isNationalExtent(CHINA_EXTENT)).toBe(true);
  });

  it('a province or two is not', () => {
    expect(isNationalExtent([97.1, 36.0, 126.1, 53.4])).toBe(false);
    expect(isNationalExtent([113.4, 36.0, 119.9, 42.7])).toBe(false);
  });

  it('a wide view that does not touch China is not China’s national extent', () => {
    expect(isNationalExtent([-120, 10, -60, 50])).toBe(false);
  });

  it('a view at zoom 3 over China, as the embed shows it, is national; at zoom 5 it is not', () => {
    expect(isNationalExtent(viewBounds([104, 36], 3, 800, 500))).toBe(true);
    expect(isNationalExtent(viewBounds([104, 36], 5, 800, 500))).toBe(false);
  });
});

describe('fitView', () => {
  it('fits bounds into a frame: the fitted view contains them', () => {
    const view = fitView([109, 40, 112, 42], 800, 500, 0, 18);
    const [w, s, e, n] = viewBounds(view.center, view.zoom, 800, 500);
    expect(w).toBeLessThanOrEqual(109);
    expect(s).toBeLessThanOrEqual(40);
    expect(e).toBeGreaterThanOrEqual(112);
    expect(n).toBeGreaterThanOrEqual(42);
  });

  it('keeps the zoom within the allowed range', () => {
    expect(fitView([109, 40, 109.0001, 40.0001], 800, 500, 2, 12).zoom).toBe(12);
    expect(fitView([-180, -80, 180, 80], 800, 500, 4, 12).zoom).toBe(4);
  });
});
