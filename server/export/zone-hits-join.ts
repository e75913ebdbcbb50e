/**
 * The zone-hits export by the spatial join itself: every enterprise's position against every zone,
 * when the stored hits of the last screening cannot answer (export-zone-hits.ts). Loaded only then,
 * so the usual export does not load the zone index and the geometry code.
 *
 * The join runs on the command's own thread. Worker threads would each receive a structured clone
 * of every zone and build the zone index again: for 3,000 reserves and a million enterprises that
 * costs more CPU than a second core saves on a join that takes well under a second (README,
 * `bench:screen`).
 */
import { open } from 'node:fs/promises';
import type { Queryable } from '../db/database.ts';
import { enterprisePositionsById } from '../db/enterprise-position-store.ts';
import { listZoneShapes } from '../db/zone-shape-store.ts';
import { type HitArrays, HitBuffer, ZoneHitFinder } from '../domain/screening/zone-hit-finder.ts';
import { ZONE_KINDS } from '../domain/zone.ts';
import { zoneRanks } from '../domain/zone-order.ts';
import { yieldToEventLoop } from '../event-loop.ts';
import { writeAtomic } from './write-atomic.ts';

/** Rows are written to the file in strings of about this many characters. */
const WRITE_CHARS = 1 << 20;
/** Points joined between turns of the event loop, when the export runs inside the server. */
const SLICE_POINTS = 100_000;

/** Writes the zone-hits CSV to `out` from the join and answers the number of rows. */
export async function joinZoneHits(q: Queryable, withinMetres: number, out: string): Promise<number> {
  const zones = await listZoneShapes(q);
  // DuckDB sorts and hands over the positions on its own threads while this one indexes the zones.
  const reading = enterprisePositionsById(q);
  reading.catch(() => undefined); // awaited below; a failure must not surface as unhandled first
  const finder = new ZoneHitFinder(zones, new Map(ZONE_KINDS.map((k) => [k, withinMetres] as const)));
  const positions = await reading;
  const hits = await findInSlices(finder, positions.lon, positions.lat);
  const order = rowOrder(hits, zoneRanks(zones.map((z) => z.id)));
  // Everything after the enterprise id depends on the zone alone.
  const zoneColumns = zones.map((z) => `,${csv(z.id)},${z.kind},`);
  await writeAtomic(out, async (tmp) => {
    const file = await open(tmp, 'w');
    try {
      let text = 'enterprise_id,zone_id,zone_kind,distance_m\n';
      let lastPoint = -1;
      let idColumn = '';
      for (let i = 0; i < order.length; i++) {
        const k = order[i] as number;
        const p = hits.point[k] as number;
        if (p !== lastPoint) {
          idColumn = csv(positions.id(p));
          lastPoint = p;
        }
        const d = hits.distance[k] as number;
        text += `${idColumn}${zoneColumns[hits.zone[k] as number]}${d === 0 ? '0' : d.toFixed(3)}\n`;
        if (text.length >= WRITE_CHARS) {
          await file.write(text);
          text = '';
        }
      }
      await file.write(text);
    } finally {
      await file.close();
    }
  });
  return order.length;
}

/**
 * The hits of every point, found in slices with a turn of the event loop between them: a command
 * forwarded to a running server must not hold it still for a million points. The finder reports
 * a slice's hits band group by band group; every zone has the same band here, so the hits come
 * in the order one call over all points gives.
 */
async function findInSlices(finder: ZoneHitFinder, lon: Float64Array, lat: Float64Array): Promise<HitArrays> {
  const out = new HitBuffer();
  for (let start = 0; start < lon.length; start += SLICE_POINTS) {
    finder.find(lon, lat, start, Math.min(lon.length, start + SLICE_POINTS), out);
    await yieldToEventLoop();
  }
  return out.toArrays();
}

/**
 * Hit indexes ordered by enterprise, then zone, so that two exports diff cleanly; a stable sort.
 * The finder reports hits by point already when every zone has the same band, so only each
 * point's few hits need ordering; otherwise everything is sorted.
 */
export function rowOrder(hits: HitArrays, zoneRank: Uint32Array): Uint32Array {
  const n = hits.point.length;
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  const before = (a: number, b: number) => {
    const pa = hits.point[a] as number;
    const pb = hits.point[b] as number;
    if (pa !== pb) return pa < pb;
    const ra = zoneRank[hits.zone[a] as number] as number;
    const rb = zoneRank[hits.zone[b] as number] as number;
    return ra !== rb ? ra < rb : a < b;
  };
  let byPoint = true;
  for (let k = 1; k < n && byPoint; k++) byPoint = (hits.point[k - 1] as number) <= (hits.point[k] as number);
  if (!byPoint) return order.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  // Insertion sort within each point's run: runs are a few hits long.
  for (let k = 1; k < n; k++) {
    const v = order[k] as number;
    let j = k - 1;
    while (j >= 0 && before(v, order[j] as number)) {
      order[j + 1] = order[j] as number;
      j--;
    }
    order[j + 1] = v;
  }
  return order;
}

function csv(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
