/**
 * A small SVG line chart: one or more series over years, optional horizontal reference lines
 * (targets, caps). SVG so it can be saved as an image without a chart library.
 */
import { forwardRef } from 'react';

export interface Series {
  label: string;
  color: string;
  points: { x: number; y: number | null }[];
}

export interface Reference {
  label: string;
  y: number;
  color: string;
}

interface Props {
  title: string;
  series: Series[];
  references?: Reference[];
  width?: number;
  height?: number;
  format?: (y: number) => string;
}

export const LineChart = forwardRef<SVGSVGElement, Props>(function LineChart(
  { title, series, references = [], width = 420, height = 180, format = (y) => y.toLocaleString(undefined, { maximumFractionDigits: 2 }) },
  ref,
) {
  const pad = { l: 48, r: 12, t: 24, b: 22 };
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const ys = [...series.flatMap((s) => s.points.flatMap((p) => (p.y === null ? [] : [p.y]))), ...references.map((r) => r.y)];
  if (xs.length === 0 || ys.length === 0) {
    return (
      <svg ref={ref} width={width} height={height} role="img" aria-label={title} xmlns="http://www.w3.org/2000/svg">
        <text x={8} y={16} fontSize={12} fontWeight={600}>
          {title}
        </text>
      </svg>
    );
  }
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  let [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  if (y0 === y1) [y0, y1] = [y0 - 1, y1 + 1];
  const sx = (x: number) => pad.l + ((x - x0) / (x1 - x0 || 1)) * (width - pad.l - pad.r);
  const sy = (y: number) => height - pad.b - ((y - y0) / (y1 - y0)) * (height - pad.t - pad.b);
  const path = (s: Series) =>
    s.points
      .filter((p) => p.y !== null)
      .map((p, i) => `${i ? 'L' : 'M'}${sx(p.x).toFixed(1)},${sy(p.y as number).toFixed(1)}`)
      .join(' ');
  return (
    <svg
      ref={ref}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={title}
      xmlns="http://www.w3.org/2000/svg"
      fontFamily="sans-serif"
    >
      <rect width={width} height={height} fill="#fff" />
      <text x={8} y={15} fontSize={12} fontWeight={600} fill="#1f2a24">
        {title}
      </text>
      <line x1={pad.l} x2={width - pad.r} y1={height - pad.b} y2={height - pad.b} stroke="#ccc" />
      <text x={pad.l - 4} y={sy(y1) + 4} fontSize={10} textAnchor="end" fill="#666">
        {format(y1)}
      </text>
      <text x={pad.l - 4} y={sy(y0) + 4} fontSize={10} textAnchor="end" fill="#666">
        {format(y0)}
      </text>
      <text x={pad.l} y={height - 6} fontSize={10} fill="#666">
        {x0}
      </text>
      <text x={width - pad.r} y={height - 6} fontSize={10} textAnchor="end" fill="#666">
        {x1}
      </text>
      {references.map((r) => (
        <g key={r.label}>
          <line x1={pad.l} x2={width - pad.r} y1={sy(r.y)} y2={sy(r.y)} stroke={r.color} strokeDasharray="4 3" />
          <text x={width - pad.r} y={sy(r.y) - 3} fontSize={10} textAnchor="end" fill={r.color}>
            {r.label}
          </text>
        </g>
      ))}
      {series.map((s) => (
        <path key={s.label} d={path(s)} fill="none" stroke={s.color} strokeWidth={2} />
      ))}
      {series.map((s, i) => (
        <text key={`l-${s.label}`} x={pad.l + 4 + i * 120} y={pad.t + 8} fontSize={10} fill={s.color}>
          {s.label}
        </text>
      ))}
    </svg>
  );
});
