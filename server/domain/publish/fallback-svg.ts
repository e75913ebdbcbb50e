/**
 * The image a publication offers where scripts do not run (the snippet's <noscript>): the map as
 * the embed first shows it, drawn as SVG — land, prefectures (filled for a choropleth), zone
 * layers, enterprises binned into small cells coloured by their most severe action — with the
 * summary, legend, review number and source line as text, and the South China Sea inset when the
 * view is national. The title is the page's and the image's alt text, not part of the picture, so
 * renaming a publication keeps its frozen image. SVG keeps it small, sharp and offline: text is drawn by the reader's
 * own fonts, and nothing is rasterised on the server.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { BBox } from '../zone.ts';
import { escapeMarkup } from './escape-markup.ts';
import type { InsetShapes } from './inset.ts';

export interface PathStyle {
  fill: string;
  fillOpacity: number;
  stroke: string;
  strokeWidth: number;
  dashed?: boolean;
}

export interface FallbackInput {
  width: number;
  height: number;
  center: [lon: number, lat: number];
  /** MapLibre zoom (512-pixel tiles). */
  zoom: number;
  lang: 'zh' | 'en';
  summary: string;
  areas: { geometry: Polygon | MultiPolygon; style: PathStyle }[];
  points: { count: number; lon: ArrayLike<number>; lat: ArrayLike<number>; colour: ArrayLike<number> } | null;
  /** Point colours by the numbers in points.colour; lower numbers are drawn over higher ones. */
  colours: string[];
  legend: { label: string; colour: string }[];
  footer: string[];
  inset: InsetShapes | null;
}

const HEADER = 64;
const FOOTER_LINE = 16;
const CELL = 4;

