import { describe, expect, it } from 'vitest';
import type { LegendBlock } from '../map/image-legend.ts';
import { layoutPage, type Measure, type PageContent, wrapText } from './page-layout.ts';
import { PT_PER_MM, pageGeometry } from './paper.ts';
import { paperScaleBar } from './print-scale.ts';

/** Every character half an em wide: enough to lay out without a font. */
const measure: Measure = (text, size) => ([...text].length * size * 0.5) / PT_PER_MM;

const block = (n: number): LegendBlock => ({
  id: 'enterprises',
  title: 'By action',
  ramp: null,
  entries: Array.from({ length: n }, (_, i) => ({
    id: `action-${i}`,
    label: `Action ${i}`,
    swatch: { shape: 'dot', color: [200, 30, 30] },
  })),
  note: null,
});

const content = (blocks: LegendBlock[]): PageContent => ({
  title: 'Baotou: industrial enterprises and control zones',
  subtitle: 'Greenline',
  blocks,
  scale: { bar: paperScaleBar(250_000, 60), ratio: '1:250,000', heading: 'Scale', barLabel: '10 km', zeroLabel: '0' },
  north: 'N',
  notes: ['Coordinates: WGS 84', 'Illustrative data'],
});

describe('wrapText', () => {
  it('breaks English at spaces and Chinese between characters', () => {
    expect(wrapText('aaaa bbbb cccc', (9 * 10 * 0.5) / PT_PER_MM, 10, measure)).toEqual(['aaaa bbbb', 'cccc']);
    expect(wrapText('包头市工业企业', (3 * 10 * 0.5) / PT_PER_MM, 10, measure)).toEqual(['包头市', '工业企', '业']);
  });

  it('an empty text is no line', () => {
    expect(wrapText('', 50, 10, measure)).toEqual([]);
  });
});

describe('layoutPage', () => {
  it('places the scale bar inside the map frame at its stated length', () => {
    const g = pageGeometry('A3', 'landscape');
    const { scaleBar, items } = layoutPage(g, content([block(3)]), measure);
    expect(scaleBar.mm).toBe(40);
    expect(scaleBar.x).toBeGreaterThan(g.map.x);
    expect(scaleBar.x + scaleBar.mm).toBeLessThan(g.map.x + g.map.w);
    expect(scaleBar.y).toBeLessThan(g.map.y + g.map.h);
    // The baseline is one rectangle as long as the bar.
    expect(items.some((i) => i.kind === 'rect' && Math.abs(i.w - 40) < 1e-9 && i.x === scaleBar.x)).toBe(true);
  });

  it('lists every legend entry and note as text, the title first', () => {
    const { items } = layoutPage(pageGeometry('A4', 'portrait'), content([block(4)]), measure);
    const texts = items.flatMap((i) => (i.kind === 'text' ? [i.text] : []));
    expect(texts[0]).toBe('Baotou: industrial enterprises and control zones');
    expect(texts).toEqual(
      expect.arrayContaining(['Action 0', 'Action 3', 'Coordinates: WGS 84', 'Illustrative data', 'Scale 1:250,000', '10 km']),
    );
    expect(items.filter((i) => i.kind === 'circle')).toHaveLength(4);
    expect(items.filter((i) => i.kind === 'map')).toHaveLength(1);
  });

  it('keeps every item on the page however long the legend (zero blocks, a hundred entries)', () => {
    for (const blocks of [[], [block(100)]]) {
      const g = pageGeometry('A4', 'landscape');
      for (const item of layoutPage(g, content(blocks), measure).items) {
        const [x, y] =
          item.kind === 'circle' ? [item.cx, item.cy] : item.kind === 'polygon' ? (item.points[0] ?? [0, 0]) : [item.x, item.y];
        expect(x).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(g.height);
        if (item.kind === 'text' && item.x > g.map.x + g.map.w) expect(y).toBeLessThanOrEqual(g.panel.y + g.panel.h + 0.01);
      }
    }
  });

  it('sets a title longer than the page smaller rather than cutting it', () => {
    const g = pageGeometry('A4', 'portrait');
    const long = `${'包头市'.repeat(40)}`;
    const { items } = layoutPage(g, { ...content([]), title: long }, measure);
    const title = items[0];
    expect(title?.kind === 'text' && title.text).toBe(long);
    expect(title?.kind === 'text' && measure(title.text, title.size)).toBeLessThanOrEqual(g.title.w + 1e-9);
  });
});
