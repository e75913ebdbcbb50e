/** Reads every enterprise as a compact point for the map (see domain/point-payload.ts). */
import { PLANT_STATUSES } from '../domain/enterprise.ts';
import { allocatePoints, MAX_REGIONS, STATUS_MASK, zoneBit } from '../domain/point-payload.ts';
import { prefectureOf } from '../domain/regions.ts';
import { SECTOR_GROUPS, sectorGroup } from '../domain/sectors.ts';
import { ZONE_KINDS } from '../domain/zone.ts';
import type { Queryable } from './database.ts';
import { actionCodeSql } from './enterprise-query.ts';
import { getMeta } from './meta-store.ts';
import { readColumns } from './read-columns.ts';
import { listPrefectures } from './region-index.ts';

const STATUS_INDEX = new Map<string, number>(PLANT_STATUSES.map((s, i) => [s, i]));
const GROUP_INDEX = new Map<string, number>(SECTOR_GROUPS.map((g, i) => [g, i]));
const ACTION_SQL = actionCodeSql('action');
const ZONE_SQL = ZONE_KINDS.map((k) => `CASE WHEN bool_or(zone_kind = '${k}' AND distance_m = 0) THEN ${zoneBit(k)} ELSE 0 END`).join(
  ' + ',
);

export async function readPoints(q: Queryable): Promise<ArrayBuffer> {
  const version = Number((await getMeta(q, 'data_version')) ?? 0);
  const run = Number((await getMeta(q, 'screening_run')) ?? 0);
  const prefectures = await listPrefectures(q);
  if (prefectures.length > MAX_REGIONS) {
    throw new Error(`${prefectures.length} prefecture-level regions: the point payload's region column tells at most ${MAX_REGIONS} apart`);
  }
  const regionIndex = new Map(prefectures.map((p, i) => [p.code, i + 1]));
  const [lon, lat, key, sector, status, region, action, zones] = await readColumns(
    q,
    `WITH action AS (
       SELECT enterprise_id, min(CASE WHEN code = 0 THEN 255 ELSE code END) AS code
       FROM (SELECT enterprise_id, ${ACTION_SQL} AS code FROM flags) GROUP BY enterprise_id),
     zones AS (SELECT enterprise_id, (${ZONE_SQL})::INTEGER AS bits FROM zone_hits GROUP BY enterprise_id)
     SELECT e.lon, e.lat, e.key, e.sector, e.status, e.region_code,
            coalesce(a.code, 0)::INTEGER AS action, coalesce(z.bits, 0)::INTEGER AS zones
     FROM enterprises e
     LEFT JOIN action a ON a.enterprise_id = e.id
     LEFT JOIN zones z ON z.enterprise_id = e.id
     ORDER BY e.key`,
    ['float64', 'float64', 'int32', 'text', 'text', 'text', 'int32', 'int32'],
  );
  const count = lon.length;
  const { buffer, columns } = allocatePoints(count, version, run);
  // Sector and region codes repeat a lot; classify each distinct code once.
  const groupOfCode = new Map<string, number>();
  const regionOfCode = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    columns.position[2 * i] = lon[i] as number;
    columns.position[2 * i + 1] = lat[i] as number;
    columns.key[i] = key[i] as number;
    const code = sector[i] as string;
    let g = groupOfCode.get(code);
    if (g === undefined) {
      g = GROUP_INDEX.get(sectorGroup(code)) ?? 0;
      groupOfCode.set(code, g);
    }
    columns.group[i] = g;
    const a = action[i] as number;
    columns.action[i] = a === 255 ? 0 : a;
    const rc = region[i] ?? '';
    let r = regionOfCode.get(rc);
    if (r === undefined) {
      r = regionIndex.get(rc) ?? regionIndex.get(prefectureOf(rc)) ?? 0;
      regionOfCode.set(rc, r);
    }
    columns.region[i] = r;
    columns.packed[i] = ((STATUS_INDEX.get(status[i] as string) ?? 0) & STATUS_MASK) | (zones[i] as number);
  }
  return buffer;
}
