/**
 * What a dashboard chart shows, in the reader's words and units, with nothing of how it is drawn:
 * chartOption turns it into an ECharts option, ChartTable into the table behind the chart.
 */

export interface ChartSeries {
  label: string;
  /** CSS colour: the map's palette (palette.ts) where the series is one of its categories. */
  color: string;
  /** One per year of the spec, null where there is no value. */
  values: readonly (number | null)[];
}

/** A horizontal line at a target or a cap, labelled with it. */
export interface ChartReference {
  label: string;
  value: number;
  color: string;
}

export interface ChartSpec {
  /** Names the chart in file names, test ids and chartSvg(): "energy-intensity". */
  name: string;
  title: string;
  /** The value axis' name, with its unit: "Change vs 2015 (%)". */
  axisName: string;
  years: readonly number[];
  series: readonly ChartSeries[];
  references: readonly ChartReference[];
  /** A value as a tick label: "-20%". */
  tick: (value: number) => string;
  /** A value as the tooltip and the table show it, with its unit: "-17.6%", "182.4 Mt/yr". */
  value: (value: number) => string;
  /** Counts: the value axis steps by whole numbers. */
  integer?: boolean;
  /** Name each line at its end: for several series (one is named by the title). */
  endLabels: boolean;
  /** Height in CSS pixels; the width is the card's. */
  height: number;
}
