/**
 * A small SVG line chart: one or more series over years, optional horizontal reference lines
 * (targets, caps). Drawn without a chart library for the drawer's intensity trend (TrendChart),
 * which opens with every enterprise; the region dashboard draws with ECharts (EChart.tsx).
 */
import { forwardRef } from 'react';
import { spreadLabels } from './label-layout.ts';

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
  // Several series are named at their line ends (one is named by the title): room on the right.
  const ends = series.length > 1 ? lineEnds(series) : [];
  const labelRoom = ends.length ? Math.min(Math.max(...ends.map((e) => textWidth(e.label))), width * 0.3) + LEADER : 0;
  const pad = { l: 48, r: 12 + labelRoom, t: 24, b: 22 };
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const ys = [...series.flatMap((s) => s.points.flatMap((p) => (p.y === null ? [] : [p.y]))), ...references.map((r) => r.y)];
  if (xs.length === 0 || ys.length === 0) {
    return (
      <svg ref={ref} width={width} height={height} role="img" aria-label={title} xmlns="http://www.w3.org/2000/svg">
        <text x={8} y={16} fontSize={12} fontWeight={600} data-part="title">
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
      <text x={8} y={15} fontSize={12} fontWeight={600} fill="#1f2a24" data-part="title">
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
      {lineEndLabels(ends, sx, sy, { min: pad.t, max: height - pad.b, room: labelRoom - LEADER })}
    </svg>
  );
});

const LABEL_SIZE = 10;
/** Space between a line's end and its label, with a short leader line across it. */
const LEADER = 10;

/** Rough width of a label at LABEL_SIZE sans-serif: CJK glyphs are square, Latin ones about half as wide. */
const textWidth = (text: string) => [...text].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? LABEL_SIZE : 5.6), 0);

/** Cut to fit `room`, with an ellipsis; the full label stays in the SVG's <title>. */
function fitLabel(text: string, room: number): string {
  if (textWidth(text) <= room) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join('')}…`) > room) chars.pop();
  return `${chars.join('')}…`;
}

interface LineEnd {
  label: string;
  color: string;
  x: number;
  y: number;
}

/** Each series' last point with a value. */
function lineEnds(series: Series[]): LineEnd[] {
  return series.flatMap((s) => {
    const last = s.points.findLast((p) => p.y !== null);
    return last ? [{ label: s.label, color: s.color, x: last.x, y: last.y as number }] : [];
  });
}

/** Labels beside the line ends, spread apart where lines end at close values. */
function lineEndLabels(
  ends: LineEnd[],
  sx: (x: number) => number,
  sy: (y: number) => number,
  { min, max, room }: { min: number; max: number; room: number },
) {
  const placed = spreadLabels(
    ends.map((e) => sy(e.y)),
    { minGap: LABEL_SIZE + 1, min, max },
  );
  return ends.map((e, i) => {
    const [x, y, at] = [sx(e.x), sy(e.y), placed[i] as number];
    return (
      <g key={`l-${e.label}`}>
        <line x1={x + 2} y1={y} x2={x + LEADER - 2} y2={at} stroke={e.color} />
        <text x={x + LEADER} y={at + LABEL_SIZE * 0.35} fontSize={LABEL_SIZE} fill={e.color}>
          <title>{e.label}</title>
          {fitLabel(e.label, room)}
        </text>
      </g>
    );
  });
}
