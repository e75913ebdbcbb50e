/**
 * Online basemaps are opt-in: only those the operator listed in GREENLINE_BASEMAPS appear, and
 * nothing is requested from them until the planner picks one. Each type becomes the bottom part
 * of the style (basemap-style.ts):
 *   raster    an XYZ template (OpenStreetMap, or any WMTS in Web Mercator)
 *   tianditu  天地图 by layer and key: the picture, and labels over it in the UI's language
 *   style     any MapLibre style URL; its sources and layers go under ours
 *   pmtiles   a PMTiles archive served by our own server, raster or vector; a vector archive in
 *             the Protomaps schema gets the Protomaps style (protomaps-style.ts), any other a plain one
 */
import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import * as maplibregl from 'maplibre-gl';
import { PMTiles, Protocol, TileType } from 'pmtiles';
import { tiandituTiles } from '../../../server/domain/tianditu.ts';
import type { Catalogue } from '../api/client.ts';
import type { Lang } from '../i18n/messages.ts';
import type { BasemapPart } from './basemap-style.ts';
import { isProtomapsSchema, protomapsLayers } from './protomaps-style.ts';

export type BasemapConfig = Catalogue['basemaps'][number];

let protocolAdded = false;
const protocol = new Protocol();
const archives = new Map<string, PMTiles>();

function ensurePmtilesProtocol(): void {
  if (protocolAdded) return;
  maplibregl.addProtocol('pmtiles', protocol.tile);
  protocolAdded = true;
}

const absolute = (url: string) => new URL(url, window.location.href).href;

/** One reader per archive, shared by the map and the switcher's thumbnail, so the header is read once. */
export function archiveFor(url: string): PMTiles {
  const href = absolute(url);
  let archive = archives.get(href);
  if (!archive) {
    archive = new PMTiles(href);
    archives.set(href, archive);
  }
  return archive;
}

export interface VectorLayerInfo {
  id: string;
}

/** What an archive is: raster, vector in the Protomaps schema, or some other vector schema. */
export type ArchiveKind = { kind: 'raster' } | { kind: 'protomaps' } | { kind: 'vector'; layers: VectorLayerInfo[] };

export async function archiveKind(archive: PMTiles): Promise<ArchiveKind> {
  const header = await archive.getHeader();
  if (header.tileType !== TileType.Mvt) return { kind: 'raster' };
  const metadata = (await archive.getMetadata()) as { vector_layers?: VectorLayerInfo[] };
  const layers = metadata.vector_layers ?? [];
  return isProtomapsSchema(layers) ? { kind: 'protomaps' } : { kind: 'vector', layers };
}

/** Whether the part a basemap makes depends on the UI language (its labels), so a switch remakes it. */
export const labelledInUiLanguage = (config: BasemapConfig) => config.type === 'tianditu' || config.type === 'pmtiles';

export async function onlineBasemap(config: BasemapConfig, lang: Lang): Promise<BasemapPart> {
  const attribution = config.attribution ? { attribution: config.attribution } : {};
  if (config.type === 'raster') {
    return {
      sources: { basemap: { type: 'raster', tiles: [config.url], tileSize: 256, ...attribution } },
      layers: [{ id: 'basemap', type: 'raster', source: 'basemap' }],
    };
  }
  if (config.type === 'tianditu') {
    if (!config.layer || !config.key) throw new Error(`basemap ${config.id}: a tianditu basemap needs a layer and a key`);
    const { base, annotation } = tiandituTiles(config.layer, lang, config.key);
    // Tianditu's Web Mercator set goes to zoom 18; MapLibre over-zooms beyond it.
    const raster = { type: 'raster', tileSize: 256, maxzoom: 18 } as const;
    return {
      sources: { basemap: { ...raster, tiles: base, ...attribution }, 'basemap-labels': { ...raster, tiles: annotation } },
      layers: [
        { id: 'basemap', type: 'raster', source: 'basemap' },
        { id: 'basemap-labels', type: 'raster', source: 'basemap-labels' },
      ],
    };
  }
  if (config.type === 'style') {
    const response = await fetch(config.url);
    if (!response.ok) throw new Error(`basemap style ${config.url}: ${response.status} ${response.statusText}`);
    const style = (await response.json()) as StyleSpecification;
    return { sources: style.sources as Record<string, SourceSpecification>, layers: style.layers };
  }
  ensurePmtilesProtocol();
  const archive = archiveFor(config.url);
  protocol.add(archive);
  const kind = await archiveKind(archive);
  const url = `pmtiles://${archive.source.getKey()}`;
  if (kind.kind === 'raster') {
    return {
      sources: { basemap: { type: 'raster', url, tileSize: 256, ...attribution } },
      layers: [{ id: 'basemap', type: 'raster', source: 'basemap' }],
    };
  }
  const source: SourceSpecification = { type: 'vector', url, ...attribution };
  if (kind.kind === 'protomaps') return { sources: { basemap: source }, layers: protomapsLayers('basemap', lang) };
  const layers: LayerSpecification[] = [{ id: 'basemap-background', type: 'background', paint: { 'background-color': '#f2f1ec' } }];
  // Without a style made for the archive, draw every layer plainly: areas, lines, points.
  for (const { id } of kind.layers) {
    const common = { source: 'basemap', 'source-layer': id };
    layers.push(
      {
        id: `basemap-${id}-fill`,
        type: 'fill',
        ...common,
        filter: ['==', ['geometry-type'], 'Polygon'],
        paint: { 'fill-color': '#e4e6de' },
      },
      { id: `basemap-${id}-line`, type: 'line', ...common, paint: { 'line-color': '#b9bdb3', 'line-width': 0.6 } },
    );
  }
  return { sources: { basemap: source }, layers };
}
