/**
 * Charts as SVG markup, for whoever saves them: a chart's "Save image", a PDF page of charts.
 *
 *   chartSvg('energy-intensity')        // the chart on screen: '<svg width="436" height="220" viewBox="0 0 436 220" …><title>…</title>…</svg>', or null
 *   await drawChartSvg(spec, 600, 280)  // any ChartSpec (dashboard/chart-specs.ts), off screen, at a size of your choosing
 *
 * EChart registers each chart once ECharts has drawn it and removes it when the chart goes.
 */
import { chartOption } from './chart-option.ts';
import type { ChartSpec } from './chart-spec.ts';
import { loadEcharts } from './load-echarts.ts';

type Draw = () => string;

const drawn = new Map<string, Draw>();

/**
 * The chart's SVG as drawn now, at its size on screen (width, height and a viewBox, so it scales
 * into a PDF box), with its title as the SVG's <title>; null when no chart of that name is drawn.
 */
export function chartSvg(name: string): string | null {
  return drawn.get(name)?.() ?? null;
}

/** The names of the charts drawn now, in the order they were drawn. */
export function drawnCharts(): string[] {
  return [...drawn.keys()];
}

/** Called by EChart: returns the unregister, which leaves alone a chart of the same name drawn since. */
export function registerChart(name: string, draw: Draw): () => void {
  drawn.set(name, draw);
  return () => {
    if (drawn.get(name) === draw) drawn.delete(name);
  };
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The title as the SVG's first child, where SVG readers and PDF tools look for a name. */
export function withSvgTitle(svg: string, title: string): string {
  const open = svg.indexOf('>', svg.indexOf('<svg'));
  if (!svg.startsWith('<svg') || open < 0) throw new Error(`not SVG markup: it starts with "${svg.slice(0, 40)}"`);
  return `${svg.slice(0, open + 1)}<title>${escapeXml(title)}</title>${svg.slice(open + 1)}`;
}

/**
 * A chart drawn off screen (ECharts' server-side mode, which needs no DOM) at width × height CSS
 * pixels, with its title: the same drawing as on screen, for a page that has no dashboard open.
 */
export async function drawChartSvg(spec: ChartSpec, width: number, height: number): Promise<string> {
  if (!(width > 0 && height > 0)) throw new Error(`Unexpected chart size for ${spec.name}: ${width}×${height}.`);
  const { init } = await loadEcharts();
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(chartOption(spec));
    return withSvgTitle(chart.renderToSVGString(), spec.title);
  } finally {
    chart.dispose();
  }
}
