/**
 * ECharts as Greenline uses it: line charts with a grid, tooltip and mark lines, drawn by the SVG
 * renderer (crisp at any zoom, and the same markup goes into a saved PNG or a PDF page). Imported
 * from echarts/core piece by piece, so the bundle holds only these; and only ever imported
 * dynamically (EChart.tsx), so the planner map's first load carries none of it.
 */
import { LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([LineChart, GridComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);

export { init };
