/**
 * `greenline export zone-hits --within METERS`: one CSV row per enterprise and zone that contains
 * it (distance 0, boundary included) or lies within METERS of it; distance geodesic on WGS84 to
 * the nearest point of the zone, edges straight in lon/lat (design.md). No byte-order mark: this
 * file is for programs, and its header must read exactly enterprise_id,zone_id,zone_kind,distance_m.
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Queryable } from '../db/database.ts';
import { enterprisePositionColumns } from '../db/enterprise-store.ts';
import { listZones } from '../db/zone-store.ts';
import { ZONE_KINDS } from '../domain/zone.ts';
import { defaultThreads, ZoneHitPool } from '../screening/zone-hits-pool.ts';
import { MAX_WITHIN_METRES } from './export-kinds.ts';
import { writeAtomic } from './write-atomic.ts';

export async function exportZoneHits(q: Queryable, withinMetres: number, out: string): Promise<number> {
  if (!Number.isFinite(withinMetres) || withinMetres < 0 || withinMetres > MAX_WITHIN_METRES) {
    throw new Error(`--within must be between 0 and ${MAX_WITHIN_METRES} metres, got ${withinMetres}`);
  }
  const zones = await listZones(q);
  const { id: ids, lon, lat } = await enterprisePositionColumns(q);
  const bands = new Map(ZONE_KINDS.map((k) => [k, withinMetres] as const));
  const pool = await ZoneHitPool.create(
    zones.map((z) => ({ kind: z.kind, geometry: z.geometry })),
    bands,
    ids.length >= 100_000 ? defaultThreads() : 1,
  );
  let hits: Awaited<ReturnType<ZoneHitPool['find']>>;
  try {
    hits = await pool.find(lon, lat);
  } finally {
    await pool.close();
  }
  // Order rows by enterprise, then zone, so that two exports diff cleanly.
  const order = Array.from(hits.point.keys()).sort((a, b) => {
    const pa = hits.point[a] as number;
    const pb = hits.point[b] as number;
    if (pa !== pb) return pa - pb;
    return (zones[hits.zone[a] as number]?.id ?? '').localeCompare(zones[hits.zone[b] as number]?.id ?? '');
  });
  await writeAtomic(out, async (tmp) => {
    const stream = createWriteStream(tmp);
    const write = async (s: string) => {
      if (!stream.write(s)) await once(stream, 'drain');
    };
    await write('enterprise_id,zone_id,zone_kind,distance_m\n');
    for (const k of order) {
      const zone = zones[hits.zone[k] as number];
      if (!zone) continue;
      const d = hits.distance[k] as number;
      await write(`${csv(ids[hits.point[k] as number] as string)},${csv(zone.id)},${zone.kind},${d === 0 ? '0' : d.toFixed(3)}\n`);
    }
    stream.end();
    await once(stream, 'finish');
  });
  return order.length;
}

function csv(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
