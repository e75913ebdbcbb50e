/**
 * Online basemaps are opt-in: only those the operator listed in GREENLINE_BASEMAPS appear, and
 * nothing is requested from them until the planner picks one. Each type becomes the bottom part
 * of the style (basemap-style.ts):
 *   raster   an XYZ template (OpenStreetMap, Tianditu with the operator's key in the URL)
 *   style    any MapLibre style URL; its sources and layers go under ours
 *   pmtiles  a PMTiles archive served by our own server, raster or vector
 */
import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import * as maplibregl from 'maplibre-gl';
import { PMTiles, Protocol, TileType } from 'pmtiles';
import type { Catalogue } from '../api/client.ts';
import type { BasemapPart } from './basemap-style.ts';

export type BasemapConfig = Catalogue['basemaps'][number];

let protocolAdded = false;
const protocol = new Protocol();

function ensurePmtilesProtocol(): void {
  if (protocolAdded) return;
  maplibregl.addProtocol('pmtiles', protocol.tile);
  protocolAdded = true;
}

const absolute = (url: string) => new URL(url, window.location.href).href;

export async function onlineBasemap(config: BasemapConfig): Promise<BasemapPart> {
  const attribution = config.attribution ? { attribution: config.attribution } : {};
  if (config.type === 'raster') {
    return {
      sources: { basemap: { type: 'raster', tiles: [config.url], tileSize: 256, ...attribution } },
      layers: [{ id: 'basemap', type: 'raster', source: 'basemap' }],
    };
  }
  if (config.type === 'style') {
    const response = await fetch(config.url);
    if (!response.ok) throw new Error(`basemap style ${config.url}: ${response.status} ${response.statusText}`);
    const style = (await response.json()) as StyleSpecification;
    return { sources: style.sources as Record<string, SourceSpecification>, layers: style.layers };
  }
  ensurePmtilesProtocol();
  const archive = new PMTiles(absolute(config.url));
  protocol.add(archive);
  const header = await archive.getHeader();
  const url = `pmtiles://${archive.source.getKey()}`;
  if (header.tileType === TileType.Mvt) {
    const metadata = (await archive.getMetadata()) as { vector_layers?: { id: string }[] };
    const layers: LayerSpecification[] = [{ id: 'basemap-background', type: 'background', paint: { 'background-color': '#f2f1ec' } }];
    // Without a style made for the archive, draw every layer plainly: areas, lines, points.
    for (const { id } of metadata.vector_layers ?? []) {
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
    return { sources: { basemap: { type: 'vector', url, ...attribution } }, layers };
  }
  return {
    sources: { basemap: { type: 'raster', url, tileSize: 256, ...attribution } },
    layers: [{ id: 'basemap', type: 'raster', source: 'basemap' }],
  };
}
