import { describe, expect, it } from 'vitest';
import type { ChartSpec } from './chart-spec.ts';
import { chartSvg, drawChartSvg, drawnCharts, registerChart, withSvgTitle } from './chart-svg.ts';

describe('chartSvg', () => {
  it('a chart not drawn: null', () => {
    expect(chartSvg('nowhere')).toBeNull();
  });

  it('draws the registered chart each time it is asked, and forgets it once unregistered', () => {
    let calls = 0;
    const unregister = registerChart('steel', () => `<svg>${++calls}</svg>`);
    expect(chartSvg('steel')).toBe('<svg>1</svg>');
    expect(chartSvg('steel')).toBe('<svg>2</svg>');
    expect(drawnCharts()).toContain('steel');
    unregister();
    expect(chartSvg('steel')).toBeNull();
  });

  it("a chart drawn again under the same name (a remount) outlives the old one's unregister", () => {
    const first = registerChart('actions', () => '<svg>old</svg>');
    const second = registerChart('actions', () => '<svg>new</svg>');
    first();
    expect(chartSvg('actions')).toBe('<svg>new</svg>');
    second();
    expect(chartSvg('actions')).toBeNull();
  });
});

describe('withSvgTitle', () => {
  it('puts the title, escaped, first inside the root', () => {
    expect(withSvgTitle('<svg width="4" height="2"><rect/></svg>', 'Water < 2015 & "cap"')).toBe(
      '<svg width="4" height="2"><title>Water &#60; 2015 &#38; &#34;cap&#34;</title><rect/></svg>',
    );
  });

  it('keeps Chinese as it is', () => {
    expect(withSvgTitle('<svg></svg>', '包头市 · 各处置措施企业数（按年）')).toBe(
      '<svg><title>包头市 · 各处置措施企业数（按年）</title></svg>',
    );
  });

  it('refuses what is not SVG markup, quoting its start', () => {
    expect(() => withSvgTitle('<div></div>', 'x')).toThrow('not SVG markup: it starts with "<div></div>"');
  });
});

describe('drawChartSvg', () => {
  const steel: ChartSpec = {
    name: 'steel',
    title: '钢铁产能（百万吨/年）',
    axisName: '产能（百万吨/年）',
    years: [2018, 2019, 2020],
    series: [{ label: '钢铁产能', color: '#e41a1c', values: [210, 205, 198.5] }],
    references: [{ label: '2020年上限 200 百万吨', value: 200, color: '#b2182b' }],
    tick: String,
    value: (v) => `${v} 百万吨/年`,
    endLabels: false,
    height: 220,
  };

  it('draws off screen at the size asked, titled, with the cap labelled', async () => {
    const svg = await drawChartSvg(steel, 600, 280);
    expect(svg).toMatch(/^<svg width="600" height="280"[^>]*viewBox="0 0 600 280"[^>]*><title>钢铁产能（百万吨\/年）<\/title>/);
    expect(svg).toContain('>2020年上限 200 百万吨</text>');
    expect(svg).toContain('>2019</text>');
  });

  it('refuses a size with no area, naming the chart and the size', async () => {
    await expect(drawChartSvg(steel, 0, 280)).rejects.toThrow('Unexpected chart size for steel: 0×280.');
  });
});
