/**
 * The embed's first frame, painted on a 2D canvas from the map's own style and tiles while
 * MapLibre loads. Without a GPU, MapLibre needs 2–3 s from navigation to its first frame (parsing
 * its script, creating a WebGL context, compiling shaders in software); a canvas needs a few
 * milliseconds once the tiles of the view have arrived. So the visitor sees the map — the same
 * tiles, colours, clusters and radii, at the same centre and zoom — at once, and MapLibre replaces
 * it, pixel for pixel the same picture, when its own first frame is complete.
 *
 * It draws fill, line and circle layers (all the embed's style has), evaluating their expressions
 * with style-eval.ts; tiles are chosen as MapLibre chooses them for a 512-pixel vector source
 * (the floor of the zoom, clamped to the archive's zoom range) and clipped to their own square.
 */
import { VectorTile, type VectorTileFeature, type VectorTileLayer } from '@mapbox/vector-tile';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl-5';
import { PbfReader } from 'pbf';
import type { Archives } from './archives.ts';
import { type Properties, paintValue } from './style-eval.ts';

export interface FrameView {
  center: [lon: number, lat: number];
  zoom: number;
  /** CSS pixels. */
  width: number;
  height: number;
}

/** MapLibre's tile size: the world is 512 × 2^zoom pixels wide. */
const TILE_SIZE = 512;

export function worldPixel([lon, lat]: [number, number], zoom: number): [number, number] {
  const size = TILE_SIZE * 2 ** zoom;
  const sin = Math.sin((lat * Math.PI) / 180);
  return [((lon + 180) / 360) * size, (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size];
}

const lonOf = (x: number, size: number) => (x / size) * 360 - 180;
const latOf = (y: number, size: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / size))) * 180) / Math.PI;

/**
 * The view MapLibre shows for a requested one inside `bounds` (its maxBounds): zoomed in until the
 * bounds fill the screen, then panned until no edge shows what lies beyond them (MapLibre's
 * Mercator `defaultConstrain`, applied until it settles, as the map applies it to zoom and centre).
 */
export function constrainView(
  view: FrameView,
  [west, south, east, north]: [number, number, number, number],
  minZoom: number,
  maxZoom: number,
): FrameView {
  let { center, zoom } = view;
  zoom = Math.min(Math.max(zoom, minZoom), maxZoom);
  for (let pass = 0; pass < 3; pass++) {
    const size = TILE_SIZE * 2 ** zoom;
    const [minX, minY] = worldPixel([west, north], zoom);
    const [maxX, maxY] = worldPixel([east, south], zoom);
    const scale = Math.max(
      maxX - minX < view.width ? view.width / (maxX - minX) : 0,
      maxY - minY < view.height ? view.height / (maxY - minY) : 0,
    );
    let [x, y] = worldPixel(center, zoom);
    if (scale) {
      if (maxX - minX < view.width) x = (minX + maxX) / 2;
      if (maxY - minY < view.height) y = (minY + maxY) / 2;
      center = [lonOf(x, size), latOf(y, size)];
      zoom += Math.log2(scale);
      continue;
    }
    const [w2, h2] = [view.width / 2, view.height / 2];
    if (y - h2 < minY) y = minY + h2;
    if (y + h2 > maxY) y = maxY - h2;
    if (x - w2 < minX) x = minX + w2;
    if (x + w2 > maxX) x = maxX - w2;
    center = [lonOf(x, size), latOf(y, size)];
    break;
  }
  return { ...view, center, zoom };
}

export interface TileId {
  z: number;
  x: number;
  y: number;
}

/** The tiles of zoom `z` that a view at `view.zoom` shows, as MapLibre's covering tiles. */
export function coveringTiles(view: FrameView, z: number): TileId[] {
  const scale = TILE_SIZE * 2 ** (view.zoom - z);
  const [cx, cy] = worldPixel(view.center, view.zoom);
  const last = 2 ** z - 1;
  const range = (centre: number, half: number) =>
    [Math.max(0, Math.floor((centre - half) / scale)), Math.min(last, Math.floor((centre + half) / scale))] as const;
  const [x0, x1] = range(cx, view.width / 2);
  const [y0, y1] = range(cy, view.height / 2);
  const tiles: TileId[] = [];
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) tiles.push({ z, x, y });
  return tiles;
}

/** The zoom of the tiles MapLibre asks a source for, or null below the source's range. */
export function tileZoom(zoom: number, minZoom: number, maxZoom: number): number | null {
  const z = Math.floor(zoom);
  return z < minZoom ? null : Math.min(z, maxZoom);
}

interface LoadedTile extends TileId {
  layers: Record<string, VectorTileLayer>;
}

type DrawnLayer = LayerSpecification & { type: 'fill' | 'line' | 'circle'; source: string; 'source-layer'?: string };

async function loadSource(archives: Archives, url: string | undefined, view: FrameView): Promise<LoadedTile[]> {
  const archive = archives.forSourceUrl(url);
  if (!archive) throw new Error(`the first frame has no archive for ${url}`);
  const header = await archive.getHeader();
  const z = tileZoom(view.zoom, header.minZoom, header.maxZoom);
  if (z === null) return [];
  const tiles = await Promise.all(
    coveringTiles(view, z).map(async (id) => {
      const response = await archive.getZxy(id.z, id.x, id.y);
      return response ? { ...id, layers: new VectorTile(new PbfReader(new Uint8Array(response.data))).layers } : null;
    }),
  );
  return tiles.filter((t): t is LoadedTile => t !== null);
}

