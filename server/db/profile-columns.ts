/** Capacity, its unit and catalogue sector of every enterprise, in point-payload order (column-payload.ts). */
import { allocateColumns, PROFILE_SCHEMA } from '../domain/column-payload.ts';
import { sectorByte } from '../domain/sector-index.ts';
import { unitByte } from '../domain/units.ts';
import type { Queryable } from './database.ts';
import { readColumns } from './read-columns.ts';

export async function readProfileColumns(q: Queryable, dataVersion: number): Promise<ArrayBuffer> {
  const [capacity, sector, unit] = await readColumns(q, 'SELECT capacity, sector, capacity_unit FROM enterprises ORDER BY key', [
    'float64',
    'text',
    'text',
  ]);
  const { buffer, set } = allocateColumns(PROFILE_SCHEMA, capacity.length, dataVersion, 0);
  const byteOf = new Map<string, number>();
  for (let i = 0; i < capacity.length; i++) {
    set.columns.capacity[i] = capacity[i] as number; // NaN where unknown
    set.columns.unit[i] = unitByte(unit[i]);
    const code = sector[i] as string;
    let b = byteOf.get(code);
    if (b === undefined) {
      b = sectorByte(code);
      byteOf.set(code, b);
    }
    set.columns.sector[i] = b;
  }
  return buffer;
}
