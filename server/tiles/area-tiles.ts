/**
 * Vector tiles of polygons — zones, prefectures, land — in several named layers: geojson-vt cuts
 * and simplifies each layer, vt-pbf encodes every tile's layers as one MVT, and the tiles go into a
 * PMTiles archive in tile-id order. Tiles are enumerated from each feature's bounding box, so only
 * tiles near a polygon are cut; the many identical tiles inside a large polygon are stored once
 * by the archive.
 */
import { gzipSync } from 'node:zlib';
import { GeoJSONVT, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { tileIdToZxy, zxyToTileId } from 'pmtiles';
import type { PmtilesWriter } from './pmtiles-writer.ts';
import { tileOf } from './tile-math.ts';

export type AreaLayers = Record<string, FeatureCollection<Polygon | MultiPolygon>>;

export interface AreaTileStats {
  tiles: number;
  largestTile: number;
}

const EXTENT = 4096;

export function writeAreaTiles(writer: PmtilesWriter, layers: AreaLayers, options: { minZoom?: number; maxZoom: number }): AreaTileStats {
  const names = Object.keys(layers).filter((n) => (layers[n]?.features.length ?? 0) > 0);
  // tolerance 3 of 4096 drops vertices closer than about a third of a pixel at each zoom.
  const indexes = names.map(
    (n) => new GeoJSONVT(layers[n] as FeatureCollection, { maxZoom: options.maxZoom, extent: EXTENT, tolerance: 3, buffer: 64 }),
  );
  const stats: AreaTileStats = { tiles: 0, largestTile: 0 };
  for (let z = options.minZoom ?? 0; z <= options.maxZoom; z++) {
    for (const id of coveringTileIds(
      names.map((n) => layers[n] as FeatureCollection<Polygon | MultiPolygon>),
      z,
    )) {
      const [, x, y] = tileIdToZxy(id);
      const tileLayers: Record<string, GeoJSONVTTile> = {};
      let any = false;
      names.forEach((name, i) => {
        const tile = indexes[i]?.getTile(z, x, y);
        if (tile && tile.features.length > 0) {
          tileLayers[name] = tile;
          any = true;
        }
      });
      if (!any) continue;
      const bytes = gzipSync(fromGeojsonVt(tileLayers, { version: 2, extent: EXTENT }));
      stats.largestTile = Math.max(stats.largestTile, bytes.length);
      writer.addTile(id, bytes);
      stats.tiles++;
    }
  }
  return stats;
}

/** Tiles of zoom z touched by any feature's bounding box, in tile-id order. */
function coveringTileIds(collections: FeatureCollection<Polygon | MultiPolygon>[], z: number): number[] {
  const ids = new Set<number>();
  for (const collection of collections) {
    for (const feature of collection.features) {
      const [w, s, e, north] = bbox(feature.geometry);
      const [x0, y0] = tileOf(w, north, z);
      const [x1, y1] = tileOf(e, s, z);
      for (let x = x0; x <= x1; x++) {
        for (let y = y0; y <= y1; y++) {
          ids.add(zxyToTileId(z, x, y));
        }
      }
    }
  }
  return [...ids].sort((a, b) => a - b);
}

function bbox(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const part of parts) {
    for (const [x = 0, y = 0] of part[0] ?? []) {
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
    }
  }
  return [w, s, e, n];
}
