/**
 * A ChartSpec as an ECharts option: years along the bottom with a tick each, the value axis with
 * round steps, its unit in its name and on its ticks; targets and caps as dashed lines labelled at
 * their left end (where a falling intensity starts, clear of its line); the value of every series
 * at a year in the tooltip; several series named at their line ends, moved apart vertically where
 * they end close together.
 *
 * The plot's box is fixed (grid in pixels, not fitted to its labels), so where a value lands
 * vertically is known here, whatever the width: the end labels are placed by spreadLabels
 * (label-layout.ts) and handed to ECharts as offsets. ECharts' own shiftY layout kept them apart
 * in its server-side rendering but not in Chromium, where the labels of lines ending at 0 and 1
 * were drawn 3 px apart. Pure: the same spec draws the same chart on screen, in a PNG and a PDF.
 */
import type { LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { ChartSpec } from './chart-spec.ts';
import { spreadLabels } from './label-layout.ts';
import { niceScale, type Scale } from './nice-scale.ts';

export type ChartOption = ComposeOption<LineSeriesOption | GridComponentOption | TooltipComponentOption | MarkLineComponentOption>;

/**
 * Unquoted: the SVG renderer writes it into a style="" attribute as it is. The same families a
 * saved PNG's heading uses (save-chart.ts), so a rasterised chart keeps its Chinese.
 */
export const CHART_FONT = 'Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif';
const LABEL_SIZE = 11;
const MUTED = '#555';

/** Rough width of a label at LABEL_SIZE: CJK glyphs are square, Latin ones a little over half as wide. */
export const labelWidth = (text: string) =>
  [...text].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? LABEL_SIZE : LABEL_SIZE * 0.58), 0);

/** The widest an end label gets before it is cut with an ellipsis (the tooltip and table name it in full). */
const MAX_END_LABEL = 150;
/**
 * Least distance between end labels' centres: a line of LABEL_SIZE text as Chromium draws it in
 * the tallest of CHART_FONT's families, and a pixel. Noto Sans CJK's line is 1.45 em, 16 px at 11 px
 * (14 px in Latin-only fonts); nine labels stacked 15 apart overlapped by a pixel each.
 */
const END_LABEL_GAP = 17;
/** The plot's box inside the chart: room for the axis name above, the years below. */
const PLOT_TOP = 30;
const PLOT_BOTTOM = 26;

/** The ticks' values, min to max. */
const tickValues = ({ min, max, interval }: Scale) =>
  Array.from({ length: Math.round((max - min) / interval) + 1 }, (_, i) => Number((min + i * interval).toPrecision(12)));

/**
 * How far each series' end label moves up or down (pixels) so no two are closer than
 * END_LABEL_GAP; 0 for a series with no value.
 */
export function endLabelOffsets(spec: ChartSpec, scale: Scale): number[] {
  const bottom = spec.height - PLOT_BOTTOM;
  const y = (v: number) => bottom - ((v - scale.min) / (scale.max - scale.min)) * (bottom - PLOT_TOP);
  const ends = spec.series.map((s) => s.values.findLast((v) => v !== null) ?? null);
  const at = ends.flatMap((v, i) => (v === null ? [] : [{ i, y: y(v) }]));
  const placed = spreadLabels(
    at.map((a) => a.y),
    { minGap: END_LABEL_GAP, min: PLOT_TOP, max: bottom },
  );
  const offsets = spec.series.map(() => 0);
  at.forEach((a, k) => {
    offsets[a.i] = (placed[k] as number) - a.y;
  });
  return offsets;
}

export function chartOption(spec: ChartSpec): ChartOption {
  const scale = niceScale([0, ...spec.series.flatMap((s) => s.values), ...spec.references.map((r) => r.value)], { integer: spec.integer });
  const endRoom = spec.endLabels ? Math.min(Math.max(0, ...spec.series.map((s) => labelWidth(s.label))), MAX_END_LABEL) + 14 : 0;
  const tickRoom = Math.max(...tickValues(scale).map((v) => labelWidth(spec.tick(v))));
  const offsets = spec.endLabels ? endLabelOffsets(spec, scale) : [];
  const axisText = { color: MUTED, fontSize: LABEL_SIZE };
  return {
    // No animation: a saved PNG or PDF page reads the finished drawing, and nothing moves for those who asked for less motion.
    animation: false,
    textStyle: { fontFamily: CHART_FONT },
    color: spec.series.map((s) => s.color),
    grid: {
      left: 16 + tickRoom,
      right: 16 + endRoom,
      top: PLOT_TOP,
      bottom: PLOT_BOTTOM,
      outerBoundsMode: 'none',
    },
    tooltip: {
      trigger: 'axis',
      confine: true,
      className: 'echart-tooltip',
      order: spec.series.length > 1 ? 'valueDesc' : 'seriesAsc',
      valueFormatter: (v) => (typeof v === 'number' ? spec.value(v) : '—'),
      textStyle: { fontFamily: CHART_FONT, fontSize: 12 },
    },
    xAxis: {
      type: 'category',
      data: spec.years.map(String),
      boundaryGap: false,
      axisTick: { show: true, alignWithLabel: true },
      axisLine: { onZero: false, lineStyle: { color: MUTED } },
      axisLabel: axisText,
    },
    yAxis: {
      type: 'value',
      ...scale,
      name: spec.axisName,
      nameLocation: 'end',
      nameGap: 10,
      nameTextStyle: { ...axisText, align: 'left' },
      axisLine: { show: true, lineStyle: { color: MUTED } },
      axisTick: { show: true },
      axisLabel: { ...axisText, formatter: (v: number) => spec.tick(v) },
      splitLine: { lineStyle: { color: '#e4e8e5' } },
    },
    series: spec.series.map(
      (s, i): LineSeriesOption => ({
        type: 'line',
        name: s.label,
        data: [...s.values],
        color: s.color,
        lineStyle: { width: 2, color: s.color },
        symbol: 'circle',
        symbolSize: 5,
        ...(spec.endLabels && {
          endLabel: {
            show: true,
            formatter: '{a}',
            color: s.color,
            fontSize: LABEL_SIZE,
            width: endRoom - 10,
            overflow: 'truncate',
            offset: [0, offsets[i] ?? 0],
          },
        }),
        // The references are the chart's, not a series': drawn once, with the first series.
        ...(i === 0 &&
          spec.references.length > 0 && {
            markLine: {
              symbol: 'none',
              silent: true,
              data: spec.references.map((r) => ({
                name: r.label,
                yAxis: r.value,
                lineStyle: { color: r.color, type: 'dashed', width: 1.5 },
                label: { formatter: r.label, position: 'insideStartTop', color: r.color, fontSize: LABEL_SIZE },
              })),
            },
          }),
      }),
    ),
  };
}
