/**
 * A small picture for each basemap in the switcher, made without asking any other host:
 * - a local PMTiles archive is previewed from its own tile at the archive's centre (a raster tile
 *   as it is; a vector tile painted on a canvas in the colours its style uses);
 * - the offline basemap, Tianditu and other online basemaps get a drawn swatch in their colours.
 *   Fetching an online tile just for a thumbnail would contact its host before the planner chose it.
 */
import { VectorTile, type VectorTileLayer } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { PMTiles } from 'pmtiles';
import { type ArchiveKind, archiveFor, archiveKind, type BasemapConfig } from '../basemaps.ts';
import { PROTOMAPS_FLAVOR } from '../protomaps-style.ts';

export const THUMB_WIDTH = 72;
export const THUMB_HEIGHT = 48;

const svg = (body: string) =>
  `data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${THUMB_WIDTH}" height="${THUMB_HEIGHT}" viewBox="0 0 72 48">${body}</svg>`,
  )}`;

/** Land, water and a few boundaries in the offline basemap's colours (basemap-style.ts). */
const OFFLINE = svg(
  '<rect width="72" height="48" fill="#dfe8ea"/>' +
    '<path d="M0 6 L30 2 L52 8 L60 20 L54 34 L62 48 L0 48 Z" fill="#f4f3ee" stroke="#c4c6bf"/>' +
    '<path d="M12 48 L18 26 L36 18 L52 24" fill="none" stroke="#6b6f68" stroke-width="1.4"/>' +
    '<path d="M18 26 L8 14 M36 18 L40 36" fill="none" stroke="#8d918a" stroke-dasharray="3 2"/>',
);

/** Tianditu's vector map: pale land, blue water, white and yellow roads. */
const TIANDITU_VEC = svg(
  '<rect width="72" height="48" fill="#f3f1ea"/>' +
    '<path d="M44 0 C40 14 52 22 48 48 L72 48 L72 0 Z" fill="#abc6ef"/>' +
    '<path d="M0 30 L72 18" stroke="#fff" stroke-width="4"/><path d="M0 30 L72 18" stroke="#f9d67a" stroke-width="2"/>' +
    '<path d="M16 0 L26 48" stroke="#fff" stroke-width="3"/>' +
    '<text x="5" y="12" font-size="8" fill="#555" font-family="sans-serif">天地图</text>',
);

/** Tianditu's imagery: fields and hills in the greens and browns of a satellite picture. */
const TIANDITU_IMG = svg(
  '<rect width="72" height="48" fill="#4d5b3a"/>' +
    '<path d="M0 0 L30 0 L22 20 L0 26 Z" fill="#6b7a4c"/><path d="M40 48 L48 22 L72 16 L72 48 Z" fill="#7a6a4a"/>' +
    '<path d="M30 0 C34 18 26 30 40 48" fill="none" stroke="#2f4a5a" stroke-width="3"/>' +
    '<text x="5" y="44" font-size="8" fill="#fff" font-family="sans-serif">天地图</text>',
);

/** Any other online basemap: a neutral street-map pattern with a globe, never its real tiles. */
const ONLINE = svg(
  '<rect width="72" height="48" fill="#eef0ec"/>' +
    '<path d="M0 16 L72 22 M0 38 L72 30 M20 0 L16 48 M50 0 L56 48" stroke="#fff" stroke-width="3"/>' +
    '<circle cx="60" cy="11" r="7" fill="none" stroke="#5b6f86" stroke-width="1.2"/>' +
    '<path d="M53 11 H67 M60 4 C56 8 56 14 60 18 M60 4 C64 8 64 14 60 18" fill="none" stroke="#5b6f86" stroke-width="1"/>',
);

/** The drawn swatch of a basemap, or null for a local archive, whose thumbnail is its own tile. */
export function swatch(config: BasemapConfig | null): string | null {
  if (!config) return OFFLINE;
  if (config.type === 'pmtiles') return null;
  if (config.type === 'tianditu') return config.layer === 'img' ? TIANDITU_IMG : TIANDITU_VEC;
  return ONLINE;
}

/** The tile (column, row) holding a point at a zoom, as the archive numbers them. */
function tileAt(lon: number, lat: number, z: number): { x: number; y: number; fx: number; fy: number } {
  const n = 2 ** z;
  const sin = Math.sin((Math.max(-85, Math.min(85, lat)) * Math.PI) / 180);
  const wx = ((lon + 180) / 360) * n;
  const wy = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * n;
  const x = Math.min(n - 1, Math.floor(wx));
  const y = Math.min(n - 1, Math.floor(wy));
  return { x, y, fx: wx - x, fy: wy - y };
}

/** Colours of the thumbnail's vector layers: the Protomaps flavor's, or the plain style's. */
function vectorPalette(kind: ArchiveKind): { background: string; fills: Record<string, string>; lines: Record<string, string> } {
  if (kind.kind === 'protomaps') {
    const f = PROTOMAPS_FLAVOR;
    return {
      background: f.background,
      fills: { earth: f.earth, landuse: f.park_a, water: f.water, buildings: f.buildings },
      lines: { roads: f.major, boundaries: f.boundaries },
    };
  }
  const layers = kind.kind === 'vector' ? kind.layers.map((l) => l.id) : [];
  return {
    background: '#f2f1ec',
    fills: Object.fromEntries(layers.map((id) => [id, '#e4e6de'])),
    lines: Object.fromEntries(layers.map((id) => [id, '#b9bdb3'])),
  };
}

function paintVectorTile(ctx: CanvasRenderingContext2D, layers: Record<string, VectorTileLayer>, kind: ArchiveKind, scale: number): void {
  const palette = vectorPalette(kind);
  ctx.fillStyle = palette.background;
  ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  const paint = (colours: Record<string, string>, fill: boolean) => {
    for (const [name, colour] of Object.entries(colours)) {
      const layer = layers[name];
      if (!layer) continue;
      const k = scale / layer.extent;
      for (let i = 0; i < layer.length; i++) {
        const feature = layer.feature(i);
        if (fill !== (feature.type === 3)) continue;
        ctx.beginPath();
        for (const ring of feature.loadGeometry())
          for (const [j, p] of ring.entries()) (j === 0 ? ctx.moveTo : ctx.lineTo).call(ctx, p.x * k, p.y * k);
        if (fill) {
          ctx.fillStyle = colour;
          ctx.fill('evenodd');
        } else {
          ctx.strokeStyle = colour;
          ctx.lineWidth = 1;
          ctx.stroke();
        }
      }
    }
  };
  paint(palette.fills, true);
  paint(palette.lines, false);
}

/**
 * The archive's tile at its centre and centre zoom, cut to the thumbnail around the centre: a
 * PNG data URL. Throws when the archive has no tile there (the switcher then shows a swatch).
 */
export async function archiveThumbnail(url: string): Promise<string> {
  const archive: PMTiles = archiveFor(url);
  const header = await archive.getHeader();
  const kind = await archiveKind(archive);
  const z = Math.max(header.minZoom, Math.min(header.maxZoom, header.centerZoom));
  const at = tileAt(header.centerLon, header.centerLat, z);
  const tile = await archive.getZxy(z, at.x, at.y);
  if (!tile) throw new Error(`archive ${url} has no tile ${z}/${at.x}/${at.y} at its centre`);
  // The tile drawn at 256 px, then the thumbnail's window around the centre, kept inside the tile.
  const size = 256;
  const tileCanvas = document.createElement('canvas');
  tileCanvas.width = size;
  tileCanvas.height = size;
  const tctx = tileCanvas.getContext('2d');
  if (!tctx) throw new Error('no 2D canvas for the basemap thumbnail');
  if (kind.kind === 'raster') {
    const bitmap = await createImageBitmap(new Blob([tile.data]));
    tctx.drawImage(bitmap, 0, 0, size, size);
  } else {
    paintVectorTile(tctx, new VectorTile(new PbfReader(new Uint8Array(tile.data))).layers, kind, size);
  }
  const crop = { w: THUMB_WIDTH * 2, h: THUMB_HEIGHT * 2 };
  const left = Math.max(0, Math.min(size - crop.w, at.fx * size - crop.w / 2));
  const top = Math.max(0, Math.min(size - crop.h, at.fy * size - crop.h / 2));
  const out = document.createElement('canvas');
  out.width = crop.w;
  out.height = crop.h;
  out.getContext('2d')?.drawImage(tileCanvas, left, top, crop.w, crop.h, 0, 0, crop.w, crop.h);
  return out.toDataURL('image/png');
}
