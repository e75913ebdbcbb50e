/**
 * The options drawn for real: ECharts' SVG renderer runs in Node (its server-side mode), so these
 * tests read the markup a reader would see, not the option's fields.
 */
import { describe, expect, it } from 'vitest';
import { chartOption } from './chart-option.ts';
import type { ChartSpec } from './chart-spec.ts';
import { init } from './echarts-svg.ts';

const pct = (v: number) => `${v > 0 ? '+' : ''}${v.toFixed(1)}%`;

function spec(over: Partial<ChartSpec> = {}): ChartSpec {
  return {
    name: 'energy-intensity',
    title: 'Energy per unit of industrial added value vs 2015',
    axisName: 'Change vs 2015 (%)',
    years: [2015, 2016, 2017, 2018],
    series: [{ label: 'Energy', color: '#1b7a4a', values: [0, -3.2, null, -6.8] }],
    references: [{ label: 'Target by 2020: -18%', value: -18, color: '#b2182b' }],
    tick: (v) => `${v}%`,
    value: pct,
    endLabels: false,
    height: 220,
    ...over,
  };
}

/** The SVG ECharts draws for a spec at the given width. */
function draw(s: ChartSpec, width = 440): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height: s.height });
  try {
    chart.setOption(chartOption(s));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Every <text>'s content and its translate(x y). */
function texts(svg: string): { text: string; x: number; y: number; fill: string }[] {
  return [...svg.matchAll(/<text[^>]*transform="translate\(([-\d.]+) ([-\d.]+)\)"[^>]*?fill="([^"]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    fill: m[3] as string,
    text: m[4] as string,
  }));
}

describe('chartOption, drawn', () => {
  it('ticks the value axis with its unit, down past the target, and names the axis', () => {
    const shown = texts(draw(spec())).map((t) => t.text);
    expect(shown).toEqual(expect.arrayContaining(['-20%', '-10%', '0%', 'Change vs 2015 (%)']));
  });

  it('ticks every year', () => {
    const shown = texts(draw(spec())).map((t) => t.text);
    expect(shown).toEqual(expect.arrayContaining(['2015', '2016', '2017', '2018']));
  });

  it('draws the target as a line labelled with it, in its colour', () => {
    const svg = draw(spec());
    const label = texts(svg).find((t) => t.text === 'Target by 2020: -18%');
    expect(label?.fill).toBe('#b2182b');
    expect(svg).toMatch(/stroke="#b2182b"[^>]*stroke-dasharray/);
  });

  it('a cap above every value still lies on the plot', () => {
    const steel = spec({
      axisName: 'Mt/yr',
      series: [{ label: 'Steel', color: '#e41a1c', values: [150, 160, 170, 182.4] }],
      references: [{ label: 'Cap by 2020: 200 Mt', value: 200, color: '#b2182b' }],
      tick: String,
    });
    expect(texts(draw(steel)).map((t) => t.text)).toEqual(expect.arrayContaining(['200', 'Cap by 2020: 200 Mt']));
  });

  it('no target: no dashed line', () => {
    expect(draw(spec({ references: [] }))).not.toContain('stroke-dasharray');
  });

  it('zero series values, only nulls: still draws axes', () => {
    const shown = texts(draw(spec({ series: [{ label: 'Energy', color: '#1b7a4a', values: [null, null, null, null] }], references: [] })));
    expect(shown.map((t) => t.text)).toContain('2015');
  });

  it('end labels of lines ending at the same value do not overlap', () => {
    const names = [
      'Withdraw',
      'Close',
      'Relocate',
      'No new capacity',
      'Rectify',
      'Upgrade',
      'Ladder electricity price',
      'Peak-shifting production',
    ];
    const many = spec({
      years: [2016, 2017, 2018],
      series: names.map((label, i) => ({ label, color: `#${(i * 20 + 16).toString(16)}4060`, values: [i, i, i % 2] })),
      references: [],
      endLabels: true,
      height: 300,
    });
    const labels = texts(draw(many, 880))
      .filter((t) => names.includes(t.text))
      .sort((a, b) => a.y - b.y);
    expect(labels.map((l) => l.text).sort()).toEqual([...names].sort());
    // Each label is a line of 11 px text centred on its y, which Chromium draws 14 px high.
    const gaps = labels.slice(1).map((l, i) => l.y - (labels[i] as { y: number }).y);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(14.9);
  });

  it('a long end label is cut with an ellipsis, not run off the chart', () => {
    const long = 'An action whose English name runs on and on past any sensible width';
    const svg = draw(spec({ series: [{ label: long, color: '#333', values: [1, 2, 3, 4] }], endLabels: true, references: [] }));
    const label = texts(svg).find((t) => t.text.startsWith('An action'));
    expect(label?.text.endsWith('...') || label?.text.endsWith('…')).toBe(true);
    expect(svg).not.toContain(long);
  });
});
