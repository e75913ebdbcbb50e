/**
 * The hook for the region dashboard's charts on further pages. A dashboard, once its data has
 * loaded, registers a source of chart SVGs (drawn by ECharts' SVG renderer from the loaded data,
 * so they can be drawn after the dashboard is closed) with the region's name; the print dialog
 * offers "the charts of {region}" for the dashboard opened last. Nothing here imports the dashboard.
 */

/** Gives the charts to print, as standalone SVG documents. */
export type ChartSvgSource = () => Promise<string[]> | string[];

export interface DashboardCharts {
  give: ChartSvgSource;
  /** The region whose dashboard the charts are, as the dialog names it. */
  region: string;
}

let source: DashboardCharts | null = null;

/** Registers a dashboard's charts, replacing those of any dashboard before; returns the call that withdraws them. */
export function provideDashboardCharts(give: ChartSvgSource, region: string): () => void {
  const mine = { give, region };
  source = mine;
  return () => {
    if (source === mine) source = null;
  };
}

export const dashboardChartSource = (): DashboardCharts | null => source;

/** An SVG drawn on a white canvas widthPx wide, PNG-encoded, for a PDF page. */
export async function rasteriseSvg(svg: string, widthPx: number): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const scale = widthPx / (img.naturalWidth || widthPx);
    const canvas = document.createElement('canvas');
    canvas.width = Math.round((img.naturalWidth || widthPx) * scale);
    canvas.height = Math.round((img.naturalHeight || widthPx / 2) * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error(`the browser gave no 2D canvas of ${canvas.width} × ${canvas.height} px for a chart`);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error(`could not encode a chart of ${canvas.width} × ${canvas.height} px as PNG`);
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}
