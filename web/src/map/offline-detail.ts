/**
 * The offline basemap's detail — counties, rivers, lakes — as vector tiles in one PMTiles archive
 * (data/basemap/detail.pmtiles, built by data/scripts/build-basemap.ts). Vite ships it as an asset
 * of the build and the server's static files answer its byte ranges, so nothing leaves the origin.
 * MapLibre reads it through a protocol of our own, kept apart from the one online PMTiles basemaps
 * register (basemaps.ts).
 */
import * as maplibregl from 'maplibre-gl';
import { PMTiles } from 'pmtiles';
import detailUrl from '../../../data/basemap/detail.pmtiles?url';

/** The archive's zoom range; MapLibre overzooms its last zoom. */
export const OFFLINE_DETAIL_ZOOMS = { min: 3, max: 10 } as const;
/** From this zoom the offline basemap has nothing more to show: the map says so (OfflineDetailNote). */
export const OFFLINE_DETAIL_NOTE_ZOOM = 11;

const SCHEME = 'greenline-offline';
let registered = false;

/** Registers the protocol once and returns the tile URL template for a vector source. */
export function offlineDetailTiles(): string {
  if (!registered) {
    const archive = new PMTiles(new URL(detailUrl, window.location.href).href);
    maplibregl.addProtocol(SCHEME, async (params, abort) => {
      const m = /^greenline-offline:\/\/(\d+)\/(\d+)\/(\d+)$/.exec(params.url);
      if (!m) throw new Error(`offline basemap: bad tile URL ${params.url}`);
      const tile = await archive.getZxy(Number(m[1]), Number(m[2]), Number(m[3]), abort.signal);
      // A tile the archive lacks holds nothing to draw (its area has no counties, rivers or lakes).
      return { data: tile ? new Uint8Array(tile.data) : new Uint8Array() };
    });
    registered = true;
  }
  return `${SCHEME}://{z}/{x}/{y}`;
}
