import { describe, expect, it } from 'vitest';
import { type FallbackInput, fallbackSvg } from './fallback-svg.ts';
import { SOUTH_CHINA_SEA_INSET } from './inset.ts';

const input = (over: Partial<FallbackInput> = {}): FallbackInput => ({
  width: 800,
  height: 560,
  center: [110, 40],
  zoom: 6,
  lang: 'zh',
  summary: '自然保护区内2家企业须退出，已退出1家。',
  areas: [
    {
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [109, 39],
            [111, 39],
            [111, 41],
            [109, 41],
            [109, 39],
          ],
        ],
      },
      style: { fill: '#f6f3ec', fillOpacity: 1, stroke: '#999999', strokeWidth: 1 },
    },
  ],
  points: { count: 3, lon: [110, 110.0001, 140], lat: [40, 40, 40], colour: [1, 0, 0] },
  colours: ['#a50026', '#969c98'],
  legend: [{ label: '退出', colour: '#a50026' }],
  footer: ['审图号：GS(2024)1234号', '数据来源：echarts'],
  inset: null,
  ...over,
});

describe('fallbackSvg', () => {
  it('is an SVG image whose label is the summary, with the legend, review number and source as text', () => {
    const svg = fallbackSvg(input());
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('role="img" aria-label="自然保护区内2家企业须退出，已退出1家。"');
    expect(svg).toContain('审图号：GS(2024)1234号');
    expect(svg).toContain('数据来源：echarts');
    expect(svg).toContain('>退出</text>');
  });

  it('two plants in one cell are one dot, drawn in the more severe colour; a plant off the image is not drawn', () => {
    const svg = fallbackSvg(input());
    const dots = [...svg.matchAll(/<path d="((?:M[^"]*?a2\.5[^"]*?)+)" fill="(#[0-9a-f]{6})"/g)];
    expect(dots).toHaveLength(1);
    expect(dots[0]?.[2]).toBe('#a50026');
  });

  it('escapes markup in every text', () => {
    const svg = fallbackSvg(input({ summary: '<script>alert(1)</script> & "x"', footer: ['<b>'] }));
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('&lt;b&gt;');
  });

  it('draws the South China Sea inset only when given one', () => {
    expect(fallbackSvg(input())).not.toContain(SOUTH_CHINA_SEA_INSET.name);
    expect(fallbackSvg(input({ inset: SOUTH_CHINA_SEA_INSET }))).toContain(`>${SOUTH_CHINA_SEA_INSET.name}</text>`);
  });

  it('zero enterprises and no areas still make a valid image', () => {
    const svg = fallbackSvg(input({ points: null, areas: [], legend: [] }));
    expect(svg.match(/<svg/g)).toHaveLength(2);
    expect(svg.match(/<\/svg>/g)).toHaveLength(2);
  });
});
