/**
 * Vector tiles of points, counted into clusters where they crowd: supercluster builds the cluster
 * hierarchy (a k-d tree per zoom), every tile that holds a cluster or point is cut from it, encoded
 * as MVT by vt-pbf, gzipped and appended to a PMTiles archive in tile-id order.
 *
 * A point carries only small integers (its row, for the popup to look up, and a category for its
 * colour): names and other text stay out of the tiles, so a million points make tens of
 * megabytes, not hundreds. A cluster carries its count and the lowest non-zero category among its
 * points (the most severe action, when categories are ranked that way).
 */
import { gzipSync } from 'node:zlib';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, Point } from 'geojson';
import { tileIdToZxy, zxyToTileId } from 'pmtiles';
import Supercluster from 'supercluster';
import type { PmtilesWriter } from './pmtiles-writer.ts';
import { MAX_LAT, tileOf } from './tile-math.ts';

export interface PointSet {
  count: number;
  lon: ArrayLike<number>;
  lat: ArrayLike<number>;
  /** Per point, 0–255; 0 = none. Clusters keep the lowest non-zero one. */
  category: ArrayLike<number>;
  /** Extra small integers per point, carried into the tiles under these names. */
  extra?: Record<string, ArrayLike<number>>;
}

export interface PointTileOptions {
  layer: string;
  /** Deepest zoom with clusters; from the next zoom on, every point is its own feature. */
  clusterMaxZoom: number;
  /** Deepest zoom tiled; maps overzoom beyond it. */
  maxZoom: number;
  /** Cluster radius in pixels of a 512-pixel tile. */
  radius?: number;
}

export interface PointTileStats {
  tiles: number;
  /** Features per zoom (clusters and points). */
  featuresByZoom: number[];
  largestTile: number;
}

const EXTENT = 4096;
const TILE_PIXELS = 512;

interface Props {
  i: number;
  c: number;
  [extra: string]: number;
}
interface ClusterProps {
  c: number;
}

export function writePointTiles(writer: PmtilesWriter, points: PointSet, options: PointTileOptions): PointTileStats {
  const index = new Supercluster<Props, ClusterProps>({
    maxZoom: options.clusterMaxZoom,
    radius: ((options.radius ?? 40) * EXTENT) / TILE_PIXELS,
    extent: EXTENT,
    map: (p) => ({ c: p.c }),
    reduce: (acc, p) => {
      if (p.c !== 0 && (acc.c === 0 || p.c < acc.c)) acc.c = p.c;
    },
  });
  const extraNames = Object.keys(points.extra ?? {});
  const features: Feature<Point, Props>[] = new Array(points.count);
  for (let i = 0; i < points.count; i++) {
    const properties: Props = { i, c: points.category[i] as number };
    for (const name of extraNames) properties[name] = points.extra?.[name]?.[i] as number;
    features[i] = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [points.lon[i] as number, points.lat[i] as number] },
      properties,
    };
  }
  index.load(features);

  const stats: PointTileStats = { tiles: 0, featuresByZoom: [], largestTile: 0 };
  for (let z = 0; z <= options.maxZoom; z++) {
    const ids = z <= options.clusterMaxZoom ? clusterTileIds(index, z) : pointTileIds(points, z);
    let featureCount = 0;
    for (const id of ids) {
      const [, x, y] = tileIdToZxy(id);
      const tile = index.getTile(z, x, y);
      if (!tile || tile.features.length === 0) continue;
      featureCount += tile.features.length;
      const mvt = fromGeojsonVt({ [options.layer]: tile as Parameters<typeof fromGeojsonVt>[0][string] }, { version: 2, extent: EXTENT });
      const bytes = gzipSync(mvt);
      stats.largestTile = Math.max(stats.largestTile, bytes.length);
      writer.addTile(id, bytes);
      stats.tiles++;
    }
    stats.featuresByZoom.push(featureCount);
  }
  return stats;
}

/** Tiles that hold a cluster or point of zoom z, as sorted tile ids. */
function clusterTileIds(index: Supercluster<Props, ClusterProps>, z: number): number[] {
  const ids = new Set<number>();
  for (const f of index.getClusters([-180, -MAX_LAT, 180, MAX_LAT], z)) {
    const [lon, lat] = f.geometry.coordinates as [number, number];
    ids.add(tileIdOf(lon, lat, z));
  }
  return [...ids].sort((a, b) => a - b);
}

/** Beyond the clusters every point is a feature: the tiles are those the points fall in. */
function pointTileIds(points: PointSet, z: number): number[] {
  const ids = new Set<number>();
  for (let i = 0; i < points.count; i++) ids.add(tileIdOf(points.lon[i] as number, points.lat[i] as number, z));
  return [...ids].sort((a, b) => a - b);
}

function tileIdOf(lon: number, lat: number, z: number): number {
  const [x, y] = tileOf(lon, lat, z);
  return zxyToTileId(z, x, y);
}
