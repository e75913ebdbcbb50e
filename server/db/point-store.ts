/** Reads every enterprise as a compact point for the map (see domain/point-payload.ts). */
import { PLANT_STATUSES } from '../domain/enterprise.ts';
import { allocatePoints, POINT_FLAGS } from '../domain/point-payload.ts';
import { SECTOR_GROUPS, sectorGroup } from '../domain/sectors.ts';
import type { Queryable } from './database.ts';
import { getMeta } from './meta-store.ts';

const STATUS_INDEX = new Map<string, number>(PLANT_STATUSES.map((s, i) => [s, i]));
const GROUP_INDEX = new Map<string, number>(SECTOR_GROUPS.map((g, i) => [g, i]));

export async function readPoints(q: Queryable): Promise<ArrayBuffer> {
  const version = Number((await getMeta(q, 'data_version')) ?? 0);
  const reader = await q.connection.runAndReadAll(
    `SELECT lon, lat, key, sector, status,
            (CASE WHEN location_accuracy = 'approximate' THEN ${POINT_FLAGS.approximate} ELSE 0 END
             + CASE WHEN above_scale THEN ${POINT_FLAGS.aboveScale} ELSE 0 END
             + CASE WHEN scattered_dirty THEN ${POINT_FLAGS.scatteredDirty} ELSE 0 END
             + CASE WHEN green_factory THEN ${POINT_FLAGS.greenFactory} ELSE 0 END
             + CASE WHEN in_park THEN ${POINT_FLAGS.inPark} ELSE 0 END)::UTINYINT AS flags
     FROM enterprises ORDER BY key`,
  );
  const [lon, lat, key, sector, status, flags] = reader.getColumnsJS() as [number[], number[], number[], string[], string[], number[]];
  const count = lon.length;
  const { buffer, columns } = allocatePoints(count, version);
  // Sector codes repeat a lot; classify each distinct code once.
  const groupOfCode = new Map<string, number>();
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
    columns.status[i] = STATUS_INDEX.get(status[i] as string) ?? 0;
    columns.flags[i] = flags[i] as number;
  }
  return buffer;
}