export function fallbackSvg(input: FallbackInput): string {
  const footerHeight = 12 + input.footer.length * FOOTER_LINE;
  const mapHeight = input.height - HEADER - footerHeight;
  const project = projector(input.center, input.zoom, input.width, mapHeight);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${input.width}" height="${input.height}" viewBox="0 0 ${input.width} ${input.height}" role="img" aria-label="${escapeMarkup(input.summary)}">`,
    '<style>text{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;fill:#1f2a24}</style>',
    `<rect width="${input.width}" height="${input.height}" fill="#ffffff"/>`,
    ...wrap(input.summary, Math.floor(input.width / 13), 2).map(
      (line, i) => `<text x="16" y="${24 + i * 20}" font-size="13">${escapeMarkup(line)}</text>`,
    ),
    `<svg x="0" y="${HEADER}" width="${input.width}" height="${mapHeight}" viewBox="0 0 ${input.width} ${mapHeight}">`,
    `<rect width="${input.width}" height="${mapHeight}" fill="#e6e7e3"/>`,
  );
  for (const area of input.areas) {
    const d = pathOf(area.geometry, project, input.width, mapHeight);
    if (!d) continue;
    const s = area.style;
    out.push(
      `<path d="${d}" fill="${s.fill}" fill-opacity="${s.fillOpacity}" stroke="${s.stroke}" stroke-width="${s.strokeWidth}"${s.dashed ? ' stroke-dasharray="4 3"' : ''} fill-rule="evenodd"/>`,
    );
  }
  if (input.points) out.push(...pointCells(input.points, project, input.width, mapHeight, input.colours));
  if (input.inset) out.push(insetSvg(input.inset, input.width, mapHeight, input.lang));
  out.push('</svg>');
  let x = 16;
  const legendY = HEADER + mapHeight - 14;
  for (const entry of input.legend.slice(0, 8)) {
    const label = escapeMarkup(entry.label);
    out.push(
      `<rect x="${x - 4}" y="${legendY - 11}" width="${entry.label.length * 11 + 22}" height="18" fill="#ffffff" fill-opacity="0.85"/>`,
      `<circle cx="${x + 4}" cy="${legendY - 2}" r="5" fill="${entry.colour}"/>`,
      `<text x="${x + 13}" y="${legendY + 2}" font-size="11">${label}</text>`,
    );
    x += entry.label.length * 11 + 30;
  }
  input.footer.forEach((line, i) => {
    out.push(`<text x="16" y="${HEADER + mapHeight + 18 + i * FOOTER_LINE}" font-size="11">${escapeMarkup(line)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}

type Project = (lon: number, lat: number) => [number, number];

/** Web Mercator at a MapLibre zoom: the world is 512 · 2^zoom pixels wide. */
function projector([lon0, lat0]: [number, number], zoom: number, width: number, height: number): Project {
  const world = 512 * 2 ** zoom;
  const mx = (lon: number) => ((lon + 180) / 360) * world;
  const my = (lat: number) => mercatorY(lat) * world;
  const cx = mx(lon0) - width / 2;
  const cy = my(lat0) - height / 2;
  return (lon, lat) => [mx(lon) - cx, my(lat) - cy];
}

/** The bounds of a view of this size, for deciding whether it is national. */
export function viewBounds(center: [number, number], zoom: number, width: number, height: number): BBox {
  const world = 512 * 2 ** zoom;
  const cy = mercatorY(center[1]) * world;
  const latOf = (py: number) => (180 / Math.PI) * Math.atan(Math.sinh(Math.PI - (2 * Math.PI * py) / world));
  const degrees = (width / world) * 360;
  return [center[0] - degrees / 2, latOf(cy + height / 2), center[0] + degrees / 2, latOf(cy - height / 2)];
}

/** The view that shows these bounds whole in a frame of this size, within a zoom range. */
export function fitView(
  bounds: BBox,
  width: number,
  height: number,
  minZoom: number,
  maxZoom: number,
): { center: [number, number]; zoom: number } {
  const [w, s, e, n] = bounds;
  const dx = (e - w) / 360;
  const dy = Math.abs(mercatorY(s) - mercatorY(n));
  const zoom = Math.log2(Math.min(width / (512 * Math.max(dx, 1e-9)), height / (512 * Math.max(dy, 1e-9))));
  const lat = (180 / Math.PI) * Math.atan(Math.sinh(Math.PI * (1 - 2 * ((mercatorY(s) + mercatorY(n)) / 2))));
  return { center: [(w + e) / 2, lat], zoom: Math.max(minZoom, Math.min(maxZoom, Math.floor(zoom * 10) / 10)) };
}

/** Web Mercator y as a fraction of the world's height, 0 at the top. */
function mercatorY(lat: number): number {
  const sin = Math.sin((Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 180);
  return 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
}

function pathOf(geometry: Polygon | MultiPolygon, project: Project, width: number, height: number): string {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const d: string[] = [];
  for (const part of parts) {
    for (const ring of part) {
      const pts = ring.map(([lon = 0, lat = 0]) => project(lon, lat));
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      for (const [x, y] of pts) {
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
      // Off the image, or smaller than a pixel: nothing to draw.
      if (maxX < 0 || maxY < 0 || minX > width || minY > height || (maxX - minX < 1 && maxY - minY < 1)) continue;
      let last: [number, number] | null = null;
      const kept: string[] = [];
      for (const p of pts) {
        if (last && Math.abs(p[0] - last[0]) < 0.6 && Math.abs(p[1] - last[1]) < 0.6) continue;
        kept.push(`${p[0].toFixed(1)} ${p[1].toFixed(1)}`);
        last = p;
      }
      if (kept.length >= 3) d.push(`M${kept.join('L')}Z`);
    }
  }
  return d.join('');
}

/** Enterprises binned into CELL-pixel cells, each drawn once in the colour of its most severe plant. */
function pointCells(
  points: NonNullable<FallbackInput['points']>,
  project: Project,
  width: number,
  height: number,
  colours: string[],
): string[] {
  const cols = Math.ceil(width / CELL);
  const rows = Math.ceil(height / CELL);
  const best = new Int16Array(cols * rows).fill(-1);
  for (let i = 0; i < points.count; i++) {
    const [x, y] = project(points.lon[i] as number, points.lat[i] as number);
    if (x < 0 || y < 0 || x >= width || y >= height) continue;
    const cell = Math.floor(y / CELL) * cols + Math.floor(x / CELL);
    const colour = points.colour[i] as number;
    const current = best[cell] as number;
    if (current === -1 || colour < current) best[cell] = colour;
  }
  const byColour = new Map<number, string[]>();
  for (let cell = 0; cell < best.length; cell++) {
    const colour = best[cell] as number;
    if (colour === -1) continue;
    const x = (cell % cols) * CELL + CELL / 2;
    const y = Math.floor(cell / cols) * CELL + CELL / 2;
    const list = byColour.get(colour) ?? [];
    list.push(`M${x - 2.5} ${y}a2.5 2.5 0 1 0 5 0a2.5 2.5 0 1 0 -5 0`);
    byColour.set(colour, list);
  }
  // Less severe first, so the most severe are drawn on top.
  return [...byColour.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([colour, d]) => `<path d="${d.join('')}" fill="${colours[colour] ?? '#888888'}" stroke="#ffffff" stroke-width="0.5"/>`);
}

function insetSvg(inset: InsetShapes, width: number, height: number, lang: 'zh' | 'en'): string {
  const h = Math.min(150, height * 0.42);
  const w = (h * inset.width) / inset.height;
  const x = width - w - 10;
  const y = height - h - 10;
  const d = inset.polygons
    .map((ring) => `M${ring.map(([u, v]) => `${(x + u * w).toFixed(1)} ${(y + v * h).toFixed(1)}`).join('L')}Z`)
    .join('');
  return [
    `<rect x="${x}" y="${y}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" fill="#dfe9ee" stroke="#4b5a52" stroke-width="1"/>`,
    `<path d="${d}" fill="#4b5a52"/>`,
    `<text x="${(x + w - 4).toFixed(1)}" y="${(y + h - 6).toFixed(1)}" font-size="10" text-anchor="end">${escapeMarkup(lang === 'zh' ? inset.name : inset.name_en)}</text>`,
  ].join('\n');
}

/** Lines of at most `width` characters (CJK text has no spaces to break at), the last one cut short. */
function wrap(text: string, width: number, lines: number): string[] {
  const out: string[] = [];
  for (let at = 0; at < text.length && out.length < lines; at += width) out.push(text.slice(at, at + width));
  if (text.length > width * lines) out[lines - 1] = `${(out[lines - 1] as string).slice(0, width - 1)}…`;
  return out;
}
