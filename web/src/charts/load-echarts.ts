/**
 * The chart library, as its own chunk: loaded the first time a chart is asked for (a dashboard
 * opening, a PDF page of charts), never with the planner map's first load.
 */
export type EchartsSvg = typeof import('./echarts-svg.ts');

export const loadEcharts = (): Promise<EchartsSvg> => import('./echarts-svg.ts');
