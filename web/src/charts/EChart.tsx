/**
 * One chart drawn by ECharts from a ChartSpec, with the SVG renderer. The library is handed in,
 * loaded by loadEcharts() (a dynamic import, its own chunk), so nothing of it loads before a chart
 * is asked for. Once drawn the chart is registered for chartSvg(spec.name).
 *
 * By keyboard: the chart takes focus; ← → Home End step through the years, showing ECharts'
 * tooltip at that year and saying its values in a live region, as hovering shows them.
 */
import type { EChartsType } from 'echarts/core';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { chartOption } from './chart-option.ts';
import type { ChartSpec } from './chart-spec.ts';
import { registerChart, withSvgTitle } from './chart-svg.ts';
import type { EchartsSvg } from './load-echarts.ts';
import './charts.css';

interface Props {
  charts: EchartsSvg;
  spec: ChartSpec;
  /**
   * Told true once the chart is drawn (and in chartSvg), false when it goes. Keep it stable (a
   * state setter): a new function draws the chart again.
   */
  onDrawn?: (drawn: boolean) => void;
}

export function EChart({ charts, spec, onDrawn }: Props) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const instance = useRef<EChartsType | null>(null);
  const [at, setAt] = useState<number | null>(null);
  const hintId = useId();

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const chart = charts.init(el, null, { renderer: 'svg' });
    chart.setOption(chartOption(spec));
    instance.current = chart;
    const unregister = registerChart(spec.name, () => withSvgTitle(chart.renderToSVGString(), spec.title));
    onDrawn?.(true);
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      unregister();
      onDrawn?.(false);
      instance.current = null;
      chart.dispose();
    };
  }, [charts, spec, onDrawn]);

  const show = (index: number) => {
    setAt(index);
    instance.current?.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: index });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const last = spec.years.length - 1;
    const next = { ArrowRight: Math.min(last, (at ?? -1) + 1), ArrowLeft: Math.max(0, (at ?? last + 1) - 1), Home: 0, End: last }[e.key];
    if (next === undefined || last < 0) return;
    e.preventDefault();
    show(next);
  };
  const onBlur = () => {
    setAt(null);
    instance.current?.dispatchAction({ type: 'hideTip' });
  };

  return (
    <>
      <div
        ref={box}
        className="echart"
        style={{ height: spec.height }}
        role="img"
        aria-label={spec.title}
        aria-describedby={hintId}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: focus lets the keyboard step through the years as hovering does.
        tabIndex={0}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
        data-testid={`echart-${spec.name}`}
      />
      <p id={hintId} className="chart-sr-only">
        {t.chartKeys}
      </p>
      <p className="chart-sr-only" aria-live="polite" data-testid={`said-${spec.name}`}>
        {at === null ? '' : yearSaid(spec, at)}
      </p>
    </>
  );
}

/** "2018: Energy -6.8%, Water —": a year's values as the tooltip shows them. */
export function yearSaid(spec: ChartSpec, index: number): string {
  const values = spec.series.map((s) => {
    const v = s.values[index];
    return `${s.label} ${v === null || v === undefined ? '—' : spec.value(v)}`;
  });
  return `${spec.years[index]}: ${values.join(', ')}`;
}