/**
 * Paints the view into a new canvas of the view's size, or throws if a tile cannot be read (the
 * map then simply appears when MapLibre has drawn it).
 */
export async function paintFirstFrame(style: StyleSpecification, archives: Archives, view: FrameView): Promise<HTMLCanvasElement> {
  const layers = style.layers.filter((l): l is DrawnLayer => l.type === 'fill' || l.type === 'line' || l.type === 'circle');
  const names = [...new Set(layers.map((l) => l.source))];
  const loaded = await Promise.all(
    names.map((name) => {
      const source = style.sources[name];
      return loadSource(archives, source && 'url' in source ? source.url : undefined, view);
    }),
  );
  const tilesOf = new Map(names.map((name, i) => [name, loaded[i] as LoadedTile[]]));

  const ratio = window.devicePixelRatio || 1;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(view.width * ratio);
  canvas.height = Math.round(view.height * ratio);
  canvas.style.width = `${view.width}px`;
  canvas.style.height = `${view.height}px`;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.scale(ratio, ratio);
  const [cx, cy] = worldPixel(view.center, view.zoom);
  const origin = [cx - view.width / 2, cy - view.height / 2] as const;
  for (const layer of layers) {
    if ((layer.minzoom ?? 0) > view.zoom || (layer.maxzoom ?? 24) <= view.zoom) continue;
    for (const tile of tilesOf.get(layer.source) ?? []) {
      const source = tile.layers[layer['source-layer'] ?? ''];
      if (source) paintTile(ctx, layer, source, tile, view.zoom, origin);
    }
  }
  return canvas;
}

function paintTile(
  ctx: CanvasRenderingContext2D,
  layer: DrawnLayer,
  source: VectorTileLayer,
  tile: TileId,
  zoom: number,
  origin: readonly [number, number],
): void {
  const size = TILE_SIZE * 2 ** (zoom - tile.z);
  const k = size / source.extent;
  const left = tile.x * size - origin[0];
  const top = tile.y * size - origin[1];
  const paint = (layer.paint ?? {}) as Record<string, unknown>;
  ctx.save();
  // Fills and lines stop at the tile's edge, as MapLibre clips them; circles do not.
  if (layer.type !== 'circle') {
    ctx.beginPath();
    ctx.rect(left, top, size, size);
    ctx.clip();
  }
  for (let i = 0; i < source.length; i++) {
    const feature = source.feature(i);
    const properties = feature.properties as Properties;
    if (layer.filter !== undefined && paintValue(layer.filter, properties, zoom, false) !== true) continue;
    // The fallbacks are MapLibre's defaults for each property.
    const value = (name: string, fallback: unknown) => paintValue(paint[name], properties, zoom, fallback);
    const rings = feature.loadGeometry();
    if (layer.type === 'circle') {
      paintCircles(ctx, rings, source.extent, (x, y) => [left + x * k, top + y * k], value);
      continue;
    }
    if (layer.type === 'fill' && feature.type !== 3) continue;
    ctx.beginPath();
    for (const ring of rings) {
      for (const [j, p] of ring.entries()) {
        if (j === 0) ctx.moveTo(left + p.x * k, top + p.y * k);
        else ctx.lineTo(left + p.x * k, top + p.y * k);
      }
      if (feature.type === 3) ctx.closePath();
    }
    if (layer.type === 'fill') {
      ctx.globalAlpha = value('fill-opacity', 1) as number;
      ctx.fillStyle = value('fill-color', '#000000') as string;
      ctx.fill();
    } else {
      const width = value('line-width', 1) as number;
      const dashes = paint['line-dasharray'] as number[] | undefined;
      ctx.globalAlpha = value('line-opacity', 1) as number;
      ctx.strokeStyle = value('line-color', '#000000') as string;
      ctx.lineWidth = width;
      ctx.setLineDash(dashes ? dashes.map((d) => d * width) : []);
      ctx.stroke();
    }
  }
  ctx.restore();
}

/** Circles as MapLibre draws them: points outside the tile's square belong to its neighbour; the stroke lies outside the radius. */
function paintCircles(
  ctx: CanvasRenderingContext2D,
  rings: ReturnType<VectorTileFeature['loadGeometry']>,
  extent: number,
  toScreen: (x: number, y: number) => [number, number],
  value: (name: string, fallback: unknown) => unknown,
): void {
  const radius = value('circle-radius', 5) as number;
  const stroke = value('circle-stroke-width', 0) as number;
  for (const ring of rings) {
    for (const p of ring) {
      if (p.x < 0 || p.y < 0 || p.x >= extent || p.y >= extent) continue;
      const [x, y] = toScreen(p.x, p.y);
      ctx.beginPath();
      ctx.arc(x, y, radius, 0, 2 * Math.PI);
      ctx.globalAlpha = value('circle-opacity', 1) as number;
      ctx.fillStyle = value('circle-color', '#000000') as string;
      ctx.fill();
      if (stroke > 0) {
        ctx.beginPath();
        ctx.arc(x, y, radius + stroke / 2, 0, 2 * Math.PI);
        ctx.globalAlpha = value('circle-stroke-opacity', 1) as number;
        ctx.strokeStyle = value('circle-stroke-color', '#000000') as string;
        ctx.lineWidth = stroke;
        ctx.stroke();
      }
    }
  }
}
