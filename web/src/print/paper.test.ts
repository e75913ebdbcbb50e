import { describe, expect, it } from 'vitest';
import { frameSize, mmToPx, PRINT_DPI, pageGeometry } from './paper.ts';

const inside = (outer: { x: number; y: number; w: number; h: number }, inner: typeof outer) =>
  inner.x >= outer.x - 1e-9 &&
  inner.y >= outer.y - 1e-9 &&
  inner.x + inner.w <= outer.x + outer.w + 1e-9 &&
  inner.y + inner.h <= outer.y + outer.h + 1e-9;
const overlap = (a: { x: number; y: number; w: number; h: number }, b: typeof a) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('pageGeometry', () => {
  it.each([
    ['A4', 'portrait', 210, 297],
    ['A4', 'landscape', 297, 210],
    ['A3', 'portrait', 297, 420],
    ['A3', 'landscape', 420, 297],
  ] as const)('%s %s is %i × %i mm', (paper, orientation, w, h) => {
    const g = pageGeometry(paper, orientation);
    expect([g.width, g.height]).toEqual([w, h]);
    const printable = { x: g.margin, y: g.margin, w: w - 2 * g.margin, h: h - 2 * g.margin };
    for (const box of [g.title, g.map, g.panel]) expect(inside(printable, box)).toBe(true);
    expect(overlap(g.map, g.panel)).toBe(false);
    expect(overlap(g.map, g.title)).toBe(false);
    expect(g.column).toBeLessThanOrEqual(g.panel.w);
  });

  it('puts the panel right of the map in landscape and under it in portrait', () => {
    const l = pageGeometry('A3', 'landscape');
    expect(l.panel.x).toBeGreaterThan(l.map.x + l.map.w);
    const p = pageGeometry('A4', 'portrait');
    expect(p.panel.y).toBeGreaterThan(p.map.y + p.map.h);
  });

  it('refuses paper it does not know, naming it', () => {
    expect(() => pageGeometry('B5' as 'A4', 'portrait')).toThrow('"B5"');
  });
});

describe('frameSize', () => {
  it('an A3 landscape map frame at 300 dpi is some 3,600 × 3,000 px, within SwiftShader’s 8,192', () => {
    const f = frameSize(pageGeometry('A3', 'landscape').map, PRINT_DPI);
    expect(f.pixelRatio).toBeCloseTo(3.125, 6);
    expect(f.px.w).toBeGreaterThan(3500);
    expect(f.px.w).toBeLessThan(8192);
    expect(f.px.h).toBeGreaterThan(2900);
    // The CSS size times the ratio: no stretching between the map and its frame.
    expect(f.px.w).toBe(Math.round(f.css.w * f.pixelRatio));
  });

  it('a whole A3 landscape page at 300 dpi is 4,961 × 3,508 px', () => {
    const g = pageGeometry('A3', 'landscape');
    expect([Math.round(mmToPx(g.width, PRINT_DPI)), Math.round(mmToPx(g.height, PRINT_DPI))]).toEqual([4961, 3508]);
  });
});
